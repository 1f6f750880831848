/** Article lists for GET /api/articles and the article exports. */
import type { SqlDb } from '../storage/index';
import type { Scope, Script, Topic } from '../../shared/model/types';
import { DATED, whereClause, type ArticleQuery, type SqlPart } from './filters';
import { matchProbe } from './search-index';

/** An article as the API shows it (the browser extension relies on these fields). */
export interface ApiArticle {
  id: number;
  title: string;
  url: string | null;
  outlet: string;
  scope: Scope;
  /** ISO UTC, or null when the source gave no date (then `fetchedAt` dates it). */
  published: string | null;
  fetchedAt: string;
  lang: string;
  script: Script | null;
  relevant: boolean;
  score: number;
  topics: Topic[];
  /** Why the classifier decided as it did: matched concepts and terms. */
  reasons: string[];
  storyId: number | null;
  /**
   * Which text the decision used: 'title', 'title+lead' or 'title+lead+page' (the article
   * page read by bot/reader/article); null for articles stored before it was recorded.
   */
  decidedOn: string | null;
  /** What came of reading the article page ('ok', 'robots', 'http 404', ...); null when none was wanted. */
  pageStatus: string | null;
  /** Only in exports that ask for it. */
  text?: string;
}

export interface ArticleRow {
  id: number;
  title: string;
  url: string | null;
  outlet: string;
  scope: Scope;
  published: string | null;
  fetched_at: string;
  dated: string;
  lang: string;
  script: Script | null;
  relevant: number;
  score: number;
  topics: string;
  reasons: string;
  story_id: number | null;
  decided_on: string | null;
  page_status: string | null;
  text?: string;
}

export const ARTICLE_COLUMNS = `a.id, a.title, a.url, a.outlet, a.scope, a.published, a.fetched_at, a.dated_at AS dated,
  a.lang, a.script, a.relevant, a.score, a.topics, a.reasons, a.story_id, a.decided_on, a.page_status`;

export function toApiArticle(r: ArticleRow): ApiArticle {
  const a: ApiArticle = {
    id: r.id,
    title: r.title,
    url: r.url,
    outlet: r.outlet,
    scope: r.scope,
    published: r.published,
    fetchedAt: r.fetched_at,
    lang: r.lang,
    script: r.script,
    relevant: r.relevant === 1,
    score: Math.round(r.score * 1000) / 1000,
    topics: JSON.parse(r.topics) as Topic[],
    reasons: JSON.parse(r.reasons) as string[],
    storyId: r.story_id,
    decidedOn: r.decided_on,
    pageStatus: r.page_status,
  };
  if (r.text !== undefined) a.text = r.text;
  return a;
}

export interface ArticlePage {
  articles: ApiArticle[];
  /** Matching articles: exact, or at least this many when `totalExact` is false (a text search past SEARCH_COUNT_CAP). */
  total: number;
  totalExact: boolean;
  limit: number;
  offset: number;
}

/**
 * A text search (`q`, `org`) counts its matches exactly up to this many; past it, `total` is
 * this and `totalExact` false ("1,000+"), as Elasticsearch's track_total_hits does. The page
 * itself is cheap (newest first, stopping after `limit`), but an exact count of a broad
 * search visits every match: 1.4 s for "procena uticaja" over a year of 1,000,000 articles
 * on PostgreSQL (`npm run bench -- api-scale`). Counts without a text search stay exact, and
 * GET /api/coverage counts searches exactly for those who need the figure.
 */
export const SEARCH_COUNT_CAP = 1000;

/** One page of matching articles, newest first, with the total for paging. */
export async function listArticles(
  db: SqlDb,
  f: ArticleQuery,
  limit: number,
  offset: number,
  /** Tests set smaller ones to reach every path with a few articles. */
  { searchCountCap = SEARCH_COUNT_CAP, probeRows = PROBE_ROWS } = {},
): Promise<ArticlePage> {
  const search = f.match !== undefined || f.orgMatch !== undefined;
  const probe = search && db.dialect === 'postgres' ? await probeSearch(db, f, probeRows) : null;
  const w = whereClause(db.dialect, f, datedBounds(f));
  const order = `ORDER BY a.dated_at DESC, a.id DESC LIMIT ? OFFSET ?`;
  // A search that matched fewer than a page among the newest articles: reading newest first
  // would check most of the table, so its matches are found in the index first.
  const sparse = probe !== null && !probe.exhaustive && probe.matched < offset + limit;
  const page = sparse
    ? pageOfRareSearch(db, f, order, [limit, offset])
    : db.all<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a ${w.sql} ${order}`, [...w.params, limit, offset]);
  const upTo = searchCountCap + 1;
  let count: Promise<number>;
  if (!search) count = db.get<{ n: number }>(`SELECT count(*) AS n FROM articles a ${w.sql}`, w.params).then((r) => r!.n);
  else if (probe && (probe.exhaustive || probe.matched >= upTo)) count = Promise.resolve(Math.min(probe.matched, upTo));
  else count = db.get<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM articles a ${w.sql} LIMIT ?) capped`, [...w.params, upTo]).then((r) => r!.n);
  // Independent reads: on PostgreSQL they run at once on the pool's connections.
  const [rows, n] = await Promise.all([page, count]);
  const totalExact = !search || n <= searchCountCap;
  return { articles: rows.map(toApiArticle), total: totalExact ? n : searchCountCap, totalExact, limit, offset };
}

/**
 * The period again on `dated_at`, the generated column equal to DATED, so that reading
 * newest first by its index starts and stops at the period instead of at the newest article.
 */
function datedBounds(f: ArticleQuery): SqlPart[] {
  const bounds: SqlPart[] = [];
  if (f.since !== undefined) bounds.push({ sql: 'a.dated_at >= ?', params: [f.since] });
  if (f.until !== undefined) bounds.push({ sql: 'a.dated_at <= ?', params: [f.until] });
  return bounds;
}

/** How many articles probeSearch checks one by one (an even number: half of each relevance). */
const PROBE_ROWS = 20_000;

/**
 * PostgreSQL: a text search's matches among the newest `probeRows` articles the other filters
 * allow, each checked against its own index row (about 3 µs each); `exhaustive` when the
 * filters allow no more articles than that.
 *
 * Why: the planner estimates a search of several prefixes as far rarer than it is (it
 * multiplies the words' frequencies, but words of one phrase come together), so left alone it
 * counts by reading every match from the GIN index and joining each to its article (1.4 s for
 * "procena uticaja" over a year of 1,000,000 articles, `npm run bench -- api-scale`), and it
 * reads a rare search's page newest first through most of the table (2.4 s for a word no
 * article has). The probe settles the count of a common search (SEARCH_COUNT_CAP matches) or
 * of a small selection, and tells a rare search, whose page and count the index then finds
 * cheaply, from a common one, whose page is among the newest articles.
 */
async function probeSearch(db: SqlDb, f: ArticleQuery, probeRows: number): Promise<{ exhaustive: boolean; matched: number }> {
  // Newest first, as the coverage index gives them for one relevance: a search's matches
  // cluster (by relevance, by period), so the first rows in any other order can miss them
  // all. Without a relevance filter, the newest of each relevance, half as many. The index
  // covers every other filter, so a selective one (an outlet) costs no table reads.
  const relevances = f.relevant === undefined ? [true, false] : [f.relevant];
  const rows = Math.ceil(probeRows / relevances.length);
  const branches = relevances.map((relevant) => whereClause(db.dialect, { ...f, relevant, match: undefined, orgMatch: undefined }));
  const checks = textChecks(f);
  const r = await db.all<{ seen: number; matched: number }>(
    branches
      .map(
        (b) => `SELECT count(*) AS seen, count(*) FILTER (WHERE m) AS matched FROM (
       SELECT (SELECT ${checks.sql} FROM article_search s WHERE s.article_id = r.id) AS m
       FROM (SELECT a.id FROM articles a ${b.sql} ORDER BY ${DATED} DESC LIMIT ?) r) probed`,
      )
      .join(' UNION ALL '),
    branches.flatMap((b) => [...checks.params, ...b.params, rows + 1]),
  );
  return { exhaustive: r.every((b) => b.seen <= rows), matched: r.reduce((sum, b) => sum + b.matched, 0) };
}

/** PostgreSQL: the search's conditions on an index row `s` (article_search). */
function textChecks(f: ArticleQuery): SqlPart {
  const checks = [f.match, f.orgMatch].filter((e) => e !== undefined).map((e) => matchProbe(e));
  return { sql: checks.map((c) => c.sql).join(' AND '), params: checks.flatMap((c) => c.params) };
}

/** PostgreSQL: a page of a rare search, its matches read from the index first (MATERIALIZED keeps them apart). */
function pageOfRareSearch(db: SqlDb, f: ArticleQuery, order: string, paging: number[]): Promise<ArticleRow[]> {
  const checks = textChecks(f);
  const others = whereClause(db.dialect, { ...f, match: undefined, orgMatch: undefined }, datedBounds(f));
  return db.all<ArticleRow>(
    `WITH matches AS MATERIALIZED (SELECT s.article_id FROM article_search s WHERE ${checks.sql})
     SELECT ${ARTICLE_COLUMNS} FROM articles a ${others.sql} AND a.id IN (SELECT article_id FROM matches) ${order}`,
    [...checks.params, ...others.params, ...paging],
  );
}

/**
 * All matching articles, newest first, in batches read by keyset (date, id) rather than one
 * open cursor: between batches the connection is free for other requests, which better-sqlite3
 * needs (a connection cannot run other statements while a cursor is open).
 */
export async function* articleBatches(
  db: SqlDb,
  f: ArticleQuery,
  options: { includeText?: boolean; max?: number; batchSize?: number } = {},
): AsyncGenerator<ApiArticle[]> {
  const size = options.batchSize ?? 1000;
  let left = options.max ?? Number.POSITIVE_INFINITY;
  const columns = ARTICLE_COLUMNS + (options.includeText ? ', a.text' : '');
  let after: { dated: string; id: number } | null = null;
  while (left > 0) {
    const keyset = after === null ? [] : [{ sql: `(${DATED} < ? OR (${DATED} = ? AND a.id < ?))`, params: [after.dated, after.dated, after.id] }];
    const w = whereClause(db.dialect, f, keyset);
    const rows = await db.all<ArticleRow>(`SELECT ${columns} FROM articles a ${w.sql} ORDER BY ${DATED} DESC, a.id DESC LIMIT ?`, [
      ...w.params,
      Math.min(size, left),
    ]);
    if (rows.length === 0) return;
    const last = rows[rows.length - 1];
    after = { dated: last.dated, id: last.id };
    left -= rows.length;
    yield rows.map(toApiArticle);
    if (rows.length < size) return;
  }
}
