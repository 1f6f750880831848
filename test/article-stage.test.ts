/**
 * The article stage in the running app (bot/app.ts): the monitor reads a title-only feed, the
 * stage reads each item's page, and the processor decides on it. A feed whose pages drip
 * holds up neither the other feeds nor the API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedEntry } from '../shared/model/types';
import { startApp, type App } from '../bot/app';
import { loadConfig } from '../bot/config';
import { silentLogger } from '../bot/log';
import { startArticleWorld, type ArticleWorld } from '../bot/reader/article/testdata/world';

let world: ArticleWorld | undefined;
let app: App | undefined;
let dir: string | undefined;

afterEach(async () => {
  await app?.stop();
  await world?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  app = world = dir = undefined;
});

const entry = (outlet: string, url: string): FeedEntry => ({ outlet, url, language: 'sr', script: 'Latn', scope: 'domestic', homepage: url });

describe('article stage in the app', () => {
  it('reads the pages of a title-only feed while a feed with dripping pages waits, and the API answers meanwhile', async () => {
    world = await startArticleWorld({ dripMs: 100 });
    dir = mkdtempSync(join(tmpdir(), 'nadzor-article-app-'));
    const config = loadConfig({ DATA_DIR: dir, HTTP_PORT: '0', ARTICLE_WAIT_MS: '6000', FETCH_CONCURRENCY: '1' });
    const slow = entry('Spori portal', `${world.url.replace('127.0.0.1', 'localhost')}/feeds/drip.xml`);
    const fast = entry('Lokalne vesti', `${world.url}/feeds/title-only.xml`);
    const finished: string[] = [];
    let apiDuringWait: number | null = null;
    app = await startApp({
      config,
      feeds: [slow, fast],
      logger: silentLogger,
      perHostGapMs: 0,
      onProgress: (_done, _total, feed) => {
        finished.push(feed.outlet);
        // The fast feed is done while the slow one still waits for its pages: ask the API now.
        if (feed.outlet === fast.outlet) {
          void fetch(`${app!.apiUrl}/api/articles?limit=1`).then((r) => (apiDuringWait = r.status));
        }
      },
    });
    const summary = await app.monitor.runCycle();
    expect(summary.failed).toBe(0);
    // One feed slot (FETCH_CONCURRENCY=1), yet the fast feed finished first.
    expect(finished).toEqual([fast.outlet, slow.outlet]);
    expect(apiDuringWait).toBe(200);

    const storage = app.storage;
    const dripped = await storage.articles.search({ outlet: slow.outlet });
    expect(dripped).toHaveLength(3);
    for (const a of dripped) {
      expect(a.pageStatus).toBe('timeout');
      expect(a.decidedOn).toBe('title');
    }
    const read = await storage.articles.search({ outlet: fast.outlet, limit: 100 });
    expect(read.length).toBeGreaterThan(20);
    expect(read.filter((a) => a.pageStatus === 'ok').length).toBeGreaterThan(20);
    expect(read.filter((a) => a.classification.relevant && a.decidedOn === 'title+lead+page').length).toBeGreaterThanOrEqual(15);
    // Alerts were queued for the relevant ones, decided on their pages.
    const alerts = (await storage.db.get<{ n: number }>('SELECT count(*) AS n FROM alerts'))!;
    expect(alerts.n).toBeGreaterThanOrEqual(15);
    // A second cycle fetches no page again.
    const before = [...world.hits].filter(([p]) => p.startsWith('/a/')).reduce((s, [, n]) => s + n, 0);
    await app.monitor.runCycle();
    const after = [...world.hits].filter(([p]) => p.startsWith('/a/')).reduce((s, [, n]) => s + n, 0);
    expect(after).toBe(before);
  }, 60_000);
});
