import { metrics } from '../metrics';
import type { OutboxAlert, Storage } from '../storage/index';
import type { DigestRecord, SendRecord } from '../storage/deliveries';
import { DEFAULT_RETRY, retryDelayMs, type RetryPolicy } from './backoff';
import { buildAlertMessage } from './build-message';
import { systemClock, type Clock } from './clock';
import { asDeliveryError, type DeliveryError } from './errors';
import { DEFAULT_LANGUAGE } from './i18n/language';
import { stderrLogger, withSecrets, type Logger } from '../log';
import { digestNonce, planDeliveries, type DeliveryUnit } from './plan';
import { RateLimiter } from './rate-limit';
import { notifyRepos } from './repos';
import type { AlertLanguage, AlertMessage, DigestData, Notifier, NotifierDirectory, SendResult } from './types';

export interface DeliveryWorkerOptions {
  storage: Storage;
  /** The destinations: a directory (from createNotifiers) or a plain list looked up by name. */
  notifiers: NotifierDirectory | readonly Notifier[];
  /** Wall clock; default the system's. Ignored when `clock` is given. */
  now?: () => Date;
  /**
   * Time source and sleep for rate limits and backoff; tests pass a virtual clock. Give
   * createNotifiers the same one: its limiter (shared with command replies) sleeps on it.
   */
  clock?: Clock;
  /** How often to look for due alerts. Default 2 s. */
  pollMs?: number;
  /** Any line logger (bot/log.ts fits); details are folded into each line. */
  logger?: Logger;
  /** Language for targets of a plain list. Default sr-Latn. */
  language?: AlertLanguage;
  /** How long a claim lasts; must outlast the longest rate-limit wait. Default 2 min. */
  claimMs?: number;
  /** Alerts claimed per target per round. Default 100. */
  batchSize?: number;
  /** A burst is more alerts than the limits admit within this time. Default 5 s. */
  foldHorizonMs?: number;
  retry?: RetryPolicy;
  /** For the backoff's jitter; tests make it deterministic. */
  random?: () => number;
}

export interface DeliveryWorker {
  /** Delivers everything due now (for tests and shutdown): returns when nothing due is left. */
  drain(): Promise<void>;
  /** Stops polling and waits for deliveries in progress. */
  stop(): Promise<void>;
}

/** What became of one request. */
type Outcome = { stop: false } | { stop: true; retryAt: string; reason: string };

function directoryOf(notifiers: NotifierDirectory | readonly Notifier[], language: AlertLanguage): NotifierDirectory {
  if (!Array.isArray(notifiers)) return notifiers as NotifierDirectory;
  const byName = new Map((notifiers as readonly Notifier[]).map((n) => [n.name, n]));
  return { get: (target) => byName.get(target), languageFor: async () => language };
}

/**
 * Starts the delivery worker: it drains the outbox per target, each target on its own so a
 * slow or failing destination never holds up the others.
 *
 * For each batch it claims due alerts, plans requests (planDeliveries: repeats of uncertain
 * sends first, then singles, then a summary for a burst), and for each request writes a
 * record before it leaves and the outcome after (crash safety: see README), pacing every
 * request through the shared rate limiter. Failures: a 429 pauses the destination for its
 * retry_after and reschedules; network errors and 5xx back off exponentially; a destination
 * that refuses us as a whole is retried every 30 minutes and logged as an error; a message
 * refused on its own is marked failed. After a failure the rest of that target's batch is
 * rescheduled with it, in order. Digests (queued by bot/digest) go through the same path.
 */
export function startDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { storage } = options;
  const clock: Clock = options.clock ?? (options.now ? { now: () => options.now!().getTime(), sleep: systemClock.sleep } : systemClock);
  const logger = withSecrets(options.logger ?? stderrLogger, []);
  const directory = directoryOf(options.notifiers, options.language ?? DEFAULT_LANGUAGE);
  const claimMs = options.claimMs ?? 2 * 60_000;
  const batchSize = options.batchSize ?? 100;
  const foldHorizonMs = options.foldHorizonMs ?? 5_000;
  const retry = options.retry ?? DEFAULT_RETRY;
  const random = options.random ?? Math.random;
  const { deliveries } = notifyRepos(storage);
  const limiter = ('limiter' in directory && directory.limiter) || new RateLimiter(clock);
  const running = new Map<string, Promise<void>>();
  const warnedNoNotifier = new Set<string>();
  // A target whose delivery failed waits as a whole until its retry time, so alerts queued in
  // the meantime cannot overtake the failed one: at that time they are all due and go out in
  // queue order. (After a restart this is forgotten; every row is then due and ordered anyway.)
  const blockedUntil = new Map<string, number>();
  let stopped = false;

  const nowIso = () => new Date(clock.now()).toISOString();
  const later = (ms: number) => new Date(clock.now() + ms).toISOString();

  // Claims still open belong to a process that died: make them due now, within Discord's
  // nonce window, instead of waiting for them to lapse.
  // On PostgreSQL the open claims may be other live instances': they lapse on their own
  // (claimMs) if their instance died.
  const ready =
    storage.dialect === 'sqlite'
      ? deliveries.releaseClaims(nowIso()).then((released) => {
          if (released > 0) logger.info('delivery: resuming deliveries interrupted by a restart', { count: released });
        })
      : Promise.resolve();

  /** What to do after a failed request (alerts or digests alike). */
  async function onFailure(target: string, notifier: Notifier, err: DeliveryError, attempts: number): Promise<{ retryAt: string | null; stopTarget: boolean }> {
    metrics.alertsFailed.inc({ target });
    switch (err.kind) {
      case 'rate-limited': {
        const ms = err.retryAfterMs ?? 1_000;
        const keys = notifier.limits.map((w) => w.key);
        await limiter.pause(keys, clock.now() + ms);
        logger.warn('delivery: rate limited, waiting as asked', { target, retryAfterMs: ms, global: err.global });
        return { retryAt: later(ms), stopTarget: true };
      }
      case 'transient': {
        const retryAt = later(retryDelayMs(attempts, retry, random));
        logger.warn('delivery: failed, will retry', { target, error: err.message, retryAt });
        return { retryAt, stopTarget: true };
      }
      case 'unavailable': {
        const retryAt = later(retry.unavailableMs);
        logger.error('delivery: destination refuses us (check its token, chat or channel); retrying later', {
          target,
          error: err.message,
          retryAt,
        });
        return { retryAt, stopTarget: true };
      }
      case 'rejected':
        logger.error('delivery: message refused by the destination; giving it up', { target, error: err.message });
        return { retryAt: null, stopTarget: false };
    }
  }

  /**
   * deliverUnit under a lock per story whose follow-up it carries: a follow-up edits the
   * story's first message with the outlets stored when it is built, so two instances sending
   * follow-ups of one story must build and send one after the other, or the older list could
   * land last (PostgreSQL; on SQLite one process sends a target's units in order anyway).
   */
  async function deliverUnitLocked(target: string, notifier: Notifier, language: AlertLanguage, unit: DeliveryUnit): Promise<Outcome> {
    const stories = [...new Set(unit.rows.filter((r) => r.kind === 'follow-up' && r.storyId !== null).map((r) => r.storyId!))].sort((a, b) => a - b);
    const run = (i: number): Promise<Outcome> =>
      i === stories.length ? deliverUnit(target, notifier, language, unit) : storage.db.withLock(`story-message:${target}:${stories[i]}`, () => run(i + 1));
    return run(0);
  }

  async function deliverUnit(target: string, notifier: Notifier, language: AlertLanguage, unit: DeliveryUnit): Promise<Outcome> {
    const messages: AlertMessage[] = [];
    for (const row of unit.rows) {
      const message = await buildAlertMessage(storage, row, language, { milestoneOutlets: await directory.milestoneOutletsFor?.(target) });
      if (message) messages.push(message);
      else await storage.alerts.markFailed(row.id, 'article no longer stored', null);
    }
    if (messages.length === 0) return { stop: false };
    const ids = messages.map((m) => m.alertId);
    const pace = () => limiter.acquire(notifier.limits);

    // Before: from here until the outcome is recorded, a restart treats these alerts as
    // possibly delivered and repeats them with the same nonce.
    await deliveries.beginSend(ids, unit.nonce, unit.kind === 'summary', nowIso());
    let result: SendResult;
    try {
      result =
        unit.kind === 'single'
          ? await notifier.send(messages[0], { nonce: unit.nonce, pace })
          : await notifier.sendSummary({ language, alerts: messages }, { nonce: unit.nonce, pace });
    } catch (thrown) {
      const err = asDeliveryError(thrown);
      const attempts = Math.max(...unit.rows.map((r) => r.attempts));
      const { retryAt, stopTarget } = await onFailure(target, notifier, err, attempts);
      await storage.transaction(async () => {
        for (const id of ids) await storage.alerts.markFailed(id, err.message, retryAt);
        // A 5xx or a timeout may have come after the message was posted: leave the record
        // open so the retry reuses the nonce. Any other answer means it was not posted.
        if (err.kind !== 'transient') await deliveries.finishSend(ids, nowIso());
      });
      return stopTarget && retryAt ? { stop: true, retryAt, reason: `not attempted: ${target} failed (${err.message})` } : { stop: false };
    }
    // After: delivered, with the message id a follow-up will edit.
    const at = nowIso();
    await storage.transaction(async () => {
      for (const id of ids) await storage.alerts.markSent(id, result.remoteId, at);
      await deliveries.finishSend(ids, at);
    });
    metrics.alertsSent.inc({ target }, ids.length);
    if (unit.kind === 'summary') logger.info('delivery: burst folded into a summary', { target, alerts: ids.length });
    return { stop: false };
  }

  /**
   * A follow-up whose story's first alert is still queued for this target waits for it, so
   * the first message exists (to be edited) before the follow-up goes out.
   */
  async function deferFollowUps(target: string, rows: OutboxAlert[]): Promise<OutboxAlert[]> {
    const inBatch = new Set(rows.map((r) => r.id));
    const kept: OutboxAlert[] = [];
    for (const row of rows) {
      if (row.kind !== 'follow-up' || row.storyId === null) {
        kept.push(row);
        continue;
      }
      const first = await deliveries.firstAlertOfStory(row.storyId, target);
      if (!first || first.alertId === row.id || first.status === 'sent' || inBatch.has(first.alertId)) {
        kept.push(row);
        continue;
      }
      const retryAt = new Date(Math.max(clock.now() + 1_000, Date.parse(first.nextAttemptAt) + 1_000)).toISOString();
      await storage.alerts.markFailed(row.id, "waiting for the story's first alert", retryAt);
    }
    return kept;
  }

  async function deliverAlerts(target: string, notifier: Notifier, language: AlertLanguage): Promise<void> {
    const claimed = await storage.alerts.claimDue(target, nowIso(), batchSize, claimMs);
    if (claimed.length === 0) return;
    const rows = await deferFollowUps(target, claimed);
    const records = new Map<number, SendRecord | null>();
    for (const r of rows) records.set(r.id, await deliveries.sendRecord(r.id));
    const units = planDeliveries(rows, records, await limiter.capacity(notifier.limits, foldHorizonMs));
    for (let i = 0; i < units.length; i++) {
      // Stopping mid-batch leaves the rest claimed; the next start releases them.
      if (stopped) return;
      const outcome = await deliverUnitLocked(target, notifier, language, units[i]);
      if (outcome.stop) {
        blockedUntil.set(target, Date.parse(outcome.retryAt));
        const rest = units.slice(i + 1).flatMap((u) => u.rows);
        await storage.transaction(async () => {
          for (const row of rest) await storage.alerts.markFailed(row.id, outcome.reason, outcome.retryAt);
        });
        return;
      }
    }
  }

  async function deliverDigest(target: string, notifier: Notifier, language: AlertLanguage, d: DigestRecord): Promise<boolean> {
    await deliveries.beginDigestSend(d.id, nowIso());
    try {
      const digest = JSON.parse(d.body) as DigestData;
      const result = await notifier.sendDigest({ language, digest }, { nonce: digestNonce(d.id), pace: () => limiter.acquire(notifier.limits) });
      await deliveries.markDigestSent(d.id, result.remoteId, nowIso());
      return true;
    } catch (thrown) {
      const err = asDeliveryError(thrown);
      const { retryAt, stopTarget } = await onFailure(target, notifier, err, d.attempts);
      await deliveries.markDigestFailed(d.id, err.message, retryAt);
      if (stopTarget && retryAt) blockedUntil.set(target, Date.parse(retryAt));
      return !stopTarget;
    }
  }

  async function deliverDigests(target: string, notifier: Notifier, language: AlertLanguage): Promise<void> {
    for (const d of await deliveries.claimDigests(target, nowIso(), 10, claimMs)) {
      // Claimed digests left behind are released with the target's next start or claim lapse.
      if (stopped || (blockedUntil.get(target) ?? 0) > clock.now()) return;
      if (!(await deliverDigest(target, notifier, language, d))) return;
    }
  }

  async function runTarget(target: string, notifier: Notifier): Promise<void> {
    const language = await directory.languageFor(target);
    try {
      await deliverAlerts(target, notifier, language);
      if ((blockedUntil.get(target) ?? 0) <= clock.now()) await deliverDigests(target, notifier, language);
    } catch (err) {
      // A bug or a storage error: log it and let the claims lapse, so the rows come back.
      logger.error('delivery: unexpected error', { target, error: err instanceof Error ? err.message : String(err) });
    } finally {
      if (storage.db.open) metrics.outboxDepth.set(await storage.alerts.pendingCount().catch(() => 0));
    }
  }

  /** Starts a run for every target with due work that is not already running; returns them. */
  // Ticks run one after another (the timer's, the first one, drain's), so two of them never
  // both find a target idle and start it twice.
  let lastTick: Promise<unknown> = Promise.resolve();
  function tick(): Promise<Array<Promise<void>>> {
    const next = lastTick.then(tickOnce);
    lastTick = next.catch(() => undefined);
    return next;
  }

  async function tickOnce(): Promise<Array<Promise<void>>> {
    await ready;
    if (stopped || !storage.db.open) return [];
    const started: Array<Promise<void>> = [];
    for (const target of await deliveries.dueTargets(nowIso())) {
      if (stopped) break;
      if (running.has(target) || (blockedUntil.get(target) ?? 0) > clock.now()) continue;
      const notifier = directory.get(target);
      if (!notifier) {
        if (!warnedNoNotifier.has(target)) {
          warnedNoNotifier.add(target);
          logger.warn('delivery: alerts queued for a target that is not configured; they wait until it is', { target });
        }
        continue;
      }
      const run = runTarget(target, notifier).finally(() => running.delete(target));
      running.set(target, run);
      started.push(run);
    }
    return started;
  }

  const pollMs = options.pollMs ?? 2_000;
  const tickLogged = () =>
    tick().catch((err: unknown) => {
      if (!stopped) logger.error('delivery: could not read the outbox', { error: err instanceof Error ? err.message : String(err) });
      return [];
    });
  const timer = setInterval(() => void tickLogged(), pollMs);
  timer.unref?.();
  void tickLogged();

  return {
    async drain() {
      // Each round delivers what is due; the loop ends when a round finds nothing to do for a
      // configured target (rescheduled work is not due now).
      await lastTick;
      for (let round = 0; round < 10_000; round++) {
        await Promise.all([...running.values()]);
        const started = await tick();
        if (started.length === 0) break;
        await Promise.all(started);
      }
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all([...running.values()]);
    },
  };
}
