/**
 * The article filter every API query shares (articles, stories, coverage, mentions, exports)
 * and its SQL. Column names are fixed here; every value is a bound parameter. Unlike storage's
 * own filter SQL, it is written so that the coverage index (migration 2) covers the queries.
 */
import type { ArticleFilter } from '../storage/articles';
import { topicCondition } from '../storage/articles';
import type { Dialect } from '../storage/index';
import { matchCondition } from './search-index';

/**
 * The article's date: published, else when we fetched it. Written as the expression rather
 * than the generated column `dated_at`, so the coverage index (migration 2) covers the query.
 */
export const DATED = 'coalesce(a.published, a.fetched_at)';

/** Storage's article filter (dates are inclusive ISO UTC bounds) plus full-text search. */
export interface ArticleQuery extends Omit<ArticleFilter, 'storyId'> {
  /** An FTS5 expression over the folded index (see searchExpression), not raw user text. */
  match?: string;
  /** Articles naming one of the chosen organisations (`org`): their names as an FTS5 expression. */
  orgMatch?: string;
}

export interface SqlPart {
  sql: string;
  params: unknown[];
}

/**
 * `WHERE ...` for a filter over `articles a`. An unset `relevant` becomes `relevant IN (0, 1)`,
 * which lets SQLite still use the coverage index (its first column) instead of the table.
 */
export function whereClause(dialect: Dialect, f: ArticleQuery, extra: SqlPart[] = []): SqlPart {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    parts.push(condition);
    params.push(...values);
  };
  if (f.relevant === undefined) add('a.relevant IN (0, 1)');
  else add('a.relevant = ?', f.relevant ? 1 : 0);
  if (f.since !== undefined) add(`${DATED} >= ?`, f.since);
  if (f.until !== undefined) add(`${DATED} <= ?`, f.until);
  if (f.topic !== undefined) add(topicCondition(dialect), f.topic);
  if (f.lang !== undefined) add('a.lang = ?', f.lang);
  if (f.script !== undefined) add('a.script = ?', f.script);
  if (f.scope !== undefined) add('a.scope = ?', f.scope);
  if (f.outlet !== undefined) add('a.outlet = ?', f.outlet);
  for (const expr of [f.match, f.orgMatch]) {
    if (expr === undefined) continue;
    const m = matchCondition(dialect, expr);
    add(m.sql, ...m.params);
  }
  for (const e of extra) add(e.sql, ...e.params);
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}
