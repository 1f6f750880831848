/**
 * Coverage counts: articles and distinct stories per time bucket, optionally split by one
 * field (GET /api/coverage, the dashboard's charts, the coverage export).
 *
 * Buckets are UTC calendar days, ISO weeks (Monday first) or calendar months, named by their
 * first day (YYYY-MM-DD). A period is widened to whole buckets, so the first and last week of
 * a chart are never half-counted. A story is counted once per bucket and key however many
 * outlets carried it; an article not (yet) grouped into a story counts as a story of its own.
 */
import type { Dialect, SqlDb } from '../storage/index';
import type { CoverageRow } from '../../shared/model/types';
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

const DAY_MS = 86_400_000;

/** The first day (YYYY-MM-DD, UTC) of the bucket that contains `iso`. */
export function bucketOf(iso: string, interval: Interval): string {
  const d = new Date(iso);
  if (interval === 'month') return `${iso.slice(0, 7)}-01`;
  if (interval === 'week') {
    const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - weekday)).toISOString().slice(0, 10);
  }
  return iso.slice(0, 10);
}

/** The first day of the bucket after the one starting on `day`. */
export function nextBucket(day: string, interval: Interval): string {
  const [y, m, d] = day.split('-').map(Number);
  if (interval === 'month') return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  return new Date(Date.UTC(y, m - 1, d) + (interval === 'week' ? 7 : 1) * DAY_MS).toISOString().slice(0, 10);
}

/** The period widened to whole buckets, with the buckets in it; null if there would be too many. */
export function alignPeriod(from: string, to: string, interval: Interval): { from: string; to: string; buckets: string[] } | null {
  const buckets: string[] = [];
  const last = bucketOf(to, interval);
  for (let b = bucketOf(from, interval); b <= last; b = nextBucket(b, interval)) {
    buckets.push(b);
    if (buckets.length > MAX_BUCKETS) return null;
  }
  const end = new Date(Date.parse(`${nextBucket(last, interval)}T00:00:00.000Z`) - 1).toISOString();
  return { from: `${buckets[0]}T00:00:00.000Z`, to: end, buckets };
}

/** SQL for the bucket of an article, matching `bucketOf`. */
export function bucketSql(interval: Interval, dialect: Dialect = 'sqlite'): string {
  if (interval === 'week' && dialect === 'postgres') {
    // date_trunc('week') is the ISO week's Monday.
    return `to_char(date_trunc('week', substr(${DATED}, 1, 10)::date), 'YYYY-MM-DD')`;
  }
  if (interval === 'month') return `substr(${DATED}, 1, 7) || '-01'`;
  // Back six days, then forward to the next Monday (or stay on one): the week's Monday.
  if (interval === 'week') return `date(substr(${DATED}, 1, 10), '-6 days', 'weekday 1')`;
  return `substr(${DATED}, 1, 10)`;
}

/** Distinct stories; an article without a story is its own (negative ids never clash with stories). */
export const STORIES_SQL = 'count(DISTINCT coalesce(a.story_id, -a.id))';

// Grouping and ordering are by position: json_each has columns named "key" and "value", which
// would shadow the result aliases.
function keySql(by: CoverageBy | undefined, dialect: Dialect): { from: string; key: string } {
  if (by === undefined) return { from: 'articles a', key: `'${ALL_KEY}'` };
  if (by === 'topic') {
    const topics = dialect === 'postgres' ? 'json_array_elements_text(a.topics::json) AS t(value)' : 'json_each(a.topics) t';
    return { from: `articles a, ${topics}`, key: 't.value' };
  }
  return { from: 'articles a', key: `coalesce(a.${by}, '${NONE_KEY}')` };
}

export interface CoverageQuery {
  /** Any instants; widened to whole buckets. */
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
  from: string;
  to: string;
  interval: Interval;
  by: CoverageBy | null;
  /** Every bucket of the period in order, also those without articles (for charts). */
  buckets: string[];
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
  const period = alignPeriod(q.from, q.to, q.interval);
  if (!period) throw new TooManyBucketsError(`more than ${MAX_BUCKETS} ${q.interval} buckets; choose a longer interval or a shorter period`);
  const filter: ArticleQuery = { ...q.filter, since: period.from, until: period.to };
  const w = whereClause(db.dialect, filter);
  const { from, key } = keySql(q.by, db.dialect);

  const rows =
    q.rows === false
      ? []
      : await db.all<CoverageRow>(
          `SELECT ${bucketSql(q.interval, db.dialect)} AS bucket, ${key} AS key, count(*) AS articles, ${STORIES_SQL} AS stories
           FROM ${from} ${w.sql} GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2`,
          w.params,
        );
  const totals = await db.all<CoverageTotal>(
    `SELECT ${key} AS key, count(*) AS articles, ${STORIES_SQL} AS stories
     FROM ${from} ${w.sql} GROUP BY 1 ORDER BY 2 DESC, 1`,
    w.params,
  );
  const total =
    q.by === undefined
      ? { articles: totals[0]?.articles ?? 0, stories: totals[0]?.stories ?? 0 }
      : (await db.get<{ articles: number; stories: number }>(`SELECT count(*) AS articles, ${STORIES_SQL} AS stories FROM articles a ${w.sql}`, w.params))!;
  return { from: period.from, to: period.to, interval: q.interval, by: q.by ?? null, buckets: period.buckets, rows, totals, total };
}
