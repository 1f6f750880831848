import { schedule, type ScheduledTask } from 'node-cron';
import type { FeedEntry } from '../shared/model/types';
import type { Storage } from './storage';
import type { FeedState } from './storage/feeds';
import type { Logger } from './log';
import { metrics } from './metrics';
import { createFetchPool, createParsePool, readFeed, type FetchPool, type HostGate, type ParsePool, type ReadFeedResult } from './reader';
import { urlForLog } from './redact-url';
import type { IncomingItem, Processor, ProcessResult } from './reader/processor';
import type { ArticleStage } from './reader/article';

export interface MonitorOptions {
  storage: Storage;
  processor: Processor;
  feeds: readonly FeedEntry[];
  logger: Logger;
  pollCron?: string;
  fetchConcurrency?: number;
  fetchTimeoutMs?: number;
  feedMaxBytes?: number;
  /** Items read per feed (the newest); the rest are counted and reported. Default 500. */
  feedMaxItems?: number;
  /** Alerts one feed may queue per cycle. Default 20. */
  feedMaxAlerts?: number;
  /** A read that succeeds but takes longer than this backs off like a failure. Default 10 s. */
  feedSlowMs?: number;
  /** Feed bodies are parsed in a worker thread; false parses in process (tests of the monitor's logic). */
  parseInWorker?: boolean;
  /** Gap between two requests to one host. Default 1 s; tests shorten it. */
  perHostGapMs?: number;
  /** Called as feeds finish in a cycle (the first-cycle progress bar). */
  onProgress?: (done: number, total: number, feed: FeedState) => void;
  /** Reads the article pages of short or undecided items before they are processed. */
  articles?: ArticleStage;
  /** Host spacing shared with the article stage's page fetches. */
  hosts?: HostGate;
  /** Replaces readFeed (tests of failure handling). */
  read?: (url: string, state: FeedState, signal: AbortSignal) => Promise<ReadFeedResult>;
  now?: () => Date;
  /**
   * Several instances on one PostgreSQL: a feed fetched less than this long ago is not due,
   * so instances whose cycles start a few seconds apart do not read it once each. Default
   * 5 minutes on PostgreSQL; unused on SQLite (one process per file).
   */
  minRefetchMs?: number;
  /** How long a leased feed stays this instance's (PostgreSQL). Default 10 minutes. */
  leaseMs?: number;
}

/** See MonitorOptions.minRefetchMs and leaseMs. */
export const DEFAULT_MIN_REFETCH_MS = 5 * 60_000;
export const DEFAULT_LEASE_MS = 10 * 60_000;

export interface CycleSummary {
  feeds: number;
  ok: number;
  notModified: number;
  failed: number;
  items: number;
  stored: number;
  relevant: number;
  alerts: number;
  seconds: number;
}

/**
 * The polling loop: each cycle reads every due feed through a bounded, per-host-spaced pool,
 * hands the items to the processor, and records success or failure (with exponential backoff
 * and pausing) per feed. A failing feed costs only its own slot; cycles never overlap.
 */
export function createMonitor(options: MonitorOptions) {
  const { storage, processor, logger } = options;
  const now = options.now ?? (() => new Date());
  const abort = new AbortController();
  let running: Promise<CycleSummary> | null = null;
  let task: ScheduledTask | null = null;

  // Cycles wait for the registry to be in storage; a failure here fails the first cycle.
  const registered = storage.feeds.upsertFromRegistry(options.feeds);
  registered.catch(() => undefined);
  // Only the operator's own feeds (the registry) may be on local or private addresses. Every
  // other feed, in particular one a chat added while the monitor runs, is fetched from public
  // addresses only, checked at every connection (publicOnly), not computed once at start.
  const operatorFeeds = new Set(options.feeds.filter((f) => f.origin !== 'chat').map((f) => f.url));
  const maxItems = options.feedMaxItems ?? 500;
  const maxAlerts = options.feedMaxAlerts ?? 20;
  const slowMs = options.feedSlowMs ?? 10_000;
  // Parsing is the one heavy synchronous step: off the event loop, in a worker with budgets.
  let parser: ParsePool | null = null;
  const parserFor = (): ParsePool | undefined =>
    options.parseInWorker === false ? undefined : (parser ??= createParsePool({ limits: { maxItems } }));

  const read =
    options.read ??
    ((url: string, state: FeedState, signal: AbortSignal) =>
      readFeed(url, {
        etag: state.etag,
        lastModified: state.lastModified,
        timeoutMs: options.fetchTimeoutMs,
        maxBytes: options.feedMaxBytes,
        signal,
        publicOnly: !operatorFeeds.has(url),
        parser: parserFor(),
        limits: { maxItems },
      }));

  /** A read that succeeded but took long backs off (like a failure), so slow feeds cannot hog cycles. */
  function slowness(startMs: number, state: FeedState): { slow: boolean; note: string } {
    const ms = Date.now() - startMs;
    if (ms <= slowMs) return { slow: false, note: '' };
    return { slow: true, note: `; slow (${(ms / 1000).toFixed(1)} s, ${state.consecutiveSlow + 1} in a row): backing off` };
  }

  async function readOne(state: FeedState, summary: CycleSummary, pool: FetchPool): Promise<void> {
    let started = now().toISOString();
    let startMs = Date.now();
    try {
      // Only the feed request holds a pool slot; waiting for article pages does not.
      // Slowness counts from when the request leaves: the wait for a pool slot and for the
      // host's gap is not the feed's doing. (Counted from the queue, the last of a dozen feeds
      // on one host, 1 s apart, was "slow" and backed off for 10 minutes.) The read's time
      // (last_fetched_at, which other instances compare with minRefetchMs) is then too.
      const res = await pool.run(state.url, () => {
        startMs = Date.now();
        started = now().toISOString();
        return read(state.url, state, abort.signal);
      });
      if (res.notModified) {
        const { slow, note } = slowness(startMs, state);
        await storage.feeds.recordSuccess(state.url, { etag: res.etag ?? undefined, lastModified: res.lastModified ?? undefined, itemsSeen: state.itemsSeen, itemsDropped: state.itemsDropped, at: started, slow });
        summary.notModified++;
        metrics.feedFetches.inc({ outcome: 'not_modified' });
        logger.debug(`${state.outlet}: not modified${note}`);
        return;
      }
      // The reader keeps the newest maxItems; an injected reader may not, so cut here too.
      const dropped = (res.feed.itemsDropped ?? 0) + Math.max(0, res.feed.items.length - maxItems);
      const items = res.feed.items.slice(0, maxItems);
      metrics.itemsFetched.inc({}, items.length);
      const source = { url: state.url, outlet: state.outlet, scope: state.scope, language: state.language, kind: state.kind };
      const firstRead = state.firstReadAt === null;
      // Slowness is the feed's own (fetch and parse): waiting for article pages is not its fault.
      const { slow, note } = slowness(startMs, state);
      const withPages: IncomingItem[] = options.articles ? await options.articles.prepare(source, items, { firstRead }) : items;
      if (abort.signal.aborted) return await storage.feeds.releaseLease(state.url);
      const result: ProcessResult = await processor.processItemsInBatches(source, withPages, { firstRead, maxAlerts });
      if (abort.signal.aborted) return await storage.feeds.releaseLease(state.url);
      await storage.feeds.recordSuccess(state.url, { etag: res.etag, lastModified: res.lastModified, itemsSeen: items.length, itemsDropped: dropped, at: started, slow });
      summary.ok++;
      summary.items += items.length;
      summary.stored += result.stored;
      summary.relevant += result.relevant;
      summary.alerts += result.alerts;
      metrics.feedFetches.inc({ outcome: 'ok' });
      logger.info(
        `${state.outlet}: ${items.length} items, ${result.stored} new, ${result.relevant} relevant, ${result.alerts} alerts` +
          articlePagesNote(withPages) +
          (result.backlog ? `, ${result.backlog} relevant backlog items not alerted (first read)` : '') +
          (result.overAlertCap ? `, ${result.overAlertCap} relevant items stored but not alerted (more than ${maxAlerts} alerts from one feed in a cycle)` : '') +
          (dropped ? `, ${dropped} older items not read (more than ${maxItems}, FEED_MAX_ITEMS)` : '') +
          note,
      );
      if (result.failed) {
        logger.warn(`${state.outlet}: ${result.failed} items could not be processed: ${result.errors.join('; ')}`);
      }
    } catch (err) {
      if (abort.signal.aborted) {
        await storage.feeds.releaseLease(state.url).catch(() => undefined);
        return;
      }
      summary.failed++;
      metrics.feedFetches.inc({ outcome: 'error' });
      const message = (err as Error).message ?? String(err);
      const failure = await storage.feeds.recordFailure(state.url, message, started);
      // URLs in logs go without their query string: a feed URL may carry a key.
      const shown = urlForLog(state.url);
      logger.warn(
        `feed failed: ${state.outlet} <${shown}>: ${message}; failure ${failure.consecutiveFailures} in a row, next try after ${failure.nextDueAt}`,
      );
      if (failure.justPaused) {
        logger.warn(`feed paused after ${failure.consecutiveFailures} failures in a row: ${state.outlet} <${shown}> (resume with: npm run feeds -- resume ${shown})`);
      }
    }
  }

  async function updateFeedGauges(): Promise<void> {
    const s = await storage.feeds.status();
    metrics.feedsFailing.set(s.failing + s.paused);
    metrics.feedsPaused.set(s.paused);
    metrics.feedsOk.set(s.total - s.failing - s.paused - s.neverRead);
    metrics.outboxDepth.set(await storage.alerts.pendingCount());
  }

  async function cycle(): Promise<CycleSummary> {
    const start = Date.now();
    await registered;
    const concurrency = options.fetchConcurrency ?? 4;
    const lease = { leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS, minRefetchMs: options.minRefetchMs ?? DEFAULT_MIN_REFETCH_MS };
    const summary: CycleSummary = { feeds: 0, ok: 0, notModified: 0, failed: 0, items: 0, stored: 0, relevant: 0, alerts: 0, seconds: 0 };
    const pool = createFetchPool({ concurrency, perHostGapMs: options.perHostGapMs ?? 1000, hosts: options.hosts });
    let done = 0;
    const readAll = (due: FeedState[]) =>
      Promise.all(due.map((state) => readOne(state, summary, pool).finally(() => options.onProgress?.(++done, summary.feeds, state))));
    if (storage.dialect === 'sqlite') {
      // One process per file: every due feed is this process's.
      const due = await storage.feeds.leaseDue(now().toISOString(), lease);
      summary.feeds = due.length;
      await readAll(due);
    } else {
      // Several instances share the due feeds: each takes a few batches' worth at a time, so
      // a fast instance takes more and a dead one holds only its last batch (until the lease
      // lapses).
      // A feed read since this cycle began (by this instance or another) is not taken again in
      // it: otherwise a cycle that lasts longer than minRefetchMs re-leases the feeds it read
      // first, reads them twice in one poll and may never end.
      const cycleStart = now().toISOString();
      for (;;) {
        if (abort.signal.aborted) break;
        const due = await storage.feeds.leaseDue(now().toISOString(), { ...lease, notReadSince: cycleStart, limit: concurrency * 4 });
        if (due.length === 0) break;
        summary.feeds += due.length;
        await readAll(due);
      }
    }
    summary.seconds = (Date.now() - start) / 1000;
    metrics.cycleSeconds.set(summary.seconds);
    await updateFeedGauges();
    logger.info(
      `cycle done in ${summary.seconds.toFixed(1)} s: ${summary.feeds} feeds (${summary.ok} read, ${summary.notModified} unchanged, ${summary.failed} failed), ` +
        `${summary.items} items, ${summary.stored} new articles, ${summary.relevant} relevant, ${summary.alerts} alerts queued`,
    );
    if (summary.feeds > 1 && summary.failed === summary.feeds) {
      logger.warn('every feed failed this cycle: is this machine offline (DNS, proxy, firewall)? Feeds back off and are retried; nothing is lost.');
    }
    return summary;
  }

  return {
    /** Runs one cycle now; if one is running, returns that one instead of starting another. */
    runCycle(): Promise<CycleSummary> {
      running ??= cycle().finally(() => {
        running = null;
      });
      return running;
    },

    /** Schedules cycles with node-cron; a tick that finds a cycle still running is skipped. */
    start(pollCron: string): void {
      task = schedule(pollCron, () => {
        if (running) {
          logger.info('previous cycle still running; skipping this tick');
          return;
        }
        void this.runCycle();
      }, { noOverlap: true, name: 'poll-feeds' });
    },

    /** Stops scheduling, aborts fetches in flight and waits for the current cycle to end. */
    async stop(): Promise<void> {
      await task?.stop();
      task = null;
      abort.abort();
      await running?.catch(() => undefined);
      await parser?.close();
      parser = null;
    },
  };
}

export type Monitor = ReturnType<typeof createMonitor>;

/** ", 3 article pages read (1 not: robots, http 404)" for the feed's log line, or ''. */
function articlePagesNote(items: readonly IncomingItem[]): string {
  const pages = items.filter((i) => i.page).map((i) => i.page!.status);
  if (pages.length === 0) return '';
  const failed = pages.filter((s) => s !== 'ok');
  return `, ${pages.length - failed.length} article pages read${failed.length ? ` (${failed.length} not: ${[...new Set(failed)].join(', ')})` : ''}`;
}
