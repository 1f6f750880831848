import { afterEach, describe, expect, it } from 'vitest';
import { entityAmplification, manyItems } from '../bench/hostile-feeds';
import { createParsePool, type ParsePool } from './parse-pool';

let pool: ParsePool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

const feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Kamere</title><link>http://a.example/1?x=1</link></item></channel></rss>';

describe('parse pool (parsing off the event loop)', () => {
  it('parses in a worker thread, the same result as in process', async () => {
    pool = createParsePool();
    const parsed = await pool.parse(feed, { url: 'http://a.example/rss' });
    expect(parsed.items.map((i) => i.title)).toEqual(['Kamere']);
    expect(parsed.itemsDropped).toBe(0);
  }, 60_000);

  it('passes the reader budgets on: items kept and entity amplification', async () => {
    pool = createParsePool({ limits: { maxItems: 10 } });
    const parsed = await pool.parse(manyItems(100), { url: 'http://a.example/rss' });
    expect(parsed.items).toHaveLength(10);
    expect(parsed.itemsDropped).toBe(90);
    await expect(pool.parse(entityAmplification(), { url: 'http://a.example/amp?key=SECRET' })).rejects.toThrow(/\(entity amplification\) \(http:\/\/a\.example\/amp\?…\)$/);
  }, 60_000);

  it('ends a parse over its time budget with a clear error, and the next parse gets a fresh worker', async () => {
    pool = createParsePool({ timeoutMs: 1 });
    await expect(pool.parse(manyItems(20_000), { url: 'http://a.example/big' })).rejects.toThrow(/took longer than 1 ms/);
    await pool.close();
    pool = createParsePool();
    await expect(pool.parse(feed, {})).resolves.toMatchObject({ items: [{ title: 'Kamere' }] });
  }, 60_000);
});
