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
    starts.sort((a, b) => a - b);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    // The window is kept by the times the slots were taken, a little before each request
    // starts: a loaded machine can bring two starts somewhat closer than the gap, never
    // together (without the shared window, the two instances' first requests start at once).
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(gap - 100);
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
