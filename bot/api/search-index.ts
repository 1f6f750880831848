/**
 * The full-text index behind "q" and the organisation mentions: SQLite FTS5 over the folded
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
import type Database from 'better-sqlite3';
import { fold } from '../../shared/text/fold';
import { stem } from '../../shared/text/stem';

/** Rows indexed per transaction: short write locks, so the feed processor never waits long. */
const BATCH = 2000;

interface Pending {
  id: number;
  title: string;
  text: string;
  /** The article page's text (bot/reader/article), when one was read. */
  body: string | null;
}

const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(db: Database.Database) {
  return {
    state: db.prepare<[], { last: number }>('SELECT last_article_id AS last FROM article_search_state WHERE id = 1'),
    maxId: db.prepare<[], { max: number | null }>('SELECT max(id) AS max FROM articles'),
    pending: db.prepare<[number, number], Pending>('SELECT id, title, text, body FROM articles WHERE id > ? ORDER BY id LIMIT ?'),
    insert: db.prepare('INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)'),
    setState: db.prepare('UPDATE article_search_state SET last_article_id = ? WHERE id = 1'),
  };
}

function stmts(db: Database.Database) {
  let s = statements.get(db);
  if (!s) {
    s = prepare(db);
    statements.set(db, s);
  }
  return s;
}

/** How many articles are not yet in the search index. */
export function searchIndexLag(db: Database.Database): number {
  const s = stmts(db);
  const max = s.maxId.get()?.max ?? 0;
  const last = s.state.get()?.last ?? 0;
  return max > last ? db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM articles WHERE id > ?').get(last)!.n : 0;
}

/**
 * Indexes up to `limit` articles that are not in the index yet (all of them by default), in
 * transactions of 2,000, and returns how many it indexed. Safe to call from several
 * processes: each batch re-reads the state inside its write transaction.
 */
export function syncSearchIndex(db: Database.Database, limit = Number.POSITIVE_INFINITY): number {
  const s = stmts(db);
  const max = s.maxId.get()?.max ?? 0;
  if (max <= (s.state.get()?.last ?? 0)) return 0;
  let done = 0;
  const batch = db.transaction((size: number): number => {
    const last = s.state.get()!.last;
    const rows = s.pending.all(last, size);
    for (const r of rows) s.insert.run(r.id, fold(r.title), fold(r.body ? `${r.text}\n${r.body}` : r.text));
    if (rows.length) s.setState.run(rows[rows.length - 1].id);
    return rows.length;
  });
  while (done < limit) {
    const n = batch.immediate(Math.min(BATCH, limit - done));
    done += n;
    if (n === 0) break;
  }
  return done;
}

/**
 * Fills the index in the background, one batch per event-loop turn, so a large existing
 * database does not hold up start-up. Returns a function that stops it.
 */
export function backfillSearchIndex(db: Database.Database, onError: (err: unknown) => void): () => void {
  let stopped = false;
  let timer: NodeJS.Immediate | undefined;
  const step = () => {
    if (stopped || !db.open) return;
    try {
      if (syncSearchIndex(db, BATCH) === BATCH) timer = setImmediate(step);
    } catch (err) {
      onError(err);
    }
  };
  timer = setImmediate(step);
  return () => {
    stopped = true;
    if (timer) clearImmediate(timer);
  };
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
