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
import { openStorage, type Storage } from './storage';
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

export async function startApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const storage = openStorage(config.dataDir);
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
    const worker = startDeliveryWorker({ storage, notifiers: notify.notifiers, logger });
    stops.push(() => worker.stop());
    const digests = startDigestSchedule({ storage, routing: notify.routing, logger });
    stops.push(() => digests.stop());
    const monitor = createMonitor({
      storage,
      processor,
      // Feeds added or removed from a chat (/feeds) on top of the registry.
      feeds: applyChatFeedChanges(storage, options.feeds),
      logger,
      fetchConcurrency: config.fetchConcurrency,
      fetchTimeoutMs: config.fetchTimeoutMs,
      feedMaxBytes: config.feedMaxBytes,
      feedMaxItems: config.feedMaxItems,
      feedMaxAlerts: config.feedMaxAlerts,
      feedSlowMs: config.feedSlowMs,
      perHostGapMs: options.perHostGapMs,
      onProgress: options.onProgress,
    });
    stops.push(() => monitor.stop());
    const api = await startApi({
      storage,
      config,
      logger,
      addArticle: async (input) => {
        const o = processor.addManual(input);
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
