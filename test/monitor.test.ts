/**
 * The monitor end to end, in process: the real fetcher, parser, processor and storage against
 * feeds served on 127.0.0.1 (test/fakes/feed-server.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedEntry } from '../shared/model/types';
import { latinToCyrillic } from '../shared/text/transliterate';
import { silentLogger } from '../bot/log';
import { createMonitor, type Monitor } from '../bot/monitor';
import { createProcessor } from '../bot/reader/processor';
import { openStorage, type Storage } from '../bot/storage';
import { notifyRepos } from '../bot/notify/repos';
import { startFeedServer, type FakeItem, type FeedServer } from './fakes/feed-server';
import { RELEVANT_ITEMS, IRRELEVANT_ITEMS } from './fixtures/items';

let server: FeedServer;
let dir: string;
let storage: Storage;
let monitor: Monitor;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

function item(n: number, base: { title: string; text: string }, published = hoursAgo(1)): FakeItem {
  return { guid: `item-${n}`, title: base.title, description: base.text, link: `http://127.0.0.1/a/${n}?utm_source=rss`, published };
}

function entry(path: string, outlet: string, script: 'Latn' | 'Cyrl' = 'Latn'): FeedEntry {
  return { outlet, url: server.feedUrl(path), language: 'sr', script, scope: 'domestic', homepage: 'http://127.0.0.1/' };
}

function start(feeds: FeedEntry[], fetchTimeoutMs = 5000) {
  const processor = createProcessor({ storage, backlogHours: 24 });
  monitor = createMonitor({ storage, processor, feeds, logger: silentLogger, perHostGapMs: 0, fetchTimeoutMs, fetchConcurrency: 4 });
  return monitor;
}

const pendingAlerts = () =>
  storage.db.all<{ kind: string; title: string }>('SELECT a.kind, ar.title FROM alerts a JOIN articles ar ON ar.id = a.article_id ORDER BY a.id');

beforeEach(async () => {
  server = await startFeedServer();
  dir = mkdtempSync(join(tmpdir(), 'nadzor-monitor-'));
  storage = openStorage(dir);
});

afterEach(async () => {
  await monitor?.stop();
  await storage.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('monitor', () => {
  it('stores and classifies every item and alerts relevant new ones exactly once', async () => {
    server.setFeed('/danas.xml', { items: [item(1, RELEVANT_ITEMS[0]), item(2, IRRELEVANT_ITEMS[0]), item(3, IRRELEVANT_ITEMS[1])] });
    const m = start([entry('/danas.xml', 'Danas')]);
    const first = await m.runCycle();
    expect(first).toMatchObject({ feeds: 1, ok: 1, items: 3, stored: 3, relevant: 1, alerts: 1 });
    expect(await storage.articles.count({})).toBe(3);
    const [stored] = await storage.articles.search({ relevant: true });
    expect(stored.url).toBe('http://127.0.0.1/a/1'); // tracking parameter removed
    expect(stored.classification.reasons.length).toBeGreaterThan(0);

    const second = await m.runCycle();
    expect(second).toMatchObject({ notModified: 1, stored: 0, alerts: 0 });
    expect(await pendingAlerts()).toHaveLength(1);
  });

  it('honours the backlog rule on a first read, then alerts items added later', async () => {
    server.setFeed('/n1.xml', {
      items: [item(1, RELEVANT_ITEMS[0], hoursAgo(72)), item(2, RELEVANT_ITEMS[1], hoursAgo(2))],
    });
    const m = start([entry('/n1.xml', 'N1')]);
    const first = await m.runCycle();
    expect(first).toMatchObject({ stored: 2, relevant: 2, alerts: 1 });
    expect((await pendingAlerts()).map((a) => a.title)).toEqual([RELEVANT_ITEMS[1].title]);

    server.addItems('/n1.xml', [item(3, RELEVANT_ITEMS[2], hoursAgo(0.1))]);
    const later = await m.runCycle();
    expect(later).toMatchObject({ stored: 1, alerts: 1 });
    expect((await pendingAlerts()).map((a) => a.title)).toEqual([RELEVANT_ITEMS[1].title, RELEVANT_ITEMS[2].title]);
  });

  it('groups a Latin and a Cyrillic copy of one story: one alert, then a follow-up', async () => {
    const wire = RELEVANT_ITEMS[0];
    server.setFeed('/beta.xml', { items: [item(1, wire)] });
    server.setFeed('/rts.xml', {
      items: [{ ...item(2, { title: latinToCyrillic(wire.title), text: latinToCyrillic(wire.text) }), link: 'http://127.0.0.1/rts/2' }],
    });
    const m = start([entry('/beta.xml', 'Beta'), entry('/rts.xml', 'RTS', 'Cyrl')]);
    await m.runCycle();
    const articles = await storage.articles.search({});
    expect(articles).toHaveLength(2);
    expect(articles[0].storyId).toBe(articles[1].storyId);
    expect((await pendingAlerts()).map((a) => a.kind).sort()).toEqual(['follow-up', 'new']);
  });

  it('keeps going past feeds that time out, return garbage or fail with 500', async () => {
    server.setFeed('/ok.xml', { items: [item(1, RELEVANT_ITEMS[0])] });
    server.setFeed('/slow.xml', { items: [], mode: 'hang' });
    server.setFeed('/garbage.xml', { items: [], mode: 'garbage' });
    server.setFeed('/broken.xml', { items: [], mode: 'error500' });
    const feeds = ['/ok.xml', '/slow.xml', '/garbage.xml', '/broken.xml'].map((p) => entry(p, p.slice(1, -4)));
    const m = start(feeds, 1500);
    const summary = await m.runCycle();
    expect(summary).toMatchObject({ feeds: 4, ok: 1, failed: 3, stored: 1, alerts: 1 });
    const failing = (await storage.feeds.list()).filter((f) => f.consecutiveFailures > 0);
    expect(failing.map((f) => f.outlet).sort()).toEqual(['broken', 'garbage', 'slow']);
    for (const f of failing) {
      expect(f.lastError).toBeTruthy();
      expect(Date.parse(f.nextDueAt!)).toBeGreaterThan(Date.now()); // backing off
    }
    // Backed-off feeds are not due in the next cycle; the healthy one still is.
    const next = await m.runCycle();
    expect(next.feeds).toBe(1);
  });

  it('fetches a feed added from a chat only from public addresses', async () => {
    server.setFeed('/chat.xml', { items: [item(1, RELEVANT_ITEMS[0])] });
    const m = start([{ ...entry('/chat.xml', 'From chat'), origin: 'chat' }]);
    const summary = await m.runCycle();
    expect(summary).toMatchObject({ failed: 1, stored: 0 });
    expect(server.hits('/chat.xml')).toBe(0);
    expect((await storage.feeds.list())[0].lastError).toMatch(/not a public address/);
  });

  it('checks a feed a chat adds while the monitor runs at every connection too', async () => {
    server.setFeed('/ok.xml', { items: [item(1, RELEVANT_ITEMS[0])] });
    server.setFeed('/later.xml', { items: [item(2, RELEVANT_ITEMS[1])] });
    const m = start([entry('/ok.xml', 'Operator')]);
    await m.runCycle();
    // Added after start, as `/feeds add` does (it was public when added; now it is not).
    await notifyRepos(storage).chatFeeds.add({ ...entry('/later.xml', 'Later'), url: server.feedUrl('/later.xml') }, 'telegram:1:2', new Date().toISOString());
    const summary = await m.runCycle();
    expect(summary).toMatchObject({ failed: 1, stored: 0 });
    expect(server.hits('/later.xml')).toBe(0);
    expect((await storage.feeds.get(server.feedUrl('/later.xml')))!.lastError).toMatch(/not a public address/);
  });

  it('caps items per feed and alerts per feed and cycle, counting the rest', async () => {
    server.setFeed('/many.xml', {
      items: Array.from({ length: 12 }, (_, i) => ({ ...item(i, RELEVANT_ITEMS[i % 3], hoursAgo(1 + i / 100)), title: `${RELEVANT_ITEMS[i % 3].title} ${i}`, link: `http://127.0.0.1/m/${i}` })),
    });
    const processor = createProcessor({ storage, backlogHours: 24 });
    monitor = createMonitor({ storage, processor, feeds: [entry('/many.xml', 'Many')], logger: silentLogger, perHostGapMs: 0, feedMaxItems: 8, feedMaxAlerts: 3 });
    const summary = await monitor.runCycle();
    expect(summary).toMatchObject({ items: 8, stored: 8, alerts: 3 });
    const state = (await storage.feeds.get(server.feedUrl('/many.xml')))!;
    expect(state).toMatchObject({ itemsSeen: 8, itemsDropped: 4 });
  });
});
