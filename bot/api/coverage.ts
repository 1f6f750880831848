/**
 * Coverage counts: articles and distinct stories per time bucket, optionally split by one
 * field (GET /api/coverage, the dashboard's charts, the coverage export).
 *
 * Counts are exact: every total counts exactly the asked period, whatever the interval, so
 * `total` here equals `total` of GET /api/articles for the same period and filters. Buckets
 * are Belgrade calendar days, ISO weeks (Monday first) or calendar months, named by their first
 * day (YYYY-MM-DD); a period that starts or ends inside a bucket is never widened: that first
 * or last bucket counts only its part of the period and is listed in `partial`. A story is
 * counted once per bucket and key however many outlets carried it; an article not (yet)
 * grouped into a story counts as a story of its own.
 */
import type { Dialect, SqlDb } from '../storage/index';
import { byteOrder } from '../storage/sql';
import type { CoverageRow } from '../../shared/model/types';
import { dayStartMs, localDay, localIso, localTimeArgs, nextDay, storedIso } from './belgrade';
import { DATED, whereClause, type ArticleQuery } from './filters';

export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

export const COVERAGE_BY = ['scope', 'outlet', 'lang', 'script', 'topic'] as const;
export type CoverageBy = (typeof COVERAGE_BY)[number];

/** More buckets than this is a mistake (ten years of days); the API answers 400. */
export const MAX_BUCKETS = 3700;

/** The key of rows when the coverage is not split (`by` absent), and of a missing value. */
export const ALL_KEY = 'all';
export const NONE_KEY = 'none';

/** The first day (YYYY-MM-DD) of the bucket that contains the calendar day `day`. */
export function bucketOfDay(day: string, interval: Interval): string {
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  if (interval === 'week') {
    const [y, m, d] = day.split('-').map(Number);
    const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
    return nextDay(day, -weekday);
  }
  return day;
}

/** The first day (YYYY-MM-DD, Belgrade) of the bucket that contains the instant `iso`. */
export function bucketOf(iso: string, interval: Interval): string {
  return bucketOfDay(localDay(Date.parse(iso)), interval);
}

/** The first day of the bucket after the one starting on `day`. */
export function nextBucket(day: string, interval: Interval): string {
  if (interval === 'month') {
    const [y, m] = day.split('-').map(Number);
    return `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`;
  }
  return nextDay(day, interval === 'week' ? 7 : 1);
}

export interface Period {
  /** The asked period, exactly: ISO UTC instants, inclusive. */
  from: string;
  to: string;
  /** Every bucket the period touches, in order. */
  buckets: string[];
  /** The first and/or last bucket when the period covers only part of it. */
  partial: string[];
}

/** The buckets of a period, which is kept exactly as asked; null if there would be too many. */
export function periodBuckets(from: string, to: string, interval: Interval): Period | null {
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  const buckets: string[] = [];
  const last = bucketOf(to, interval);
  for (let b = bucketOf(from, interval); b <= last; b = nextBucket(b, interval)) {
    buckets.push(b);
    if (buckets.length > MAX_BUCKETS) return null;
  }
  const partial: string[] = [];
  if (buckets.length > 0) {
    const first = buckets[0];
    const final = buckets[buckets.length - 1];
    if (dayStartMs(first) !== fromMs) partial.push(first);
    // `to` is inclusive: a whole last bucket ends 1 ms before the next one starts.
    if (dayStartMs(nextBucket(final, interval)) - 1 !== toMs && !partial.includes(final)) partial.push(final);
  }
  return { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), buckets, partial };
}

/** SQL for the Belgrade bucket of an article, matching `bucketOf`, over a known period. */
export function bucketSql(interval: Interval, period: { from: string; to: string }, dialect: Dialect = 'sqlite'): string {
  if (dialect === 'postgres') {
    // The bucket whose first instant (Belgrade midnight, dayStartMs) is the last one at or
    // before the article's date: a binary search over the period's bucket starts as stored
    // ISO strings (width_bucket), then its name. String comparisons only, like SQLite's CASE;
    // converting every row's text to timestamptz in Europe/Belgrade (date_trunc, to_char)
    // cost about a second per 100,000 rows. Every row is inside the period, so at or after
    // the first bucket's start. The literals are dates we made, never user text.
    const buckets = periodBuckets(period.from, period.to, interval)?.buckets ?? [];
    const array = (xs: string[]) => `'{${xs.join(',')}}'::text[]`;
    const starts = array(buckets.map((b) => storedIso(dayStartMs(b))));
    return `(${array(buckets)})[width_bucket(${DATED} COLLATE "C", ${starts})]`;
  }
  const local = localTimeArgs(DATED, Date.parse(period.from), Date.parse(period.to));
  if (interval === 'month') return `strftime('%Y-%m-01', ${local})`;
  // Back six days, then forward to the next Monday (or stay on one): the week's Monday.
  if (interval === 'week') return `date(${local}, '-6 days', 'weekday 1')`;
  return `date(${local})`;
}

/** Distinct stories; an article without a story is its own (negative ids never clash with stories). */
export const STORIES_SQL = 'count(DISTINCT coalesce(a.story_id, -a.id))';

// Grouping and ordering are by position (json_each has columns named "key" and "value", which
// would shadow the result aliases), except the key's tie-break, which names the key expression
// to put it in byte order on PostgreSQL as SQLite orders it (byteOrder in storage/sql.ts).
function keySql(by: CoverageBy | undefined, dialect: Dialect): { from: string; key: string } {
  if (by === undefined) return { from: 'articles a', key: `'${ALL_KEY}'` };
  if (by === 'topic') {
    const topics = dialect === 'postgres' ? 'json_array_elements_text(a.topics::json) AS t(value)' : 'json_each(a.topics) t';
    return { from: `articles a, ${topics}`, key: 't.value' };
  }
  return { from: 'articles a', key: `coalesce(a.${by}, '${NONE_KEY}')` };
}

/**
 * `SELECT <groups>, count(*) AS articles, <distinct stories> AS stories FROM ... GROUP BY <groups>`.
 * On PostgreSQL in two steps, articles per (groups, story) first and then per group, which
 * means the same: count(DISTINCT) sorts every row of the period (on disk past work_mem:
 * 1.1 s for a year of 1,000,000 articles), the two-step form hashes them. SQLite keeps the
 * form it was tuned with.
 */
function countSql(dialect: Dialect, groups: string[], from: string, where: string): string {
  const n = groups.length;
  const by = (k: number) => (k ? ` GROUP BY ${Array.from({ length: k }, (_, i) => i + 1).join(', ')}` : '');
  if (dialect === 'sqlite') return `SELECT ${[...groups, 'count(*) AS articles', `${STORIES_SQL} AS stories`].join(', ')} FROM ${from} ${where}${by(n)}`;
  const outer = groups.map((g) => g.slice(g.lastIndexOf(' AS ') + 4));
  return (
    `SELECT ${[...outer, 'coalesce(sum(g.n), 0) AS articles', 'count(g.story) AS stories'].join(', ')} FROM (` +
    `SELECT ${[...groups, 'coalesce(a.story_id, -a.id) AS story', 'count(*) AS n'].join(', ')} FROM ${from} ${where}${by(n + 1)}) g${by(n)}`
  );
}

export interface CoverageQuery {
  /** Any instants (ISO UTC), inclusive; counted exactly, never widened. */
  from: string;
  to: string;
  interval: Interval;
  by?: CoverageBy;
  filter: ArticleQuery;
  /** False to skip the per-bucket rows and answer only the totals (the bar charts need no more). */
  rows?: boolean;
}

export interface CoverageTotal {
  key: string;
  articles: number;
  stories: number;
}

export interface CoverageResult {
  /** The period counted, in Belgrade time without milliseconds ("2025-03-01T00:00:00+01:00"). */
  from: string;
  to: string;
  interval: Interval;
  by: CoverageBy | null;
  /** Every bucket of the period in order, also those without articles (for charts). */
  buckets: string[];
  /** The first and/or last bucket when the period covers only part of it (never padded). */
  partial: string[];
  /** Buckets and keys with at least one article, by bucket then largest first. */
  rows: CoverageRow[];
  /** Per key over the whole period (stories counted once across buckets), largest first. */
  totals: CoverageTotal[];
  /** The whole period. */
  total: { articles: number; stories: number };
}

export class TooManyBucketsError extends Error {
  override name = 'TooManyBucketsError';
}

export async function coverage(db: SqlDb, q: CoverageQuery): Promise<CoverageResult> {
  const period = periodBuckets(q.from, q.to, q.interval);
  if (!period) throw new TooManyBucketsError(`more than ${MAX_BUCKETS} ${q.interval} buckets; choose a longer interval or a shorter period`);
  const filter: ArticleQuery = { ...q.filter, since: period.from, until: period.to };
  const w = whereClause(db.dialect, filter);
  const { from, key } = keySql(q.by, db.dialect);
  // Ties between keys in byte order on both backends (PostgreSQL would use the database's
  // collation); without `by` the key is one constant: nothing to break. On PostgreSQL the
  // key is the inner query's column `g.key` (countSql), which a collation can be applied to.
  const keyTie = (position: number) =>
    q.by === undefined ? '' : db.dialect === 'postgres' ? `, g.key${byteOrder(db.dialect)}` : `, ${position}`;

  const counts = (groups: string[], fromSql: string) => countSql(db.dialect, groups, fromSql, w.sql);
  // Independent reads: on PostgreSQL they run at once on the pool's connections.
  const [rows, totals, sum] = await Promise.all([
    q.rows === false
      ? []
      : db.all<CoverageRow>(`${counts([`${bucketSql(q.interval, period, db.dialect)} AS bucket`, `${key} AS key`], from)} ORDER BY 1, 3 DESC${keyTie(2)}`, w.params),
    db.all<CoverageTotal>(`${counts([`${key} AS key`], from)} ORDER BY 2 DESC${keyTie(1)}`, w.params),
    q.by === undefined ? undefined : db.get<{ articles: number; stories: number }>(counts([], 'articles a'), w.params),
  ]);
  const total = sum ?? { articles: totals[0]?.articles ?? 0, stories: totals[0]?.stories ?? 0 };
  return {
    from: localIso(Date.parse(period.from)),
    to: localIso(Date.parse(period.to)),
    interval: q.interval,
    by: q.by ?? null,
    buckets: period.buckets,
    partial: period.partial,
    rows,
    totals,
    total,
  };
}
