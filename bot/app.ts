/**
 * The wiring of the monitor: storage, processor, polling, alert delivery, chat commands,
 * digests and the HTTP API, started together and stopped together. Used by `npm start`
 * (bot/main.ts), `npm run demo` and the integration tests.
 */
import type { FeedEntry } from '../shared/model/types';
import type { Config } from './config';
import type { Logger } from './log';
import { createMonitor, type Monitor } from './monitor';
import { createProcessor, type Processor } from './reader/processor';
import { createArticleStage } from './reader/article';
import { createHostGate } from './reader/pool';
import { sharedHostSpacing } from './reader/shared-hosts';
import { connectStorage, type Storage } from './storage';
import { applyChatFeedChanges, createNotifiers } from './notify';
import { startDeliveryWorker } from './notify/worker';
import { startDigestSchedule } from './digest/schedule';
import { startApi } from './api';

export interface App {
  storage: Storage;
  processor: Processor;
  monitor: Monitor;
  /** Base URL of the API and dashboard. */
  apiUrl: string;
  /** Delivers every alert that is due now (tests, demo). */
  drainAlerts(): Promise<void>;
  stop(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  feeds: readonly FeedEntry[];
  logger: Logger;
  /** Called as feeds finish in a cycle (the first-cycle progress bar). */
  onProgress?: Parameters<typeof createMonitor>[0]['onProgress'];
  /** Gap between requests to one host (default 1 s; the demo serves every feed from one host). */
  perHostGapMs?: number;
}

/**
 * The article stage, unless ARTICLE_WAIT_MS is 0. Pages must be on public addresses, except
 * on the hosts of the operator's own feeds (which may be local, like the feeds themselves);
 * a chat-added feed's host gets no such trust.
 */
function articleStageFor(config: Config, storage: Storage, feeds: readonly FeedEntry[], hosts: ReturnType<typeof createHostGate>, perHostGapMs?: number) {
  if (config.articleWaitMs === 0) return null;
  const trusted = new Set<string>();
  for (const f of feeds) {
    if (f.origin === 'chat') continue;
    try {
      trusted.add(new URL(f.url).hostname.toLowerCase());
    } catch {
      // A feed without a usable URL trusts nothing.
    }
  }
  const abort = new AbortController();
  const stage = createArticleStage({
    storage,
    hosts,
    waitMs: config.articleWaitMs,
    fetchTimeoutMs: Math.min(config.fetchTimeoutMs, config.articleWaitMs),
    hostBudgetPerDay: config.articleHostBudget,
    backlogHours: config.alertBacklogHours,
    perHostGapMs,
    trustedHost: (host) => trusted.has(host),
    signal: abort.signal,
  });
  return { stage, stop: () => abort.abort() };
}

export async function startApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const storage = await connectStorage(config);
  const stops: Array<() => Promise<void> | void> = [() => storage.close()];
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (err) {
        logger.error(`while stopping: ${(err as Error).message}`);
      }
    }
  };
  try {
    // Throws on settings that do not fit together (a malformed webhook URL, a token without its chat).
    const notify = createNotifiers(config, { storage, logger });
    stops.push(() => notify.stop());
    const processor = createProcessor({
      storage,
      targetsFor: notify.routing.targetsFor,
      backlogHours: config.alertBacklogHours,
      minScore: config.alertMinScore ?? undefined,
    });
    const worker = startDeliveryWorker({ storage, notifiers: notify.notifiers, logger, claimMs: config.deliveryClaimMs });
    stops.push(() => worker.stop());
    const digests = startDigestSchedule({ storage, routing: notify.routing, logger });
    stops.push(() => digests.stop());
    // Feeds added or removed from a chat (/feeds) on top of the registry.
    const feeds = await applyChatFeedChanges(storage, options.feeds);
    // Feed and article-page requests share one host's spacing; on PostgreSQL, with the other
    // instances too.
    const hosts = createHostGate(
      storage.dialect === 'postgres' ? sharedHostSpacing(storage.db, (err) => logger.warn(`host spacing across instances: ${(err as Error).message}`)) : undefined,
    );
    const articles = articleStageFor(config, storage, feeds, hosts, options.perHostGapMs);
    const monitor = createMonitor({
      storage,
      processor,
      articles: articles?.stage,
      hosts,
      feeds,
      logger,
      fetchConcurrency: config.fetchConcurrency,
      fetchTimeoutMs: config.fetchTimeoutMs,
      feedMaxBytes: config.feedMaxBytes,
      feedMaxItems: config.feedMaxItems,
      feedMaxAlerts: config.feedMaxAlerts,
      feedSlowMs: config.feedSlowMs,
      leaseMs: config.feedLeaseMs,
      minRefetchMs: config.feedMinRefetchMs,
      perHostGapMs: options.perHostGapMs,
      onProgress: options.onProgress,
    });
    stops.push(() => monitor.stop());
    // Stopped before the monitor (stops run in reverse): pages in flight end at once.
    if (articles) stops.push(() => articles.stop());
    const api = await startApi({
      storage,
      config,
      logger,
      addArticle: async (input) => {
        const o = await processor.addManual(input);
        return { id: o.id ?? 0, duplicate: o.duplicate, relevant: o.relevant, alerted: o.alerted > 0 };
      },
    });
    stops.push(() => api.close());
    await notify.startCommands();
    return {
      storage,
      processor,
      monitor,
      apiUrl: api.url,
      drainAlerts: () => worker.drain(),
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
