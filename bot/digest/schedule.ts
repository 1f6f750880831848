import { schedule, type ScheduledTask } from 'node-cron';
import { stderrLogger, withSecrets, type Logger } from '../log';
import type { AlertRouting } from '../notify/routing';
import { NOTIFY_DEFAULTS } from '../notify/settings';
import type { Storage } from '../storage/index';
import type { DigestPeriod } from '../storage/deliveries';
import { enqueueDigests } from './enqueue';

export interface DigestScheduleOptions {
  storage: Storage;
  routing: AlertRouting;
  /** DIGEST_DAILY_CRON; default 08:00 every day. */
  dailyCron?: string;
  /** DIGEST_WEEKLY_CRON; default 08:00 on Mondays. */
  weeklyCron?: string;
  /** DIGEST_TIMEZONE; default Europe/Belgrade. */
  timezone?: string;
  /** Any line logger (bot/log.ts fits). */
  logger?: Logger;
}

export interface DigestSchedule {
  /** Queues the digests of one period as if its time had come (tests, a manual run). */
  runNow(period: DigestPeriod, at?: Date): number;
  stop(): Promise<void>;
}

/**
 * Schedules the daily and weekly digests with node-cron. Each run only queues the digests;
 * the delivery worker sends them. A run missed while the bot was down is not made up: the
 * next one covers its own period (the change from the previous period is still computed from
 * the stored articles, so nothing in the numbers is lost).
 */
export function startDigestSchedule(options: DigestScheduleOptions): DigestSchedule {
  const logger = withSecrets(options.logger ?? stderrLogger, []);
  const timezone = options.timezone ?? options.routing.settings.digest.timezone ?? NOTIFY_DEFAULTS.digestTimezone;
  const runNow = (period: DigestPeriod, at: Date = new Date()): number => {
    const queued = enqueueDigests(options.storage, options.routing, period, at);
    if (queued) logger.info('digest: queued', { period, count: queued });
    return queued;
  };
  const task = (period: DigestPeriod, expression: string): ScheduledTask =>
    schedule(
      expression,
      (ctx) => {
        try {
          runNow(period, ctx.date);
        } catch (err) {
          logger.error('digest: could not build digests', { period, error: err instanceof Error ? err.message : String(err) });
        }
      },
      { timezone, name: `nadzor-digest-${period}`, noOverlap: true },
    );
  const tasks = [
    task('daily', options.dailyCron ?? options.routing.settings.digest.dailyCron),
    task('weekly', options.weeklyCron ?? options.routing.settings.digest.weeklyCron),
  ];
  return {
    runNow,
    async stop() {
      for (const t of tasks) await t.destroy();
    },
  };
}
