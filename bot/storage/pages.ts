import type Database from 'better-sqlite3';

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

/**
 * The page cache (migration 4): every page the article stage asked for, whatever came of it,
 * so no URL is fetched twice, restarts included. The per-host budget counts its rows.
 */
export function createPagesRepo(db: Database.Database) {
  const getOne = db.prepare<[string], PageRow>('SELECT * FROM pages WHERE url = ?');
  const put = db.prepare(`
    INSERT INTO pages (url, host, fetched_at, status, final_url, encoding, method, lead, body, error)
    VALUES (@url, @host, @fetchedAt, @status, @finalUrl, @encoding, @method, @lead, @body, @error)
    ON CONFLICT (url) DO NOTHING`);
  const countSince = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM pages WHERE host = ? AND fetched_at >= ?');
  return {
    get(url: string): PageRecord | null {
      const r = getOne.get(url);
      return r
        ? { url: r.url, host: r.host, fetchedAt: r.fetched_at, status: r.status, finalUrl: r.final_url, encoding: r.encoding, method: r.method, lead: r.lead, body: r.body, error: r.error }
        : null;
    },
    /** Records a page; a URL already recorded keeps its first record. */
    put(p: PageRecord): void {
      put.run(p);
    },
    /** Pages asked for from a host since an ISO time (the per-host budget). */
    countForHost(host: string, since: string): number {
      return countSince.get(host, since)!.n;
    },
  };
}
