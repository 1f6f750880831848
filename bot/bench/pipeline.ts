/**
 * Pipeline benchmark: 500 local feeds of 50 items each, served on 127.0.0.1, one full cycle
 * of the real monitor (fetch, parse, process, classify, store) into a temporary database.
 * Prints seconds, items per second and peak memory; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedEntry } from '../../shared/model/types';
import { startFeedServer } from '../../test/fakes/feed-server';
import { corpusFeedItems } from './corpus-feeds';
import { loadCorpus } from '../training/dataset';
import { silentLogger } from '../log';
import { createMonitor } from '../monitor';
import { createProcessor } from '../reader/processor';
import { openStorage } from '../storage';

export async function runPipelineBench(feedCount = 500, itemsPerFeed = 50): Promise<void> {
  const corpus = loadCorpus();
  const server = await startFeedServer();
  const dir = mkdtempSync(join(tmpdir(), 'nadzor-bench-'));
  const feeds: FeedEntry[] = [];
  const now = Date.now();
  for (let f = 0; f < feedCount; f++) {
    const items = corpusFeedItems(corpus, f, itemsPerFeed, (i) => now - i * 3600_000);
    server.setFeed(`/feed-${f}.xml`, { title: `Outlet ${f}`, items });
    feeds.push({ outlet: `Outlet ${f}`, url: server.feedUrl(`/feed-${f}.xml`), language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'http://127.0.0.1/' });
  }
  const storage = openStorage(dir);
  try {
    const processor = createProcessor({ storage, backlogHours: 24 });
    // One host serves every feed here, so per-host spacing is off; concurrency as in production.
    const monitor = createMonitor({ storage, processor, feeds, logger: silentLogger, perHostGapMs: 0, fetchConcurrency: 8 });
    const start = process.hrtime.bigint();
    const summary = await monitor.runCycle();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    await monitor.stop();
    const items = summary.items;
    console.log(
      `pipeline: ${feedCount} feeds x ${itemsPerFeed} items, one full cycle: ${seconds.toFixed(1)} s, ` +
        `${Math.round(items / seconds)} items/s, ${summary.stored} stored, ${summary.failed} feeds failed; ` +
        `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (goal: under 30 s and 300 MB on 2 cores)`,
    );
  } finally {
    await storage.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
