import type { SqlDb } from './sql';

/** One article page as the article stage read it (or failed to): the page cache. */
export interface PageRecord {
  /** The URL asked for (the publisher's URL); the key. */
  url: string;
  host: string;
  fetchedAt: string;
  /** 'ok', 'robots', 'http 404', 'timeout', 'not html', 'too short', ... */
  status: string;
  finalUrl: string | null;
  encoding: string | null;
  /** Which extractor produced the body ('readability', 'json-ld', ...). */
  method: string | null;
  lead: string;
  body: string;
  error: string | null;
}

interface PageRow {
  url: string;
  host: string;
  fetched_at: string;
  status: string;
  final_url: string | null;
  encoding: string | null;
  method: string | null;
  lead: string;
  body: string;
  error: string | null;
}

export type PagesRepo = ReturnType<typeof createPagesRepo>;

const GET_ONE = 'SELECT * FROM pages WHERE url = ?';
const PUT = `
  INSERT INTO pages (url, host, fetched_at, status, final_url, encoding, method, lead, body, error)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (url) DO NOTHING`;
const COUNT_SINCE = 'SELECT count(*) AS n FROM pages WHERE host = ? AND fetched_at >= ?';

/**
 * The page cache (migration 5): every page the article stage asked for, whatever came of it,
 * so no URL is fetched twice, restarts included. The per-host budget counts its rows.
 */
export function createPagesRepo(db: SqlDb) {
  return {
    async get(url: string): Promise<PageRecord | null> {
      const r = await db.get<PageRow>(GET_ONE, [url]);
      return r
        ? { url: r.url, host: r.host, fetchedAt: r.fetched_at, status: r.status, finalUrl: r.final_url, encoding: r.encoding, method: r.method, lead: r.lead, body: r.body, error: r.error }
        : null;
    },
    /** Records a page; a URL already recorded keeps its first record. */
    async put(p: PageRecord): Promise<void> {
      await db.run(PUT, [p.url, p.host, p.fetchedAt, p.status, p.finalUrl, p.encoding, p.method, p.lead, p.body, p.error]);
    },
    /** Pages asked for from a host since an ISO time (the per-host budget). */
    async countForHost(host: string, since: string): Promise<number> {
      return Number((await db.get<{ n: number }>(COUNT_SINCE, [host, since]))!.n);
    },
  };
}
