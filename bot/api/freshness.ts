/**
 * How fresh the counts are (GET /api/freshness, the dashboard's freshness line): when the feeds
 * were last read, how many are read without trouble, failing or paused.
 */
import type { SqlDb } from '../storage/index';
import { localIsoOf } from './belgrade';

export interface Freshness {
  /** Active feeds. */
  feeds: number;
  /** Feeds whose last read worked. */
  ok: number;
  /** Feeds failing (at least one failure in a row) and not paused. */
  failing: number;
  /** Feeds paused after repeated failures (npm run feeds -- resume). */
  paused: number;
  /** The last successful read of any feed, Belgrade time; null before the first. */
  lastReadAt: string | null;
  /** The last attempt to read any feed, Belgrade time. */
  lastTriedAt: string | null;
  /** When this was computed. */
  now: string | null;
}

export async function freshness(db: SqlDb, now: Date): Promise<Freshness> {
  const r = (await db.get<{ feeds: number; ok: number; failing: number; paused: number; lastOk: string | null; lastTried: string | null }>(
    `SELECT count(*) AS feeds,
            coalesce(sum(CASE WHEN consecutive_failures = 0 AND paused = 0 AND last_ok_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS ok,
            coalesce(sum(CASE WHEN consecutive_failures > 0 AND paused = 0 THEN 1 ELSE 0 END), 0) AS failing,
            coalesce(sum(paused), 0) AS paused,
            max(last_ok_at) AS "lastOk", max(last_fetched_at) AS "lastTried"
     FROM feeds WHERE active = 1`,
  ))!;
  return {
    feeds: r.feeds,
    ok: r.ok,
    failing: r.failing,
    paused: r.paused,
    lastReadAt: localIsoOf(r.lastOk),
    lastTriedAt: localIsoOf(r.lastTried),
    now: localIsoOf(now.toISOString()),
  };
}
