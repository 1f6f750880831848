/**
 * Which tracked organisations each article names (`article_orgs`), for GET /api/mentions and
 * the dashboard's overview.
 *
 * Counting mentions from the full-text index meant one search per organisation over every
 * article ever stored: at 1,000,000 articles on PostgreSQL, thirteen phrase searches took 2.5 s
 * however short the period (`npm run bench -- api-scale`). Here each article is matched once,
 * in JavaScript with the same rules as the index (bot/orgs/match.ts: whole folded words, `*`
 * prefixes, title and text apart), and a period's mentions are one read of the pairs in its
 * range of article ids.
 *
 * Like the search index (search-index.ts) it is filled from JavaScript, after the fact:
 * articles above `article_orgs_state.last_article_id`, before each mentions request and in the
 * background at start. The state also keeps a key of the organisation list it was built for;
 * when ORGS_FILE changes, the pairs are dropped and rebuilt from the first article. Several
 * instances on one PostgreSQL take turns through a row lock on the state (and must share one
 * ORGS_FILE, as they share the rest of their configuration).
 */
import { createHash } from 'node:crypto';
import type { SqlDb } from '../storage/index';
import { createOrgMatcher, type TrackedOrg } from '../orgs';
import { inBackground, inBatches } from './index-batches';

interface Pending {
  id: number;
  title: string;
  text: string;
  body: string | null;
}

/** Identifies an organisation list by what matching depends on: ids and names, in order. */
export function orgsKey(orgs: readonly TrackedOrg[]): string {
  return createHash('sha256')
    .update(JSON.stringify(orgs.map((o) => [o.id, o.names])))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Brings article_orgs up to date for `orgs`, going through at most `limit` articles (all by
 * default, in transactions of 2,000); returns how many it went through. Safe to call from
 * several processes: each batch re-reads the state inside its write transaction.
 */
export async function syncOrgIndex(db: SqlDb, orgs: readonly TrackedOrg[], limit = Number.POSITIVE_INFINITY): Promise<number> {
  const key = orgsKey(orgs);
  const state = 'SELECT orgs_key AS key, last_article_id AS last FROM article_orgs_state WHERE id = 1';
  const max = (await db.get<{ max: number | null }>('SELECT max(id) AS max FROM articles'))?.max ?? 0;
  const now = await db.get<{ key: string; last: number }>(state);
  if (now?.key === key && max <= now.last) return 0;
  // Compiled only when there is work: the API calls this before every mentions request.
  const matcher = createOrgMatcher(orgs);

  const batch = (size: number) =>
    db.transaction(async (): Promise<number> => {
      const current = (await db.get<{ key: string; last: number }>(db.dialect === 'postgres' ? `${state} FOR UPDATE` : state))!;
      let last = current.last;
      if (current.key !== key) {
        // Another organisation list (or none yet): start again from the first article.
        await db.run('DELETE FROM article_orgs');
        await db.run('UPDATE article_orgs_state SET orgs_key = ?, last_article_id = 0 WHERE id = 1', [key]);
        last = 0;
      }
      const rows = await db.all<Pending>('SELECT id, title, text, body FROM articles WHERE id > ? ORDER BY id LIMIT ?', [last, size]);
      const ids: number[] = [];
      const orgIds: string[] = [];
      for (const r of rows) {
        // The text as the search index has it: the feed text and the article page's together.
        for (const org of matcher.match(r.title, r.body ? `${r.text}\n${r.body}` : r.text)) {
          ids.push(r.id);
          orgIds.push(org);
        }
      }
      if (db.dialect === 'postgres') {
        // One statement per batch, as the search index does.
        if (ids.length) await db.run('INSERT INTO article_orgs (article_id, org_id) SELECT * FROM unnest(?::bigint[], ?::text[]) ON CONFLICT DO NOTHING', [ids, orgIds]);
      } else {
        for (let i = 0; i < ids.length; i++) await db.run('INSERT OR IGNORE INTO article_orgs (article_id, org_id) VALUES (?, ?)', [ids[i], orgIds[i]]);
      }
      if (rows.length) await db.run('UPDATE article_orgs_state SET last_article_id = ? WHERE id = 1', [rows[rows.length - 1].id]);
      return rows.length;
    });

  return inBatches(batch, limit);
}

/**
 * Fills the index in the background, a batch at a time, yielding between batches (as
 * backfillSearchIndex). Returns a function that stops it.
 */
export function backfillOrgIndex(db: SqlDb, orgs: readonly TrackedOrg[], onError: (err: unknown) => void): () => void {
  return inBackground(db, (limit) => syncOrgIndex(db, orgs, limit), onError);
}

/** The (article, organisation) pairs of articles with ids from `lo` to `hi`, of the organisations `only` when given. */
export function orgPairs(db: SqlDb, lo: number, hi: number, only?: readonly string[]): Promise<Array<[number, string]>> {
  const some = only ? ` AND org_id IN (${only.map(() => '?').join(', ') || 'NULL'})` : '';
  return db.values<[number, string]>(`SELECT article_id, org_id FROM article_orgs WHERE article_id BETWEEN ? AND ?${some}`, [lo, hi, ...(only ?? [])]);
}
