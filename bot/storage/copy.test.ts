/**
 * db:copy's engine (copy.ts) against a real SQLite database built through the storage API and
 * a throwaway PostgreSQL cluster (test/pg-cluster.ts): the same data comes back through the
 * storage API on PostgreSQL, ids are kept and new ones come after them, search works, an
 * interrupted copy resumes to the same result, and targets that are not ours are refused.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFileCluster } from '../../test/pg-file-cluster';
import { matchCondition, searchExpression, syncSearchIndex } from '../api/search-index';
import { createChatFeedsRepo } from './chat-feeds';
import { copySqliteToPostgres, CopyRefusedError, CopySourceError, type CopyResult } from './copy';
import { createDeliveriesRepo } from './deliveries';
import { DB_FILE, openPostgresStorage, openStorage, type Storage } from './index';
import { createSubscriptionsRepo } from './subscriptions';
import { buildCopySource, T0 } from './testdata/copy-source';
import { article, feedEntry } from './testdata/fixtures';

const pg = useFileCluster('copy');
const newDb = () => pg.database();

async function source(articles = 40): Promise<{ dir: string; file: string }> {
  const dir = pg.tempDir();
  await buildCopySource(dir, articles);
  return { dir, file: join(dir, DB_FILE) };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Row count and distinct ids of a PostgreSQL table. */
async function pgCount(url: string, sql: string): Promise<number> {
  const s = await openPostgresStorage(url, { poolSize: 1 });
  try {
    return Number((await s.db.get<{ n: number }>(sql))!.n);
  } finally {
    await s.close();
  }
}

/** Everything the storage API gives back, for comparing the two backends. */
async function snapshot(s: Storage) {
  const subscriptions = createSubscriptionsRepo(s.db);
  const deliveries = createDeliveriesRepo(s.db);
  const chatFeeds = createChatFeedsRepo(s.db);
  const articles = await s.articles.search({ limit: 500 });
  const storyIds = [...new Set(articles.map((a) => a.storyId).filter((id): id is number => id !== null))].sort((a, b) => a - b);
  const alertIds = (await s.db.all<{ id: number }>('SELECT id FROM alerts ORDER BY id')).map((r) => Number(r.id));
  const digestIds = (await s.db.all<{ id: number }>('SELECT id FROM digests ORDER BY id')).map((r) => Number(r.id));
  return {
    feeds: await Promise.all([1, 2, 3, 9].map((n) => s.feeds.get(feedEntry(n).url))),
    feedStatus: await s.feeds.status(),
    articles,
    relevant: await s.articles.count({ relevant: true }),
    byOutlet: await s.articles.countBy('topic'),
    stories: await Promise.all(storyIds.map((id) => s.stories.get(id))),
    alerts: await Promise.all(alertIds.map((id) => s.alerts.get(id))),
    sends: await Promise.all(alertIds.map((id) => deliveries.sendRecord(id))),
    digests: await Promise.all(digestIds.map((id) => deliveries.getDigest(id))),
    subscriptions: await subscriptions.list(),
    chatFeeds: await chatFeeds.list(),
    pages: await Promise.all(['https://example.rs/a/3', 'https://example.rs/a/5'].map((u) => s.pages.get(u))),
  };
}

describe('db:copy (SQLite to PostgreSQL)', () => {
  it('copies every table: the storage API gives the same answers on PostgreSQL, the SQLite file is untouched', async () => {
    const { dir, file } = await source(40);
    const before = sha(file);
    const url = await newDb();
    const events: string[] = [];
    const result = await copySqliteToPostgres({ from: file, to: url, batchSize: 7, onProgress: (e) => events.push(`${e.kind}:${'table' in e ? e.table : ''}`) });

    expect(result).toMatchObject({ interrupted: false, resumed: false, verified: true, indexed: 40 });
    expect(sha(file)).toBe(before);
    // Every table of the SQLite schema but the FTS5 index and its state, in foreign-key order.
    const tables = result.checks.map((c) => c.table);
    expect([...tables].sort()).toEqual(['alert_sends', 'alerts', 'articles', 'chat_feeds', 'digests', 'feeds', 'pages', 'stories', 'subscriptions']);
    const at = (t: string) => tables.indexOf(t);
    expect(at('stories')).toBeLessThan(at('articles'));
    expect(at('feeds')).toBeLessThan(at('articles'));
    expect(at('articles')).toBeLessThan(at('alerts'));
    expect(at('alerts')).toBeLessThan(at('alert_sends'));
    expect(result.checks.find((c) => c.table === 'articles')).toMatchObject({ sqliteRows: 40, postgresRows: 40, sqliteMaxId: 40, postgresMaxId: 40, ok: true });
    expect(result.checks.every((c) => c.sqliteRows > 0)).toBe(true);
    expect(events).toContain('batch:articles');
    expect(events).toContain('table-done:alert_sends');

    const sqlite = openStorage(dir);
    const pg = await openPostgresStorage(url, { poolSize: 2 });
    try {
      const a = await snapshot(sqlite);
      const b = await snapshot(pg);
      expect(b.articles).toHaveLength(40);
      expect(b.alerts.length).toBeGreaterThan(20);
      expect(b.sends.filter(Boolean).length).toBeGreaterThan(5);
      expect(b).toEqual(a);

      // Search: the index was rebuilt from the copied articles and finds what SQLite finds.
      const find = async (s: Storage, q: string) => {
        const m = matchCondition(s.dialect, searchExpression(q)!);
        return (await s.db.all<{ id: number }>(`SELECT a.id FROM articles a WHERE ${m.sql} ORDER BY a.id`, m.params)).map((r) => Number(r.id));
      };
      for (const q of ['kamere', 'Нишу', 'slavija', 'шер фондација', 'biometrijski nadzor']) {
        const hits = await find(pg, q);
        expect(hits.length, q).toBeGreaterThan(0);
        expect(hits, q).toEqual(await find(sqlite, q));
      }

      // New rows get ids after the copied ones.
      const ids = await pg.transaction(async () => {
        const articleId = (await pg.articles.insert(article(1000)))!;
        const storyId = await pg.stories.create('Nova priča', T0, [1]);
        const alertId = (await pg.alerts.enqueue({ articleId, storyId, kind: 'new', target: 'discord', at: T0 }))!;
        const digestId = (await createDeliveriesRepo(pg.db).enqueueDigest({ target: 'x', period: 'daily', periodStart: T0, periodEnd: T0, body: '{}', at: T0 }))!;
        return { articleId, storyId, alertId, digestId };
      });
      const max = async (t: string) => Number((await sqlite.db.get<{ m: number }>(`SELECT max(id) AS m FROM ${t}`))!.m);
      expect(ids).toEqual({ articleId: 41, storyId: (await max('stories')) + 1, alertId: (await max('alerts')) + 1, digestId: (await max('digests')) + 1 });
      expect(await syncSearchIndex(pg.db)).toBe(1);
    } finally {
      await sqlite.close();
      await pg.close();
    }
  }, 60_000);

  it('resumes after being stopped at any point: same counts, no duplicates, nothing repeated', async () => {
    const { file } = await source(60);
    const once = await copySqliteToPostgres({ from: file, to: await newDb(), batchSize: 4 });
    const url = await newDb();
    const runs: CopyResult[] = [];
    // Stopped after every second batch: the stops fall inside tables and at their ends.
    for (let i = 0; i < 200; i++) {
      const r = await copySqliteToPostgres({ from: file, to: url, batchSize: 4, stopAfterBatches: 2 });
      runs.push(r);
      if (!r.interrupted) break;
      expect(r.rowsCopied).toBeGreaterThan(0);
    }
    expect(runs.length).toBeGreaterThan(20);
    const last = runs[runs.length - 1];
    expect(last).toMatchObject({ interrupted: false, resumed: true, verified: true });
    expect(last.checks).toEqual(once.checks);
    expect(runs.reduce((s, r) => s + r.rowsCopied, 0)).toBe(once.rowsCopied);
    expect(await pgCount(url, 'SELECT count(*) - count(DISTINCT id) AS n FROM articles')).toBe(0);
    expect(await pgCount(url, 'SELECT count(*) - count(DISTINCT (article_id, target)) AS n FROM alerts')).toBe(0);
    expect(await pgCount(url, 'SELECT count(*) AS n FROM article_search')).toBe(60);

    // Once more after it finished: nothing to do, still verified.
    const again = await copySqliteToPostgres({ from: file, to: url });
    expect(again).toMatchObject({ interrupted: false, resumed: true, verified: true, rowsCopied: 0, indexed: 0 });
  }, 120_000);

  it('refuses a target holding rows that did not come from this copy, and changes nothing', async () => {
    const { file } = await source(12);
    const url = await newDb();
    const monitor = await openPostgresStorage(url, { poolSize: 1 });
    await monitor.feeds.upsertFromRegistry([feedEntry(7)]);
    await monitor.close();
    await expect(copySqliteToPostgres({ from: file, to: url })).rejects.toThrow(CopyRefusedError);
    await expect(copySqliteToPostgres({ from: file, to: url })).rejects.toThrow(/the PostgreSQL table feeds already holds 1 row that did not come from this copy/);
    expect(await pgCount(url, 'SELECT count(*) AS n FROM feeds')).toBe(1);
    expect(await pgCount(url, "SELECT count(*) AS n FROM pg_tables WHERE tablename = 'db_copy_progress'")).toBe(0);

    // After a finished copy, a monitor's new rows make a second copy refuse too.
    const done = await newDb();
    expect((await copySqliteToPostgres({ from: file, to: done })).verified).toBe(true);
    const later = await openPostgresStorage(done, { poolSize: 1 });
    await later.articles.insert(article(500));
    await later.close();
    await expect(copySqliteToPostgres({ from: file, to: done })).rejects.toThrow(/articles already holds 1 row that did not come from this copy/);
  }, 60_000);

  it('refuses to resume from a different SQLite database', async () => {
    const a = await source(20);
    const b = await source(30);
    const url = await newDb();
    expect((await copySqliteToPostgres({ from: a.file, to: url, batchSize: 5, stopAfterBatches: 6 })).interrupted).toBe(true);
    // Built alike, so only the article titles tell them apart.
    const edit = openStorage(b.dir);
    await edit.db.run("UPDATE articles SET title = title || ' (b)'");
    await edit.close();
    await expect(copySqliteToPostgres({ from: b.file, to: url, batchSize: 5 })).rejects.toThrow(/being filled from another SQLite database/);
    expect((await copySqliteToPostgres({ from: a.file, to: url, batchSize: 5 })).verified).toBe(true);
  }, 60_000);

  it('reports a difference between the two sides instead of claiming success', async () => {
    const { file } = await source(12);
    const url = await newDb();
    expect((await copySqliteToPostgres({ from: file, to: url })).verified).toBe(true);
    const s = await openPostgresStorage(url, { poolSize: 1 });
    await s.db.run('DELETE FROM alert_sends WHERE alert_id = (SELECT max(alert_id) FROM alert_sends)');
    await s.close();
    const r = await copySqliteToPostgres({ from: file, to: url });
    expect(r.verified).toBe(false);
    expect(r.checks.filter((c) => !c.ok).map((c) => c.table)).toEqual(['alert_sends']);
    const sends = r.checks.find((c) => c.table === 'alert_sends')!;
    expect(sends.postgresRows).toBe(sends.sqliteRows - 1);
  }, 60_000);

  it('rejects a missing file and a file that is not a Nadzor Watch database', async () => {
    const url = await newDb();
    await expect(copySqliteToPostgres({ from: '/nonexistent/nadzor.db', to: url })).rejects.toThrow(CopySourceError);
    const dir = pg.tempDir();
    const other = join(dir, 'other.db');
    const { default: Database } = await import('better-sqlite3');
    new Database(other).exec('CREATE TABLE t (x)').close();
    await expect(copySqliteToPostgres({ from: other, to: url })).rejects.toThrow(/not a Nadzor Watch database/);
  }, 60_000);
});
