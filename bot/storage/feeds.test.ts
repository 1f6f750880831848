import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_BACKOFF } from './feeds';
import { feedEntry, tempStorage } from './testdata/temp-storage';

const MIN = 60_000;
const T0 = '2025-03-01T12:00:00.000Z';
const plus = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

describe('feeds', () => {
  it('adds registry entries with empty state', async () => {
    const { storage } = await tempStorage();
    await storage.feeds.upsertFromRegistry([feedEntry(1), feedEntry(2, { kind: 'search', script: 'Cyrl' })]);
    const [a, b] = await storage.feeds.list();
    expect(a).toMatchObject({ outlet: 'Outlet 1', kind: 'outlet', active: true, paused: false, firstReadAt: null, consecutiveFailures: 0 });
    expect(b).toMatchObject({ kind: 'search', script: 'Cyrl' });
  });

  it('keeps fetch state when the registry is loaded again and deactivates dropped feeds', async () => {
    const { storage } = await tempStorage();
    await storage.feeds.upsertFromRegistry([feedEntry(1), feedEntry(2)]);
    await storage.feeds.recordSuccess(feedEntry(1).url, { etag: '"v1"', lastModified: 'Sat, 01 Mar 2025 11:00:00 GMT', itemsSeen: 20, at: T0 });

    await storage.feeds.upsertFromRegistry([feedEntry(1, { outlet: 'Renamed' })]);
    const one = (await storage.feeds.get(feedEntry(1).url))!;
    expect(one).toMatchObject({ outlet: 'Renamed', etag: '"v1"', firstReadAt: T0, itemsSeen: 20, active: true });
    expect((await storage.feeds.list()).map((f) => f.url)).toEqual([feedEntry(1).url]);
    expect((await storage.feeds.get(feedEntry(2).url))!.active).toBe(false);
    expect((await storage.feeds.due(T0)).map((f) => f.url)).toEqual([feedEntry(1).url]);
  });

  it('sets first_read_at once, on the first success', async () => {
    const { storage } = await tempStorage();
    const { url } = feedEntry(1);
    await storage.feeds.upsertFromRegistry([feedEntry(1)]);
    await storage.feeds.recordFailure(url, 'HTTP 503', T0);
    expect((await storage.feeds.get(url))!.firstReadAt).toBeNull();
    await storage.feeds.recordSuccess(url, { itemsSeen: 3, at: plus(MIN) });
    await storage.feeds.recordSuccess(url, { itemsSeen: 4, at: plus(2 * MIN) });
    expect(await storage.feeds.get(url)).toMatchObject({ firstReadAt: plus(MIN), lastOkAt: plus(2 * MIN), itemsSeen: 4 });
  });

  it('keeps validators when a 304 omits them and clears them when told', async () => {
    const { storage } = await tempStorage();
    const { url } = feedEntry(1);
    await storage.feeds.upsertFromRegistry([feedEntry(1)]);
    await storage.feeds.recordSuccess(url, { etag: '"a"', lastModified: 'x', itemsSeen: 1, at: T0 });
    await storage.feeds.recordSuccess(url, { itemsSeen: 1, at: T0 });
    expect(await storage.feeds.get(url)).toMatchObject({ etag: '"a"', lastModified: 'x' });
    await storage.feeds.recordSuccess(url, { etag: null, lastModified: null, itemsSeen: 1, at: T0 });
    expect(await storage.feeds.get(url)).toMatchObject({ etag: null, lastModified: null });
  });

  it('backs off exponentially from 10 minutes and caps at a day', async () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n) / MIN)).toEqual([10, 20, 40, 80]);
    expect(backoffDelayMs(9)).toBe(DEFAULT_BACKOFF.capMs);
    expect(backoffDelayMs(1000)).toBe(DEFAULT_BACKOFF.capMs);
  });

  it('grows next_due_at with each failure and hides the feed from due() until then', async () => {
    const { storage } = await tempStorage();
    const { url } = feedEntry(1);
    await storage.feeds.upsertFromRegistry([feedEntry(1)]);
    const first = await storage.feeds.recordFailure(url, 'timeout', T0);
    expect(first).toEqual({ consecutiveFailures: 1, nextDueAt: plus(10 * MIN), paused: false, justPaused: false });
    const second = await storage.feeds.recordFailure(url, 'timeout', T0);
    expect(second.nextDueAt).toBe(plus(20 * MIN));

    expect(await storage.feeds.due(plus(19 * MIN))).toEqual([]);
    expect((await storage.feeds.due(plus(20 * MIN))).map((f) => f.url)).toEqual([url]);
    expect(await storage.feeds.get(url)).toMatchObject({ lastError: 'timeout', consecutiveFailures: 2 });

    await storage.feeds.recordSuccess(url, { itemsSeen: 5, at: plus(20 * MIN) });
    expect(await storage.feeds.get(url)).toMatchObject({ consecutiveFailures: 0, lastError: null, nextDueAt: null });
  });

  it('pauses after 8 failures in a row, reports it once, and resumes by hand', async () => {
    const { storage } = await tempStorage();
    const { url } = feedEntry(1);
    await storage.feeds.upsertFromRegistry([feedEntry(1), feedEntry(2)]);
    const results = [];
    for (let i = 0; i < 9; i++) results.push(await storage.feeds.recordFailure(url, 'HTTP 404', T0));
    expect(results.map((r) => r.justPaused)).toEqual([false, false, false, false, false, false, false, true, false]);
    expect(results[6].paused).toBe(false);
    expect(results[7].paused).toBe(true);
    expect((await storage.feeds.due('2030-01-01T00:00:00Z')).map((f) => f.url)).toEqual([feedEntry(2).url]);
    expect(await storage.feeds.status()).toEqual({ total: 2, neverRead: 2, failing: 0, paused: 1 });

    await storage.feeds.resume(url);
    expect(await storage.feeds.get(url)).toMatchObject({ paused: false, consecutiveFailures: 0 });
    expect(await storage.feeds.due(T0)).toHaveLength(2);
  });

  it('honours a custom backoff policy', async () => {
    const { storage } = await tempStorage({ backoff: { baseMs: 1000, capMs: 3000, pauseAfter: 2 } });
    const { url } = feedEntry(1);
    await storage.feeds.upsertFromRegistry([feedEntry(1)]);
    expect((await storage.feeds.recordFailure(url, 'e', T0)).nextDueAt).toBe(plus(1000));
    expect(await storage.feeds.recordFailure(url, 'e', T0)).toMatchObject({ nextDueAt: plus(2000), justPaused: true });
  });

  // SQLite compares text as bytes (BINARY); the same order on PostgreSQL whatever its collation.
  it('lists and hands out feeds in byte order of outlet and URL, capitals and diacritics included', async () => {
    const { storage } = await tempStorage();
    const outlets = ['b92', 'Čačak', 'Danas', 'Zrenjanin', 'danas'];
    await storage.feeds.upsertFromRegistry(outlets.map((outlet, i) => feedEntry(i, { outlet, url: `https://feeds.example/${outlet}.xml` })));
    expect((await storage.feeds.list()).map((f) => f.outlet)).toEqual(['Danas', 'Zrenjanin', 'b92', 'danas', 'Čačak']);
    // Never read: due by URL.
    expect((await storage.feeds.due(T0)).map((f) => f.outlet)).toEqual(['Danas', 'Zrenjanin', 'b92', 'danas', 'Čačak']);
    expect((await storage.feeds.leaseDue(T0, { leaseMs: MIN, limit: 2 })).map((f) => f.outlet)).toEqual(['Danas', 'Zrenjanin']);
    expect((await storage.feeds.leaseDue(T0, { leaseMs: MIN })).map((f) => f.outlet)).toEqual(storage.dialect === 'sqlite' ? ['Danas', 'Zrenjanin', 'b92', 'danas', 'Čačak'] : ['b92', 'danas', 'Čačak']);
  });

  it('rejects state updates for unknown feeds', async () => {
    const { storage } = await tempStorage();
    await expect((async () => await storage.feeds.recordSuccess('https://nope/', { itemsSeen: 0, at: T0 }))()).rejects.toThrow(/unknown feed/);
    await expect((async () => await storage.feeds.recordFailure('https://nope/', 'x', T0))()).rejects.toThrow(/unknown feed/);
  });
});

describe('slow reads back off (issue 10)', () => {
  it('counts slow reads in a row, backs off like failures, and resets on a fast read', async () => {
    const { storage } = await tempStorage();
    {
      await storage.feeds.upsertFromRegistry([{ outlet: 'S', url: 'http://s.example/rss', language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'http://s.example/' }]);
      const at = '2026-01-01T00:00:00.000Z';
      await storage.feeds.recordSuccess('http://s.example/rss', { itemsSeen: 5, itemsDropped: 7, at, slow: true });
      let f = (await storage.feeds.get('http://s.example/rss'))!;
      expect(f).toMatchObject({ consecutiveSlow: 1, consecutiveFailures: 0, itemsDropped: 7, nextDueAt: '2026-01-01T00:10:00.000Z' });
      expect(await storage.feeds.due('2026-01-01T00:05:00.000Z')).toHaveLength(0);
      await storage.feeds.recordSuccess('http://s.example/rss', { itemsSeen: 5, at: '2026-01-01T00:10:00.000Z', slow: true });
      f = (await storage.feeds.get('http://s.example/rss'))!;
      expect(f).toMatchObject({ consecutiveSlow: 2, nextDueAt: '2026-01-01T00:30:00.000Z' });
      await storage.feeds.recordSuccess('http://s.example/rss', { itemsSeen: 5, at: '2026-01-01T00:30:00.000Z' });
      f = (await storage.feeds.get('http://s.example/rss'))!;
      expect(f).toMatchObject({ consecutiveSlow: 0, nextDueAt: null, itemsDropped: 0 });
    }
  });
});
