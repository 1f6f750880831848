/**
 * Organisation mentions (GET /api/mentions): for each tracked organisation, how many of the
 * period's articles name it, per bucket, and its share.
 *
 * - `share`: articles naming the organisation / all articles of the period (matching the
 *   filter; by default the relevant ones), i.e. how much of the coverage names it.
 * - `shareOfVoice`: its articles / the sum over all tracked organisations, i.e. how often it
 *   is named compared with the others.
 *
 * Names are found with the rules of bot/orgs/match.ts (whole words, any script, no
 * diacritics, `*` for case endings), once per article, in the organisation index
 * (org-index.ts), which is brought up to date first.
 */
import type { SqlDb } from '../storage/index';
import type { TrackedOrg } from '../orgs';
import { localIso } from './belgrade';
import { bucketSql, periodBuckets, TooManyBucketsError, MAX_BUCKETS, type Interval, type Period } from './coverage';
import { whereClause, type ArticleQuery } from './filters';
import { orgPairs, syncOrgIndex } from './org-index';

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

/**
 * `orgs`: the organisations to count; `tracked`: every tracked organisation, the list the
 * organisation index is built for (counting a few must not rebuild it for those few).
 */
export async function mentions(db: SqlDb, orgs: readonly TrackedOrg[], q: MentionsQuery, tracked: readonly TrackedOrg[]): Promise<MentionsResult> {
  const period = periodBuckets(q.from, q.to, q.interval);
  if (!period) throw new TooManyBucketsError(`more than ${MAX_BUCKETS} ${q.interval} buckets; choose a longer interval or a shorter period`);
  const filter: ArticleQuery = { ...q.filter, since: period.from, until: period.to };
  const base = whereClause(db.dialect, filter);
  const bucketById = new Map<number, string>();
  const rows = await db.all<{ id: number; bucket: string }>(`SELECT a.id AS id, ${bucketSql(q.interval, period, db.dialect)} AS bucket FROM articles a ${base.sql}`, base.params);
  for (const r of rows) bucketById.set(r.id, r.bucket);
  return mentionsOf(db, orgs, period, q.interval, bucketById, tracked);
}

/**
 * The mentions of a period whose articles are known: the organisation index's pairs for the
 * period's range of article ids, counted in JS against the period's articles and their buckets
 * (GET /api/overview shares its scan). Only organisations in `orgs` are counted; the index
 * holds every tracked one.
 */
export async function mentionsOf(
  db: SqlDb,
  orgs: readonly TrackedOrg[],
  period: Period,
  interval: Interval,
  bucketById: ReadonlyMap<number, string>,
  /** Every tracked organisation: the list the index is built for (`orgs` may be a few of them). */
  tracked: readonly TrackedOrg[],
): Promise<MentionsResult> {
  const totalByBucket = new Map<string, number>();
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const [id, b] of bucketById) {
    totalByBucket.set(b, (totalByBucket.get(b) ?? 0) + 1);
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  const seriesOf = (counts: Map<string, number>) =>
    period.buckets.flatMap((b) => (counts.has(b) ? [{ bucket: b, articles: counts.get(b)! }] : []));
  const totalSeries = seriesOf(totalByBucket);
  const totalArticles = bucketById.size;

  await syncOrgIndex(db, tracked);
  const countsByOrg = new Map(orgs.map((o) => [o.id, { counts: new Map<string, number>(), articles: 0 }]));
  if (bucketById.size > 0) {
    // Only the organisations asked for, when they are a few of those tracked (a filtered view).
    const only = orgs.length < tracked.length ? orgs.map((o) => o.id) : undefined;
    for (const [id, orgId] of await orgPairs(db, lo, hi, only)) {
      const b = bucketById.get(id);
      const c = countsByOrg.get(orgId);
      if (b === undefined || c === undefined) continue;
      c.counts.set(b, (c.counts.get(b) ?? 0) + 1);
      c.articles++;
    }
  }
  const perOrg = orgs.map((org) => {
    const c = countsByOrg.get(org.id)!;
    return { org, series: seriesOf(c.counts), articles: c.articles };
  });
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
