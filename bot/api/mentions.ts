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
import { matchCondition } from './search-index';
import { alignPeriod, bucketSql, TooManyBucketsError, MAX_BUCKETS, type Interval } from './coverage';
import { whereClause, type ArticleQuery } from './filters';

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
  /** All articles of the period, per bucket and overall: the denominator of `share`. */
  total: { articles: number; series: Array<{ bucket: string; articles: number }> };
  /** Largest first; organisations never named are listed with 0. */
  orgs: OrgMentions[];
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export async function mentions(db: SqlDb, orgs: readonly TrackedOrg[], q: MentionsQuery): Promise<MentionsResult> {
  const period = alignPeriod(q.from, q.to, q.interval);
  if (!period) throw new TooManyBucketsError(`more than ${MAX_BUCKETS} ${q.interval} buckets; choose a longer interval or a shorter period`);
  const filter: ArticleQuery = { ...q.filter, since: period.from, until: period.to };
  const bucket = bucketSql(q.interval, db.dialect);

  const base = whereClause(db.dialect, filter);
  const totalSeries = await db.all<{ bucket: string; articles: number }>(
    `SELECT ${bucket} AS bucket, count(*) AS articles FROM articles a ${base.sql} GROUP BY 1 ORDER BY 1`,
    base.params,
  );
  const totalArticles = totalSeries.reduce((s, r) => s + r.articles, 0);

  const perOrg: Array<{ org: TrackedOrg; series: Array<{ bucket: string; articles: number }>; articles: number }> = [];
  for (const org of orgs) {
    const w = whereClause(db.dialect, filter, [matchCondition(db.dialect, orgFtsQuery(org))]);
    const series = await db.all<{ bucket: string; articles: number }>(
      `SELECT ${bucket} AS bucket, count(*) AS articles FROM articles a ${w.sql} GROUP BY 1 ORDER BY 1`,
      w.params,
    );
    perOrg.push({ org, series, articles: series.reduce((s, r) => s + r.articles, 0) });
  }
  const allMentions = perOrg.reduce((s, o) => s + o.articles, 0);

  return {
    from: period.from,
    to: period.to,
    interval: q.interval,
    buckets: period.buckets,
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
