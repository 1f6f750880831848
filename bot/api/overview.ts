/**
 * Everything the dashboard's coverage charts show for one view, from one scan of the period's
 * articles (GET /api/overview): the coverage over time, split by kind of media, the totals
 * per outlet (with its kind of media), language, script and topic, and the organisations'
 * mentions. The same numbers as the
 * separate GET /api/coverage calls (test/api-totals.test.ts checks they agree), read once
 * from the covering index instead of ten times, which is what keeps a dashboard load within a
 * second at 50,000 articles (`npm run bench -- api`).
 */
import type { SqlDb } from '../storage/index';
import type { CoverageRow } from '../../shared/model/types';
import { localIso } from './belgrade';
import { ALL_KEY, bucketSql, MAX_BUCKETS, NONE_KEY, periodBuckets, TooManyBucketsError, type CoverageTotal, type Interval } from './coverage';
import { whereClause, type ArticleQuery } from './filters';
import { mentionsOf, type MentionsResult } from './mentions';
import type { TrackedOrg } from '../orgs';

export interface OverviewQuery {
  from: string;
  to: string;
  interval: Interval;
  filter: ArticleQuery;
  /**
   * The organisations whose mentions to count (GET /api/mentions over the same articles), and
   * every tracked one (the organisation index is built for all of them).
   */
  mentions?: { orgs: readonly TrackedOrg[]; tracked: readonly TrackedOrg[] };
}

export interface OutletTotal extends CoverageTotal {
  scope: string;
}

export interface OverviewResult {
  from: string;
  to: string;
  interval: Interval;
  buckets: string[];
  partial: string[];
  /** As /api/coverage without `by`: rows per bucket (key "all") and the period's total. */
  coverage: { rows: CoverageRow[]; total: { articles: number; stories: number } };
  /** As /api/coverage?by=scope: rows per bucket and kind of media, and totals. */
  scope: { rows: CoverageRow[]; totals: CoverageTotal[] };
  /** Every outlet with its kind of media (an outlet in both kinds is listed once for each). */
  outlets: OutletTotal[];
  lang: CoverageTotal[];
  script: CoverageTotal[];
  topic: CoverageTotal[];
  /** As GET /api/mentions with the same parameters. */
  mentions?: MentionsResult;
}

/** Articles and distinct stories of one group. */
class Tally {
  articles = 0;
  readonly stories = new Set<number>();
  add(story: number): void {
    this.articles++;
    this.stories.add(story);
  }
}

class Tallies extends Map<string, Tally> {
  add(key: string, story: number): void {
    let t = this.get(key);
    if (!t) this.set(key, (t = new Tally()));
    t.add(story);
  }
}

// SQL orders text by bytes (BINARY); so does this, so ties come out in the same order.
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Totals largest first, then by key: the order of /api/coverage's `totals`. */
function totalsOf(t: Tallies): CoverageTotal[] {
  return [...t]
    .map(([key, x]) => ({ key, articles: x.articles, stories: x.stories.size }))
    .sort((a, b) => b.articles - a.articles || byText(a.key, b.key));
}

const SEP = '\u0000';

export async function overview(db: SqlDb, q: OverviewQuery): Promise<OverviewResult> {
  const period = periodBuckets(q.from, q.to, q.interval);
  if (!period) throw new TooManyBucketsError(`more than ${MAX_BUCKETS} ${q.interval} buckets; choose a longer interval or a shorter period`);
  const w = whereClause(db.dialect, { ...q.filter, since: period.from, until: period.to });
  // Rows as arrays, all at once: one call into SQLite, measurably faster for 40,000 rows.
  const rows = await db.values<[string, number, number, string, string, string, string, string]>(
    `SELECT ${bucketSql(q.interval, period, db.dialect)}, coalesce(a.story_id, -a.id), a.id, a.scope, a.outlet, coalesce(a.lang, '${NONE_KEY}'),
            coalesce(a.script, '${NONE_KEY}'), a.topics
     FROM articles a ${w.sql}`,
    w.params,
  );

  const all = new Tally();
  // Per bucket: one tally for all articles and one per kind of media (nested, not string keys).
  const perBucket = new Map<string, { all: Tally; scope: Tallies }>();
  const scopeTotals = new Tallies();
  const outlets = new Tallies();
  const langs = new Tallies();
  const scripts = new Tallies();
  const topics = new Tallies();
  const bucketById = new Map<number, string>();
  for (const [bucket, story, id, scope, outlet, lang, script, topicJson] of rows) {
    bucketById.set(id, bucket);
    all.add(story);
    let b = perBucket.get(bucket);
    if (!b) perBucket.set(bucket, (b = { all: new Tally(), scope: new Tallies() }));
    b.all.add(story);
    b.scope.add(scope, story);
    scopeTotals.add(scope, story);
    outlets.add(`${outlet}${SEP}${scope}`, story);
    langs.add(lang, story);
    scripts.add(script, story);
    for (const topic of JSON.parse(topicJson) as string[]) topics.add(topic, story);
  }
  return {
    from: localIso(Date.parse(period.from)),
    to: localIso(Date.parse(period.to)),
    interval: q.interval,
    buckets: period.buckets,
    partial: period.partial,
    coverage: {
      rows: [...perBucket].sort(([a], [b]) => byText(a, b)).map(([bucket, x]) => ({ bucket, key: ALL_KEY, articles: x.all.articles, stories: x.all.stories.size })),
      total: { articles: all.articles, stories: all.stories.size },
    },
    scope: {
      rows: [...perBucket].sort(([a], [b]) => byText(a, b)).flatMap(([bucket, x]) => totalsOf(x.scope).map((t) => ({ bucket, ...t }))),
      totals: totalsOf(scopeTotals),
    },
    outlets: totalsOf(outlets).map((o) => {
      const [key, scope] = o.key.split(SEP);
      return { ...o, key, scope };
    }),
    lang: totalsOf(langs),
    script: totalsOf(scripts),
    topic: totalsOf(topics),
    mentions: q.mentions ? await mentionsOf(db, q.mentions.orgs, period, q.interval, bucketById, q.mentions.tracked) : undefined,
  };
}
