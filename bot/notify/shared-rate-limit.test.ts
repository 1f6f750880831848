/**
 * The shared rate limits of several instances on one PostgreSQL (issue 12): two limiters with
 * their own connection pools, as two processes would have, pace one destination together.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { useFileCluster } from '../../test/pg-file-cluster';
import { openPostgresStorage, type Storage } from '../storage';
import { systemClock } from './clock';
import { SharedRateLimiter } from './shared-rate-limit';

const pg = useFileCluster('rate');
const opened: Storage[] = [];

// Runs before the cluster stops (after-hooks run in reverse order).
afterAll(async () => {
  for (const s of opened) await s.close();
});

/** Two "instances" on one new database. */
async function twoInstances(): Promise<[Storage, Storage]> {
  const url = await pg.database();
  const a = await openPostgresStorage(url, { poolSize: 3 });
  const b = await openPostgresStorage(url, { poolSize: 3 });
  opened.push(a, b);
  return [a, b];
}

/** The most sends any window of `windowMs` holds, from the shared table. */
async function busiestWindow(s: Storage, key: string, windowMs: number): Promise<number> {
  const at = (await s.db.all<{ at: number }>('SELECT at FROM rate_sends WHERE key = ? ORDER BY at', [key])).map((r) => Number(r.at));
  let most = 0;
  for (let i = 0; i < at.length; i++) most = Math.max(most, at.filter((t) => t >= at[i] && t < at[i] + windowMs).length);
  return most;
}

describe('SharedRateLimiter', () => {
  it('two instances together never exceed one destination window', async () => {
    const [a, b] = await twoInstances();
    const windows = [{ key: 'telegram:chat:-100', limit: 3, windowMs: 400 }];
    const la = new SharedRateLimiter(a.db, systemClock, 0);
    const lb = new SharedRateLimiter(b.db, systemClock, 0);
    const started = Date.now();
    await Promise.all([...Array.from({ length: 6 }, () => la.acquire(windows)), ...Array.from({ length: 6 }, () => lb.acquire(windows))]);
    // 12 requests at 3 per 400 ms: at least three full windows of waiting.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1200);
    expect(await busiestWindow(a, 'telegram:chat:-100', 400)).toBeLessThanOrEqual(3);
    // Both instances see the same budget: neither has room left right now.
    expect(await la.capacity(windows, 10)).toBe(0);
    expect(await lb.capacity(windows, 10)).toBe(0);
  }, 30_000);

  it("one instance's 429 pause holds the other back", async () => {
    const [a, b] = await twoInstances();
    const windows = [{ key: 'discord:channel:1', limit: 50, windowMs: 1000 }];
    await new SharedRateLimiter(a.db, systemClock, 0).pause(['discord:channel:1'], Date.now() + 500);
    const started = Date.now();
    await new SharedRateLimiter(b.db, systemClock, 0).acquire(windows);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  }, 30_000);

  it('keys of other destinations do not wait for each other', async () => {
    const [a] = await twoInstances();
    const limiter = new SharedRateLimiter(a.db, systemClock, 0);
    await limiter.acquire([{ key: 'x', limit: 1, windowMs: 60_000 }]);
    const started = Date.now();
    await limiter.acquire([{ key: 'y', limit: 1, windowMs: 60_000 }]);
    expect(Date.now() - started).toBeLessThan(1000);
  }, 30_000);
});
