/**
 * The full-text index behind "q" and the `org` filter: SQLite FTS5 over the folded
 * title and text of every article (feed text and, when the article stage read it, the page's
 * body) (table `article_search`, migration 2).
 *
 * Why this shape: Serbian is written in two scripts and often without diacritics, so a search
 * must compare `fold()`ed text (shared/text). fold() is JavaScript, so neither a generated
 * column nor a trigger can fill the index; scanning 50,000 texts in JS per request is too slow
 * (seconds). Instead the index is kept in step from JS, by article id: articles are only ever
 * appended, so everything above `article_search_state.last_article_id` is what is missing.
 * `syncSearchIndex` is cheap when nothing is missing (two indexed reads), so the API calls it
 * before every query that uses the index, and also in the background at start, which fills
 * the index of an existing database once. The writers (feed processor, import, POST) need not
 * know about it; they may call `syncSearchIndex` after a batch to keep the first search fast.
 */
import type { Dialect, SqlDb } from '../storage/index';
import { fold } from '../../shared/text/fold';
import { stem } from '../../shared/text/stem';
import { inBackground, inBatches } from './index-batches';

interface Pending {
  id: number;
  title: string;
  text: string;
  /** The article page's text (bot/reader/article), when one was read. */
  body: string | null;
}

/**
 * The folded words of a text separated by single spaces: what PostgreSQL's 'simple'
 * configuration then splits exactly as FTS5's unicode61 tokenizer splits the folded text
 * (at anything that is not a letter or a digit), so both backends index the same words.
 */
export function indexWords(text: string): string {
  return (fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** How many articles are not yet in the search index. */
export async function searchIndexLag(db: SqlDb): Promise<number> {
  const max = (await db.get<{ max: number | null }>('SELECT max(id) AS max FROM articles'))?.max ?? 0;
  const last = (await db.get<{ last: number }>('SELECT last_article_id AS last FROM article_search_state WHERE id = 1'))?.last ?? 0;
  return max > last ? (await db.get<{ n: number }>('SELECT count(*) AS n FROM articles WHERE id > ?', [last]))!.n : 0;
}

/**
 * Indexes up to `limit` articles that are not in the index yet (all of them by default), in
 * transactions of 2,000, and returns how many it indexed. Safe to call from several
 * processes: each batch re-reads the state inside its write transaction (on PostgreSQL with
 * FOR UPDATE, so two instances never index the same batch).
 */
export async function syncSearchIndex(db: SqlDb, limit = Number.POSITIVE_INFINITY): Promise<number> {
  const max = (await db.get<{ max: number | null }>('SELECT max(id) AS max FROM articles'))?.max ?? 0;
  const state = 'SELECT last_article_id AS last FROM article_search_state WHERE id = 1';
  if (max <= ((await db.get<{ last: number }>(state))?.last ?? 0)) return 0;
  const insert = 'INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)';
  const insertMany =
    "INSERT INTO article_search (article_id, doc) SELECT id, to_tsvector('simple', t) || to_tsvector('simple', b) " +
    'FROM unnest(?::bigint[], ?::text[], ?::text[]) AS x(id, t, b) ON CONFLICT DO NOTHING';
  const words = db.dialect === 'postgres' ? indexWords : fold;
  const batch = (size: number) =>
    db.transaction(async (): Promise<number> => {
      const last = (await db.get<{ last: number }>(db.dialect === 'postgres' ? `${state} FOR UPDATE` : state))!.last;
      const rows = await db.all<Pending>('SELECT id, title, text, body FROM articles WHERE id > ? ORDER BY id LIMIT ?', [last, size]);
      // The feed text and the article page's text (the article stage) are indexed together.
      const text = (r: Pending) => words(r.body ? `${r.text}\n${r.body}` : r.text);
      if (db.dialect === 'postgres') {
        // One statement per batch (a round trip per row made a 1,000,000-article backfill take ten minutes).
        if (rows.length) await db.run(insertMany, [rows.map((r) => r.id), rows.map((r) => words(r.title)), rows.map(text)]);
      } else for (const r of rows) await db.run(insert, [r.id, words(r.title), text(r)]);
      if (rows.length) await db.run('UPDATE article_search_state SET last_article_id = ? WHERE id = 1', [rows[rows.length - 1].id]);
      return rows.length;
    });
  return inBatches(batch, limit);
}

/**
 * Fills the index in the background, one batch per event-loop turn, so a large existing
 * database does not hold up start-up. Returns a function that stops it.
 */
export function backfillSearchIndex(db: SqlDb, onError: (err: unknown) => void): () => void {
  return inBackground(db, (limit) => syncSearchIndex(db, limit), onError);
}

/**
 * Our FTS5 expressions (searchExpression, orgFtsQuery, related's OR of prefixes) as a
 * PostgreSQL tsquery. They use a small grammar: quoted folded words, a `*` after a word for a
 * prefix, a space for AND, ` + ` for words that follow each other (a phrase), ` OR ` between
 * alternatives. Words are letters and digits only (folded), so nothing in them can be a
 * tsquery operator; they are quoted anyway. Parentheses may group OR-alternatives.
 */
export function ftsToTsquery(expr: string): string {
  const term = (t: string): string => {
    const m = /^"([^"]*)"(\*?)$/.exec(t.trim());
    if (!m) throw new Error(`not a search term: ${t}`);
    const words = m[1].match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) throw new Error(`empty search term: ${t}`);
    // A quoted term with several words is a phrase; the * applies to its last word.
    return words.map((w, i) => `'${w}'${i === words.length - 1 && m[2] ? ':*' : ''}`).join(' <-> ');
  };
  // Parentheses only ever group alternatives that are themselves joined by OR (the dashboard's
  // "any of these organisations": `(a OR b) OR (c)`), where they change nothing: dropped.
  // Quoted words are letters and digits only, so no parenthesis is inside one.
  return expr
    .replace(/[()]/g, ' ')
    .trim()
    .split(/\s+OR\s+/)
    .map((alt) => {
      const and = alt
        .trim()
        .split(/\s+(?!\+)(?<!\+\s*)/)
        .map((group) => group.split(/\s*\+\s*/).map(term).join(' <-> '));
      return `(${and.join(' & ')})`;
    })
    .join(' | ');
}

/** The ids of the articles that match this FTS5 expression (column `id`), in each dialect. */
export function matchingIdsSql(dialect: Dialect, expr: string): { sql: string; params: unknown[] } {
  if (dialect === 'postgres') return { sql: "SELECT article_id AS id FROM article_search WHERE doc @@ to_tsquery('simple', ?)", params: [ftsToTsquery(expr)] };
  return { sql: 'SELECT rowid AS id FROM article_search WHERE article_search MATCH ?', params: [expr] };
}

/**
 * PostgreSQL: whether the index row `s` (article_search) matches the FTS5 expression, for
 * checking one known article (articles.ts countSearchMatches).
 */
export function matchProbe(expr: string): { sql: string; params: unknown[] } {
  return { sql: "s.doc @@ to_tsquery('simple', ?)", params: [ftsToTsquery(expr)] };
}

/**
 * The condition "article a matches this FTS5 expression" in each dialect, with its parameter.
 */
export function matchCondition(dialect: Dialect, expr: string): { sql: string; params: unknown[] } {
  if (dialect === 'postgres') {
    return { sql: "a.id IN (SELECT article_id FROM article_search WHERE doc @@ to_tsquery('simple', ?))", params: [ftsToTsquery(expr)] };
  }
  return { sql: 'a.id IN (SELECT rowid FROM article_search WHERE article_search MATCH ?)', params: [expr] };
}

/** Words of a search beyond this many are ignored. */
export const MAX_QUERY_WORDS = 12;

/** Stems shorter than this are too broad to search by; the whole word is used instead. */
const MIN_STEM = 4;

/**
 * The word prefixes a search looks for: each word folded (Latin, lower case, no diacritics)
 * and cut to its Serbian stem when that is a prefix of at least four letters, so "kamere"
 * finds kamera, kamerama and Камере, and "Slavija" finds Slaviji. Other words stay whole and
 * still match as prefixes.
 */
export function searchPrefixes(text: string): string[] {
  const words = fold(text.normalize('NFC')).match(/[\p{L}\p{N}]+/gu) ?? [];
  const prefixes = words.map((w) => {
    const s = stem(w, 'sr');
    return s.length >= MIN_STEM && w.startsWith(s) ? s : w;
  });
  return [...new Set(prefixes)];
}

/**
 * Turns what a person typed into an FTS5 expression over the folded index: every word must
 * occur (AND), each as a prefix (see searchPrefixes), all quoted so that FTS5 operators in the
 * input are plain text. Returns null when nothing searchable is left.
 */
export function searchExpression(q: string): string | null {
  const prefixes = searchPrefixes(q).slice(0, MAX_QUERY_WORDS);
  return prefixes.length ? prefixes.map((w) => `"${w}"*`).join(' ') : null;
}
