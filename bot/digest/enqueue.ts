import type { AlertRouting } from '../notify/routing';
import { notifyRepos } from '../notify/repos';
import type { Storage } from '../storage/index';
import type { DigestPeriod } from '../storage/deliveries';
import { buildDigest } from './build';

/**
 * Builds and queues this period's digest for every subscription that asked for it. The digest
 * is built now and stored whole, so the delivery worker (which sends it, with the same limits,
 * retries and crash safety as alerts) sends the same numbers however late it gets to it.
 * A second call for the same period end queues nothing, also from another instance on the
 * same PostgreSQL (the digests' unique key is target, period and end, and the end is the minute
 * the run was due): so a schedule that fires in every instance still sends each digest once.
 * Returns how many it queued.
 */
export async function enqueueDigests(storage: Storage, routing: AlertRouting, period: DigestPeriod, at: Date): Promise<number> {
  // One key per scheduled run: the minute it was due, whatever the timer's jitter.
  const end = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  const { subscriptions, deliveries } = notifyRepos(storage);
  let queued = 0;
  for (const sub of await subscriptions.list({ mode: period })) {
    if (!routing.deliverable(sub.target)) continue;
    const digest = await buildDigest(storage, sub, period, end);
    const id = await deliveries.enqueueDigest({
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
