import type { AlertRouting } from '../notify/routing';
import { notifyRepos } from '../notify/repos';
import type { Storage } from '../storage/index';
import type { DigestPeriod } from '../storage/deliveries';
import { buildDigest } from './build';

/**
 * Builds and queues this period's digest for every subscription that asked for it. The digest
 * is built now and stored whole, so the delivery worker (which sends it, with the same limits,
 * retries and crash safety as alerts) sends the same numbers however late it gets to it.
 * A second call for the same period end queues nothing. Returns how many it queued.
 */
export function enqueueDigests(storage: Storage, routing: AlertRouting, period: DigestPeriod, at: Date): number {
  // One key per scheduled run: the minute it was due, whatever the timer's jitter.
  const end = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  const { subscriptions, deliveries } = notifyRepos(storage);
  let queued = 0;
  for (const sub of subscriptions.list({ mode: period })) {
    if (!routing.deliverable(sub.target)) continue;
    const digest = buildDigest(storage, sub, period, end);
    const id = deliveries.enqueueDigest({
      target: sub.target,
      period,
      periodStart: digest.start,
      periodEnd: digest.end,
      body: JSON.stringify(digest),
      at: end.toISOString(),
    });
    if (id !== null) queued++;
  }
  return queued;
}
