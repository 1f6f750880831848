/**
 * The hostile-feed suite (issue 10): one run of the real monitor, parse worker, processor,
 * storage, delivery worker and API against generated hostile feeds served on 127.0.0.1 beside
 * two normal feeds (bot/bench/hostile.ts), with /healthz probed every 100 ms throughout. Each
 * case is checked on what was stored and logged; the timing bounds are deliberately generous
 * (a shared machine is noisy); `npm run bench -- hostile` prints the exact figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latinToCyrillic } from '../shared/text/transliterate';
import { MAX_ALERTS, median, RELEVANT, runHostile, type HostileRun } from '../bot/bench/hostile';

let run: HostileRun;

beforeAll(async () => {
  run = await runHostile();
}, 240_000);

afterAll(async () => {
  await run?.close();
});

const feed = async (path: string) => (await run.storage.feeds.get(run.feedUrl(path)))!;
const articles = (path: string) =>
  run.storage.db.all<{ id: number; title: string; textLength: number }>('SELECT id, title, length(text) AS "textLength" FROM articles WHERE feed_url = ?', [run.feedUrl(path)]);

describe('hostile feeds', () => {
  it('refuses entity amplification with a clear error and stores nothing from it', async () => {
    expect((await feed('/amplification.xml')).lastError).toMatch(/entity amplification/);
    expect(await articles('/amplification.xml')).toHaveLength(0);
    const longest = (await run.storage.db.get<{ n: number }>('SELECT max(length(text)) AS n FROM articles'))!;
    expect(longest.n).toBeLessThanOrEqual(100_000);
  });

  it.each(['/open-tags.xml', '/end-tags.xml', '/channels.xml', '/categories.xml'])('reads the quadratic input %s in bounded time', async (path) => {
    const f = await feed(path);
    expect(f.lastError).toBeNull();
    expect(f.lastOkAt).not.toBeNull();
  });

  it('keeps the newest 500 of 100,000 items and counts the rest', async () => {
    const f = await feed('/items.xml');
    expect(f.itemsSeen).toBe(500);
    expect(f.itemsDropped).toBe(99_500);
    const stored = await articles('/items.xml');
    expect(stored).toHaveLength(500);
    // Item n is published n seconds after the first: the newest are 99,500..99,999.
    const numbers = stored.map((a) => Number(a.title.replace('Vest ', '')));
    expect(Math.min(...numbers)).toBe(99_500);
  });

  it('cuts a 4 MB title to the field limit with a marker', async () => {
    const [a] = await articles('/title.xml');
    expect(a.title.length).toBeLessThanOrEqual(500);
    expect(a.title.endsWith('…')).toBe(true);
  });

  it('backs off a feed that succeeds slowly', async () => {
    const f = await feed('/slow.xml');
    expect(f.lastError).toBeNull();
    expect(f.consecutiveSlow).toBe(1);
    expect(Date.parse(f.nextDueAt!)).toBeGreaterThan(Date.now());
    expect(run.hits.get('/slow.xml')).toBe(1); // not read again in the second cycle
  });

  it('never fetches a feed a chat added while running once it resolves to a private address', async () => {
    expect(run.hits.get('/chat.xml') ?? 0).toBe(0);
    const chat = (await run.storage.feeds.list()).find((f) => f.outlet === 'From a chat')!;
    expect(chat.lastError).toMatch(/not a public address|non-public address/);
  });

  it('decodes a valid UTF-8 body as UTF-8 despite a windows-1252 header', async () => {
    const [a] = await articles('/utf8.xml');
    expect(a.title).toBe(latinToCyrillic(RELEVANT[0].title));
  });

  it('caps alerts per feed per cycle; the rest are stored, not alerted', async () => {
    const stored = await articles('/alerts.xml');
    expect(stored).toHaveLength(30);
    const alerted = (await run.storage.db.get<{ n: number }>(`SELECT count(*) AS n FROM alerts WHERE article_id IN (${stored.map((a) => a.id).join(',')})`))!;
    expect(alerted.n).toBe(MAX_ALERTS);
  });

  it("still delivers the normal feeds' alerts", () => {
    for (const s of RELEVANT) expect(run.delivered).toContain(s.title);
  });

  it('keeps the API responsive and memory bounded throughout', () => {
    expect(run.healthz.length).toBeGreaterThan(10);
    // Goals (measured by `npm run bench -- hostile`): median < 250 ms, none > 2 s, < 400 MB.
    // Here, bounds a loaded test machine cannot trip by accident, still far below the
    // 16-58 s freezes and 4 GB the issue measured.
    expect(median(run.healthz)).toBeLessThan(250);
    expect(Math.max(...run.healthz)).toBeLessThan(5_000);
    expect(run.loopDelayMaxMs).toBeLessThan(5_000);
    expect(run.peakRssMb).toBeLessThan(800);
  });
});
