import type { FeedState } from '../storage/feeds';

export type FeedHealth = 'PAUSED' | 'failing' | 'ok' | 'not read yet';

/** One state per feed, checked in this order, so the counts below add up to the total. */
export function feedHealth(f: Pick<FeedState, 'paused' | 'consecutiveFailures' | 'firstReadAt'>): FeedHealth {
  if (f.paused) return 'PAUSED';
  if (f.consecutiveFailures > 0) return 'failing';
  return f.firstReadAt ? 'ok' : 'not read yet';
}

/**
 * "12 feeds: 9 ok, 2 failing, 1 paused, 0 not read yet". Counted from the same states the table
 * shows (a feed that failed before its first read is failing, not also "not read yet").
 */
export function healthCounts(feeds: ReadonlyArray<Pick<FeedState, 'paused' | 'consecutiveFailures' | 'firstReadAt'>>): string {
  const n: Record<FeedHealth, number> = { ok: 0, failing: 0, PAUSED: 0, 'not read yet': 0 };
  for (const f of feeds) n[feedHealth(f)]++;
  return `${feeds.length} feeds: ${n.ok} ok, ${n.failing} failing, ${n.PAUSED} paused, ${n['not read yet']} not read yet`;
}

