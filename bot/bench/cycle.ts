/**
 * Cycle benchmark (`npm run bench -- cycle`, issue 12): one poll of 2,000 local feeds with a
 * few items each, served on 127.0.0.1, read by the real monitor (fetch, parse in the worker,
 * classify, store) into
 * - SQLite, one instance (one process owns the file);
 * - PostgreSQL, one instance;
 * - PostgreSQL, three instances: three monitors, each with its own storage (its own pg pool)
 *   and processor, polling at the same moment and sharing the due feeds through leases
 *   (`FOR UPDATE SKIP LOCKED`, bot/storage/feeds.ts leaseDue).
 * Each run starts from an empty database. Reported: wall time of the cycle, feeds read per
 * instance, the feed server's request count (the goal: one request per feed per poll whatever
 * the number of instances), items per second.
 *
 * Every feed is on 127.0.0.1, so the per-host spacing (1 s between requests to one host) would
 * serialise the whole poll: perHostGapMs is 0 here, as in the pipeline bench. The three
 * instances run in this one Node process (each monitor has its own parse worker thread; the
 * classifier and the storage calls share one event loop), which is a harder case than three
 * processes on a 2-core machine, not an easier one. Asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedEntry } from '../../shared/model/types';
import { startFeedServer, type FeedServer } from '../../test/fakes/feed-server';
import { corpusFeedItems } from './corpus-feeds';
import { startPgCluster, type PgCluster } from '../../test/pg-cluster';
import { silentLogger } from '../log';
import { createMonitor, type CycleSummary } from '../monitor';
import { createProcessor } from '../reader/processor';
import { openPostgresStorage, openStorage, type Storage } from '../storage';
import { loadCorpus } from '../training/dataset';

export interface CycleFigure {
  backend: 'sqlite' | 'postgres';
  instances: number;
  seconds: number;
  /** Feeds each instance read this poll. */
  feedsPerInstance: number[];
  /** Requests the feed server received for the feeds, all instances together. */
  requests: number;
  /** The most requests one feed received. */
  maxPerFeed: number;
  items: number;
  stored: number;
  failed: number;
}

export async function runCycleBench(
  options: { feeds?: number; itemsPerFeed?: number; concurrency?: number; print?: boolean } = {},
): Promise<CycleFigure[]> {
  const feedCount = options.feeds ?? Number(process.env.BENCH_CYCLE_FEEDS ?? 2000);
  const itemsPerFeed = options.itemsPerFeed ?? 4;
  // Per instance, as FETCH_CONCURRENCY; the pipeline bench uses 8 too.
  const concurrency = options.concurrency ?? Number(process.env.BENCH_CYCLE_CONCURRENCY ?? 8);
  const corpus = loadCorpus();
  const now = Date.now();
  const server = await startFeedServer();
  const paths: string[] = [];
  const feeds: FeedEntry[] = [];
  for (let f = 0; f < feedCount; f++) {
    const items = corpusFeedItems(corpus, f, itemsPerFeed, (i) => now - (f % 48) * 1800_000 - i * 3600_000);
    const path = `/cycle-${f}.xml`;
    paths.push(path);
    server.setFeed(path, { title: `Outlet ${f}`, items });
    feeds.push({ outlet: `Outlet ${f}`, url: server.feedUrl(path), language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'http://127.0.0.1/' });
  }
  const figures: CycleFigure[] = [];
  let cluster: PgCluster | null = null;
  let dbs = 0;
  const dirs: string[] = [];
  try {
    const sqlite = async (): Promise<Storage> => {
      const dir = mkdtempSync(join(tmpdir(), 'nadzor-cycle-'));
      dirs.push(dir);
      return openStorage(dir);
    };
    figures.push(await measure('sqlite', [await sqlite()], feeds, paths, server, concurrency));
    cluster = await startPgCluster();
    const pgUrl = await cluster.createDatabase(`cycle_${++dbs}`);
    figures.push(await measure('postgres', [await openPostgresStorage(pgUrl)], feeds, paths, server, concurrency));
    const pgUrl3 = await cluster.createDatabase(`cycle_${++dbs}`);
    // The first opens the schema; the other two find it migrated.
    const first = await openPostgresStorage(pgUrl3);
    const three = [first, await openPostgresStorage(pgUrl3), await openPostgresStorage(pgUrl3)];
    figures.push(await measure('postgres', three, feeds, paths, server, concurrency));
  } finally {
    cluster?.stop();
    await server.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  if (options.print !== false) {
    for (const f of figures) {
      console.log(
        `cycle: ${f.backend.padEnd(8)} ${f.instances} instance${f.instances > 1 ? 's' : ' '}: ${feedCount} feeds x ${itemsPerFeed} items in ${f.seconds.toFixed(1)} s, ` +
          `feeds read ${f.feedsPerInstance.join(' + ')} = ${f.feedsPerInstance.reduce((s, n) => s + n, 0)}, ` +
          `${f.requests} feed requests (${(f.requests / feedCount).toFixed(2)} per feed, max ${f.maxPerFeed}), ` +
          `${Math.round(f.items / f.seconds)} items/s, ${f.stored} stored, ${f.failed} failed`,
      );
    }
    console.log(`cycle: perHostGapMs 0 (every feed is on 127.0.0.1), fetch concurrency ${concurrency} per instance, instances in one process; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  }
  return figures;
}

/** One poll by `storages.length` monitors at once; closes the storages. */
async function measure(
  backend: CycleFigure['backend'],
  storages: Storage[],
  feeds: FeedEntry[],
  paths: string[],
  server: FeedServer,
  concurrency: number,
): Promise<CycleFigure> {
  const before = paths.map((p) => server.hits(p));
  const monitors = storages.map((storage) =>
    createMonitor({ storage, processor: createProcessor({ storage, backlogHours: 24 }), feeds, logger: silentLogger, perHostGapMs: 0, fetchConcurrency: concurrency }),
  );
  try {
    // Registering the feeds is part of starting a monitor, not of a poll: done first.
    await Promise.all(storages.map((s) => s.feeds.upsertFromRegistry(feeds)));
    const start = performance.now();
    const summaries: CycleSummary[] = await Promise.all(monitors.map((m) => m.runCycle()));
    const seconds = (performance.now() - start) / 1000;
    const hits = paths.map((p, i) => server.hits(p) - before[i]);
    return {
      backend,
      instances: storages.length,
      seconds,
      feedsPerInstance: summaries.map((s) => s.feeds),
      requests: hits.reduce((s, n) => s + n, 0),
      maxPerFeed: Math.max(...hits),
      items: summaries.reduce((s, x) => s + x.items, 0),
      stored: summaries.reduce((s, x) => s + x.stored, 0),
      failed: summaries.reduce((s, x) => s + x.failed, 0),
    };
  } finally {
    for (const m of monitors) await m.stop();
    for (const s of storages) await s.close();
  }
}
