import { describe, expect, it } from 'vitest';
import { tempStorage, testBackend } from '../storage/testdata/temp-storage';
import { createFetchPool, createHostGate } from './pool';
import { sharedHostSpacing } from './shared-hosts';

// PostgreSQL-only: the spacing several instances share through the database. Two instances
// here are two fetch pools with their own host gates and their own connection pools.
describe.runIf(testBackend === 'postgres')('host spacing across instances', () => {
  it('starts requests to one host at least the gap apart whichever instance makes them', async () => {
    const { storage, reopen } = await tempStorage();
    const other = await reopen();
    const errors: unknown[] = [];
    const starts: number[] = [];
    const gap = 300;
    const instances = [storage, other].map((s) => createFetchPool({ concurrency: 4, perHostGapMs: gap, hosts: createHostGate(sharedHostSpacing(s.db, (e) => errors.push(e))) }));
    const request = async () => {
      starts.push(Date.now());
      await new Promise((r) => setTimeout(r, 20));
    };
    await Promise.all(instances.flatMap((pool) => [1, 2, 3].map((i) => pool.run(`https://outlet.example/feed-${i}.xml`, request))));
    expect(starts).toHaveLength(6);
    // The shared window: every start took a slot, the slots at least the gap apart (exact:
    // they are the times the database recorded).
    const slots = (await storage.db.all<{ at: number }>("SELECT at FROM rate_sends WHERE key = 'host:outlet.example' ORDER BY at")).map((r) => r.at);
    expect(slots).toHaveLength(6);
    for (let i = 1; i < slots.length; i++) expect(slots[i] - slots[i - 1]).toBeGreaterThanOrEqual(gap);
    // And the requests themselves: each starts a little after its slot, so on a loaded machine
    // two may come somewhat closer than the gap, but six of them span five gaps (without the
    // shared window, the two instances' requests would start in pairs, and span about two).
    starts.sort((a, b) => a - b);
    expect(starts[5] - starts[0]).toBeGreaterThanOrEqual(5 * gap - 150);
    expect(errors).toEqual([]);
  });

  it('lets the request go ahead when the database cannot be asked', async () => {
    const { storage, reopen } = await tempStorage();
    const closed = await reopen();
    await closed.close();
    const errors: unknown[] = [];
    const pool = createFetchPool({ perHostGapMs: 100, hosts: createHostGate(sharedHostSpacing(closed.db, (e) => errors.push(e))) });
    expect(await pool.run('https://outlet.example/feed.xml', async () => 'read')).toBe('read');
    expect(errors).toHaveLength(1);
    expect(storage.db.open).toBe(true);
  });
});
