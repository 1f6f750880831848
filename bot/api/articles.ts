/** Article lists for GET /api/articles and the article exports. */
import type { SqlDb } from '../storage/index';
import type { Scope, Script, Topic } from '../../shared/model/types';
import { DATED, whereClause, type ArticleQuery } from './filters';

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
  total: number;
  limit: number;
  offset: number;
}

/** One page of matching articles, newest first, with the total for paging. */
export async function listArticles(db: SqlDb, f: ArticleQuery, limit: number, offset: number): Promise<ArticlePage> {
  const w = whereClause(db.dialect, f);
  const rows = await db.all<ArticleRow>(
    `SELECT ${ARTICLE_COLUMNS} FROM articles a ${w.sql} ORDER BY a.dated_at DESC, a.id DESC LIMIT ? OFFSET ?`,
    [...w.params, limit, offset],
  );
  const total = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM articles a ${w.sql}`, w.params))!.n;
  return { articles: rows.map(toApiArticle), total, limit, offset };
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
