/**
 * Organisation mentions (GET /api/mentions): for each tracked organisation, how many of the
 * period's articles name it, per bucket, and its share.
 *
 * - `share`: articles naming the organisation / all articles of the period (matching the
 *   filter; by default the relevant ones), i.e. how much of the coverage names it.
 * - `shareOfVoice`: its articles / the sum over all tracked organisations, i.e. how often it
 *   is named compared with the others.
 *
 * Names are found through the folded full-text index (search-index.ts) with the rules of
 * bot/orgs/match.ts: whole words, any script, no diacritics, `*` for case endings.
 */
import type { SqlDb } from '../storage/index';
import { orgFtsQuery, type TrackedOrg } from '../orgs';
import { localIso } from './belgrade';
import { bucketSql, periodBuckets, TooManyBucketsError, MAX_BUCKETS, type Interval, type Period } from './coverage';
import { whereClause, type ArticleQuery } from './filters';
import { matchingIdsSql } from './search-index';

export interface MentionsQuery {
  from: string;
  to: string;
  interval: Interval;
  filter: ArticleQuery;
}

export interface OrgMentions {
  id: string;
  kind: string | null;
  name: { en: string; sr: string };
  articles: number;
  share: number;
  shareOfVoice: number;
  /** Buckets with at least one article naming it. */
  series: Array<{ bucket: string; articles: number }>;
}

export interface MentionsResult {
  from: string;
  to: string;
  interval: Interval;
  buckets: string[];
  /** The first and/or last bucket when the period covers only part of it. */
  partial: string[];
  /** All articles of the period, per bucket and overall: the denominator of `share`. */
  total: { articles: number; series: Array<{ bucket: string; articles: number }> };
  /** Largest first; organisations never named are listed with 0. */
  orgs: OrgMentions[];
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export async function mentions(db: SqlDb, orgs: readonly TrackedOrg[], q: MentionsQuery): Promise<MentionsResult> {
  const period = periodBuckets(q.from, q.to, q.interval);
  if (!period) throw new TooManyBucketsError(`more than ${MAX_BUCKETS} ${q.interval} buckets; choose a longer interval or a shorter period`);
  const filter: ArticleQuery = { ...q.filter, since: period.from, until: period.to };
  const base = whereClause(db.dialect, filter);
  const bucketById = new Map<number, string>();
  const rows = await db.all<{ id: number; bucket: string }>(`SELECT a.id AS id, ${bucketSql(q.interval, period, db.dialect)} AS bucket FROM articles a ${base.sql}`, base.params);
  for (const r of rows) bucketById.set(r.id, r.bucket);
  return mentionsOf(db, orgs, period, q.interval, bucketById);
}

/**
 * The mentions of a period whose articles are known: each organisation's articles from the
 * full-text index, counted in JS against the period's articles and their buckets (one scan
 * and n index lookups instead of n filtered scans; GET /api/overview shares its scan).
 */
export async function mentionsOf(
  db: SqlDb,
  orgs: readonly TrackedOrg[],
  period: Period,
  interval: Interval,
  bucketById: ReadonlyMap<number, string>,
): Promise<MentionsResult> {
  const totalByBucket = new Map<string, number>();
  for (const b of bucketById.values()) totalByBucket.set(b, (totalByBucket.get(b) ?? 0) + 1);
  const seriesOf = (counts: Map<string, number>) =>
    period.buckets.flatMap((b) => (counts.has(b) ? [{ bucket: b, articles: counts.get(b)! }] : []));
  const totalSeries = seriesOf(totalByBucket);
  const totalArticles = bucketById.size;

  // The organisations' lookups are independent: on PostgreSQL they run at once on the pool.
  const found = await Promise.all(
    orgs.map((org) => {
      const named = matchingIdsSql(db.dialect, orgFtsQuery(org));
      return db.values<[number]>(named.sql, named.params);
    }),
  );
  const perOrg: Array<{ org: TrackedOrg; series: Array<{ bucket: string; articles: number }>; articles: number }> = [];
  for (const [k, org] of orgs.entries()) {
    const counts = new Map<string, number>();
    let articles = 0;
    for (const [id] of found[k]) {
      const b = bucketById.get(id);
      if (b === undefined) continue;
      counts.set(b, (counts.get(b) ?? 0) + 1);
      articles++;
    }
    perOrg.push({ org, series: seriesOf(counts), articles });
  }
  const allMentions = perOrg.reduce((s, o) => s + o.articles, 0);

  return {
    from: localIso(Date.parse(period.from)),
    to: localIso(Date.parse(period.to)),
    interval,
    buckets: period.buckets,
    partial: period.partial,
    total: { articles: totalArticles, series: totalSeries },
    orgs: perOrg
      .map(({ org, series, articles }) => ({
        id: org.id,
        kind: org.kind ?? null,
        name: { ...org.name },
        articles,
        share: totalArticles ? round(articles / totalArticles) : 0,
        shareOfVoice: allMentions ? round(articles / allMentions) : 0,
        series,
      }))
      .sort((a, b) => b.articles - a.articles || a.id.localeCompare(b.id)),
  };
}
