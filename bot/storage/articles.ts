import type { Article, Classification, Scope, Script, Topic } from '../../shared/model/types';
import { toIso } from './iso';
import { byteOrder, nullsFirst, type Dialect, type SqlDb } from './sql';

/** What the processor hands to storage for one new article. */
export interface NewArticle {
  feedUrl: string | null;
  outlet: string;
  scope: Scope;
  guid: string;
  url: string | null;
  /** The cleaned URL (tracking parameters off, rel=canonical honoured); de-duplicates across feeds. */
  canonicalUrl: string | null;
  title: string;
  text: string;
  /** ISO UTC, or null when the feed gives no date. */
  published: string | null;
  fetchedAt: string;
  /** Hash of the folded, normalised text, computed by the caller; de-duplicates re-posts. */
  contentHash: string;
  storyId?: number | null;
  classification: Classification;
  /** The article page's text (bot/reader/article), stored apart from the feed's `text`. */
  body?: string | null;
  /** What came of the page fetch ('ok', 'robots', 'http 404', ...); null when none was wanted. */
  pageStatus?: string | null;
  /** Which text the decision used: 'title', 'title+lead' or 'title+lead+page'. */
  decidedOn?: string | null;
}

/** An article as stored: the shared model plus the de-duplication keys. */
export interface StoredArticle extends Article {
  canonicalUrl: string | null;
  contentHash: string;
  body: string | null;
  pageStatus: string | null;
  decidedOn: string | null;
}

export interface DuplicateKeys {
  guid?: string | null;
  feedUrl?: string | null;
  url?: string | null;
  contentHash?: string | null;
}

export interface Duplicate {
  id: number;
  /** Which key matched, checked in this order. */
  by: 'guid' | 'url' | 'content';
}

/** Filters shared by search, count and countBy. Dates are inclusive bounds on the article's date. */
export interface ArticleFilter {
  since?: string;
  until?: string;
  relevant?: boolean;
  topic?: Topic;
  lang?: string;
  script?: Script;
  scope?: Scope;
  outlet?: string;
  storyId?: number;
}

export interface ArticlePage extends ArticleFilter {
  /** Default 50, at most 500. */
  limit?: number;
  offset?: number;
}

export const COUNT_FIELDS = ['outlet', 'scope', 'lang', 'script', 'topic'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

interface ArticleRow {
  id: number;
  feed_url: string | null;
  outlet: string;
  scope: Scope;
  guid: string;
  url: string | null;
  canonical_url: string | null;
  title: string;
  text: string;
  published: string | null;
  fetched_at: string;
  content_hash: string;
  story_id: number | null;
  relevant: number;
  score: number;
  topics: string;
  reasons: string;
  lang: string;
  script: Script | null;
  body: string | null;
  page_status: string | null;
  decided_on: string | null;
}

function fromRow(r: ArticleRow): StoredArticle {
  return {
    id: r.id,
    feedUrl: r.feed_url,
    outlet: r.outlet,
    scope: r.scope,
    guid: r.guid,
    url: r.url,
    canonicalUrl: r.canonical_url,
    title: r.title,
    text: r.text,
    published: r.published,
    fetchedAt: r.fetched_at,
    contentHash: r.content_hash,
    body: r.body,
    pageStatus: r.page_status,
    decidedOn: r.decided_on,
    storyId: r.story_id,
    classification: {
      relevant: r.relevant === 1,
      score: r.score,
      topics: JSON.parse(r.topics) as Topic[],
      reasons: JSON.parse(r.reasons) as string[],
      lang: r.lang,
      script: r.script,
    },
  };
}

const MAX_PAGE = 500;

/**
 * The condition "the article's JSON topics contain ?" in each dialect. PostgreSQL keeps the
 * JSON as text too (one schema for both), so it is cast for the test.
 */
export function topicCondition(dialect: Dialect, alias = 'a'): string {
  return dialect === 'postgres'
    ? `EXISTS (SELECT 1 FROM json_array_elements_text(${alias}.topics::json) AS t(value) WHERE t.value = ?)`
    : `EXISTS (SELECT 1 FROM json_each(${alias}.topics) WHERE value = ?)`;
}

/** WHERE clause and parameters for a filter; column names are fixed here, values are bound. */
function where(f: ArticleFilter, dialect: Dialect): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    parts.push(condition);
    params.push(value);
  };
  if (f.since !== undefined) add('a.dated_at >= ?', toIso(f.since));
  if (f.until !== undefined) add('a.dated_at <= ?', toIso(f.until));
  if (f.relevant !== undefined) add('a.relevant = ?', f.relevant ? 1 : 0);
  if (f.topic !== undefined) add(topicCondition(dialect), f.topic);
  if (f.lang !== undefined) add('a.lang = ?', f.lang);
  if (f.script !== undefined) add('a.script = ?', f.script);
  if (f.scope !== undefined) add('a.scope = ?', f.scope);
  if (f.outlet !== undefined) add('a.outlet = ?', f.outlet);
  if (f.storyId !== undefined) add('a.story_id = ?', f.storyId);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export type ArticlesRepo = ReturnType<typeof createArticlesRepo>;

const INSERT = `
  INSERT INTO articles (feed_url, outlet, scope, guid, url, canonical_url, title, text, published,
    fetched_at, content_hash, story_id, relevant, score, topics, reasons, lang, script,
    body, page_status, decided_on)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT DO NOTHING
  RETURNING id`;
const BY_GUID = 'SELECT id FROM articles WHERE feed_url = ? AND guid = ?';
const BY_ANY_URL = 'SELECT id FROM articles WHERE canonical_url = ? OR url = ? ORDER BY id LIMIT 1';
const BY_HASH = 'SELECT id FROM articles WHERE content_hash = ?';
const GET_ONE = 'SELECT * FROM articles WHERE id = ?';

/** Stored articles with their classification; the unique indexes make re-reads harmless. */
export function createArticlesRepo(db: SqlDb) {
  async function get(id: number): Promise<StoredArticle | null> {
    const row = await db.get<ArticleRow>(GET_ONE, [id]);
    return row ? fromRow(row) : null;
  }

  async function search(q: ArticlePage = {}): Promise<StoredArticle[]> {
    const w = where(q, db.dialect);
    const limit = Math.max(0, Math.min(MAX_PAGE, Math.floor(q.limit ?? 50)));
    const offset = Math.max(0, Math.floor(q.offset ?? 0));
    const rows = await db.all<ArticleRow>(
      `SELECT a.* FROM articles a ${w.sql} ORDER BY a.dated_at DESC, a.id DESC LIMIT ? OFFSET ?`,
      [...w.params, limit, offset],
    );
    return rows.map(fromRow);
  }

  return {
    /**
     * Which stored article this item repeats, if any. Checks the feed's own guid first (the
     * common re-read), then the URL against both stored URLs, then the content hash.
     */
    async findDuplicate(k: DuplicateKeys): Promise<Duplicate | null> {
      if (k.feedUrl && k.guid) {
        const row = await db.get<{ id: number }>(BY_GUID, [k.feedUrl, k.guid]);
        if (row) return { id: row.id, by: 'guid' };
      }
      if (k.url) {
        const row = await db.get<{ id: number }>(BY_ANY_URL, [k.url, k.url]);
        if (row) return { id: row.id, by: 'url' };
      }
      if (k.contentHash) {
        const row = await db.get<{ id: number }>(BY_HASH, [k.contentHash]);
        if (row) return { id: row.id, by: 'content' };
      }
      return null;
    },

    /**
     * Stores an article and returns its id, or null when a unique index says it is already
     * stored (a race with findDuplicate costs nothing). Other constraint failures still throw.
     */
    async insert(a: NewArticle): Promise<number | null> {
      const c = a.classification;
      const row = await db.get<{ id: number }>(INSERT, [
        a.feedUrl,
        a.outlet,
        a.scope,
        a.guid,
        a.url,
        a.canonicalUrl,
        a.title,
        a.text,
        a.published === null ? null : toIso(a.published),
        toIso(a.fetchedAt),
        a.contentHash,
        a.storyId ?? null,
        c.relevant ? 1 : 0,
        c.score,
        JSON.stringify(c.topics),
        JSON.stringify(c.reasons),
        c.lang,
        c.script,
        a.body ?? null,
        a.pageStatus ?? null,
        a.decidedOn ?? null,
      ]);
      return row === undefined ? null : Number(row.id);
    },

    get,

    /** The article stored under this URL, matched against both the feed URL and the canonical one. */
    async byUrl(url: string): Promise<StoredArticle | null> {
      const hit = await db.get<{ id: number }>(BY_ANY_URL, [url, url]);
      return hit ? get(hit.id) : null;
    },

    /** The newest `n` articles by date (published, else fetched). */
    latest(n: number, options: { relevant?: boolean } = {}): Promise<StoredArticle[]> {
      return search({ relevant: options.relevant, limit: n });
    },

    /** Filtered, newest first, paged with limit/offset. */
    search,

    /** How many articles match, for paging totals. */
    async count(f: ArticleFilter = {}): Promise<number> {
      const w = where(f, db.dialect);
      const row = await db.get<{ n: number }>(`SELECT count(*) AS n FROM articles a ${w.sql}`, w.params);
      return row!.n;
    },

    /** Article counts grouped by one field, largest first; 'topic' counts an article once per topic. */
    async countBy(field: CountField, f: ArticleFilter = {}): Promise<Array<{ key: string | null; count: number }>> {
      // The field is spliced into SQL, so check it at run time too (API callers pass strings).
      if (!COUNT_FIELDS.includes(field)) throw new RangeError(`cannot count articles by ${String(field)}`);
      const w = where(f, db.dialect);
      const topics =
        db.dialect === 'postgres' ? 'articles a, json_array_elements_text(a.topics::json) AS t(value)' : 'articles a, json_each(a.topics) t';
      // Ties in byte order with a missing value first, as SQLite orders text (see sql.ts).
      const tie = `${byteOrder(db.dialect)}${nullsFirst(db.dialect)}`;
      const sql =
        field === 'topic'
          ? `SELECT t.value AS key, count(*) AS count FROM ${topics} ${w.sql}
             GROUP BY t.value ORDER BY count DESC, t.value${tie}`
          : `SELECT a.${field} AS key, count(*) AS count FROM articles a ${w.sql}
             GROUP BY a.${field} ORDER BY count DESC, a.${field}${tie}`;
      return db.all<{ key: string | null; count: number }>(sql, w.params);
    },
  };
}
