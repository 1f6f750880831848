/**
 * Moving up: copies an existing SQLite database (DATA_DIR/nadzor.db) into PostgreSQL, the engine
 * behind `npm run db:copy` (bot/cli/db-copy.ts).
 *
 * - The source is opened read-only and read inside one read transaction: one consistent
 *   snapshot for the whole run, even if a monitor is still writing to it (stop it anyway:
 *   rows it changes in place after the snapshot, such as a feed's state, are not carried over).
 * - The target's schema is brought up by openPostgresStorage (PG_MIGRATIONS). Every table the
 *   SQLite schema holds is copied, except SQLite-only internals: virtual tables (the FTS5
 *   `article_search`) and their shadow tables (`article_search_*`, `article_search_state`
 *   included), and the organisation index (`article_orgs`, `article_orgs_state`). On
 *   PostgreSQL both are rebuilt from the articles by the API (bot/api/search-index.ts,
 *   bot/api/org-index.ts), from `last_article_id = 0`.
 * - Columns are copied by name: those both sides have and neither side generates (`dated_at`
 *   is generated on both). A source column the target lacks stops the copy before it starts.
 * - Ids are kept (other tables refer to them); at the end each identity sequence is moved past
 *   the largest id, so new rows never clash with copied ones.
 * - Tables go in foreign-key order (the target's constraints decide: stories before articles
 *   before alerts before alert_sends ...).
 * - Memory is bounded: each table is read in rowid order by keyset pagination (`rowid > last
 *   ORDER BY rowid LIMIT n`), one batch at a time, and written as one multi-row INSERT.
 *
 * Resume: a small table on the target, `db_copy_progress`, holds per source table the rowid of
 * the last row copied and how many rows were copied. Each batch's INSERT and the update of its
 * progress row commit in one PostgreSQL transaction, so after a kill -9 at any point either
 * both are in or neither is; the next run continues after the recorded rowid and can neither
 * skip nor repeat a row. (No ON CONFLICT DO NOTHING: since a batch can never be written twice,
 * a primary-key conflict means someone else wrote to the target, and it should fail loudly,
 * not be hidden.) The batch transaction also locks and re-checks its progress row, so two
 * copies running at once into one database stop instead of interleaving.
 *
 * Which target rows "came from this copy": the progress table's `rows_copied`. At the start, a
 * target table holding more rows than that (rows from a monitor started on it, another copy,
 * a different source) makes the copy refuse, and the refusal rolls back, changing nothing. On
 * resume, the source must still be the same database: it holds exactly `rows_copied` rows up
 * to each recorded rowid, and the row at that rowid has the recorded hash.
 *
 * Verification: per table, the row count (and the largest id) in the source snapshot and on
 * the target; any difference is reported and fails the run.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { syncSearchIndex } from '../api/search-index';
import { openPostgresStorage, type Storage } from './index';
import { MIGRATIONS } from './migrations';
import type { SqlDb } from './sql';

/** Rows per INSERT transaction by default. */
export const DEFAULT_BATCH = 2000;
/** PostgreSQL's limit on bind parameters in one statement. */
const MAX_PARAMS = 65_535;

export interface CopyOptions {
  /** Path to the SQLite file (nadzor.db). */
  from: string;
  /** postgres://… URL of the target database. */
  to: string;
  /** Rows per batch (one INSERT, one transaction). Default 2,000. */
  batchSize?: number;
  /** Rebuild the PostgreSQL search index (syncSearchIndex) after a verified copy. Default true. */
  searchIndex?: boolean;
  /** Tests: stop, as if killed, right after this many batches have committed. */
  stopAfterBatches?: number;
  /** Progress events (the CLI prints them on stderr). */
  onProgress?: (event: CopyEvent) => void;
}

export type CopyEvent =
  /** Source opened, target connected and accepted: the copy begins. */
  | { kind: 'start'; resumed: boolean; tables: number }
  | { kind: 'table'; table: string; total: number; copied: number }
  | { kind: 'batch'; table: string; total: number; copied: number }
  | { kind: 'table-done'; table: string; total: number; copied: number; ms: number }
  | { kind: 'search-index'; indexed: number };

export interface TableCheck {
  table: string;
  sqliteRows: number;
  postgresRows: number;
  /** Largest id, for tables keyed by an integer id; null otherwise or when empty. */
  sqliteMaxId: number | null;
  postgresMaxId: number | null;
  ok: boolean;
}

export interface CopyResult {
  /** True when stopped by `stopAfterBatches` (nothing verified). */
  interrupted: boolean;
  /** Whether this run continued an earlier one. */
  resumed: boolean;
  /** Rows written in this run. */
  rowsCopied: number;
  checks: TableCheck[];
  /** Every table's count and max id agree. */
  verified: boolean;
  /** Articles added to the search index in this run. */
  indexed: number;
}

/** A problem with the SQLite file: missing, not SQLite, not ours, too new (the CLI exits 2). */
export class CopySourceError extends Error {}
/** The target holds rows that did not come from this copy, or another copy is running. */
export class CopyRefusedError extends Error {}

/** The bookkeeping table on the target (see the file comment). */
const PROGRESS_DDL = `
  CREATE TABLE IF NOT EXISTS db_copy_progress (
    table_name  TEXT PRIMARY KEY,
    -- SQLite rowid of the last row copied; the next batch starts after it.
    last_rowid  BIGINT NOT NULL,
    rows_copied BIGINT NOT NULL,
    -- sha256 of the last row copied, to recognise the same source on resume.
    last_hash   TEXT,
    source      TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  )`;

interface TablePlan {
  name: string;
  /** Columns copied, by name. */
  columns: string[];
  /** The INTEGER PRIMARY KEY column (the rowid alias), when the table has one. */
  intPk: string | null;
  /** Target identity columns whose sequences move past the copied ids. */
  identity: string[];
  /** GENERATED ALWAYS identity: INSERT needs OVERRIDING SYSTEM VALUE to keep ids. */
  overriding: boolean;
  sourceRows: number;
  sourceMaxId: number | null;
}

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

/**
 * better-sqlite3 with safeIntegers hands INTEGER values over as BigInt; they travel to
 * PostgreSQL as decimal text, losslessly (bigint, integer and double columns all parse it).
 */
const param = (v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

/** A row's fingerprint (its copied columns' values). */
const rowHash = (values: readonly unknown[]) => createHash('sha256').update(JSON.stringify(values.map(param))).digest('hex');

/** The copied columns of the source row at `rowid`, raw, or undefined. */
const sourceRow = (src: Database.Database, p: TablePlan, rowid: number) =>
  src.prepare(`SELECT ${p.columns.map(q).join(', ')} FROM ${q(p.name)} WHERE rowid = ?`).raw().safeIntegers().get(rowid) as unknown[] | undefined;

/** Opens the source read-only and checks it is a Nadzor Watch database this build knows. */
function openSource(path: string): Database.Database {
  if (!existsSync(path)) throw new CopySourceError(`no SQLite database at ${path}`);
  if (!statSync(path).isFile()) throw new CopySourceError(`${path} is not a file`);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new CopySourceError(`cannot open ${path}: ${(err as Error).message}`);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasFeeds = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'feeds'").get();
    if (!hasFeeds) throw new CopySourceError(`${path} is not a Nadzor Watch database (it has no feeds table)`);
    if (version > MIGRATIONS.length) {
      throw new CopySourceError(`${path} has schema version ${version}, newer than this program knows (${MIGRATIONS.length}): use the build that wrote it`);
    }
  } catch (err) {
    db.close();
    if (err instanceof CopySourceError) throw err;
    throw new CopySourceError(`cannot read ${path}: ${(err as Error).message}`);
  }
  return db;
}

/** Filled from the articles by the API (bot/api/org-index.ts): rebuilt on the target, not copied. */
const DERIVED_TABLES = ['article_orgs', 'article_orgs_state'];

/** The source tables to copy, in creation order: everything but SQLite internals, virtual tables with their shadow tables, and derived tables. */
function sourceTables(src: Database.Database): string[] {
  const rows = src.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid").all() as Array<{
    name: string;
    sql: string | null;
  }>;
  const virtual = rows.filter((r) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(r.sql ?? '')).map((r) => r.name);
  return rows
    .filter((r) => !virtual.some((v) => r.name === v || r.name.startsWith(`${v}_`)) && !DERIVED_TABLES.includes(r.name))
    .map((r) => {
      if (/\bWITHOUT\s+ROWID\b/i.test(r.sql ?? '')) throw new CopySourceError(`table ${r.name} has no rowid; db:copy cannot page through it`);
      return r.name;
    });
}

/** Orders tables so that every table comes after the tables its foreign keys point to (stable otherwise). */
function foreignKeyOrder(tables: string[], edges: Array<{ child: string; parent: string }>): string[] {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent && parents.has(e.child) && parents.has(e.parent)) parents.get(e.child)!.add(e.parent);
  const out: string[] = [];
  const placed = new Set<string>();
  while (out.length < tables.length) {
    const next = tables.find((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (next === undefined) throw new Error(`foreign keys form a cycle among ${tables.filter((t) => !placed.has(t)).join(', ')}`);
    out.push(next);
    placed.add(next);
  }
  return out;
}

async function planTables(src: Database.Database, pg: SqlDb): Promise<TablePlan[]> {
  const names = sourceTables(src);
  const plans: TablePlan[] = [];
  for (const name of names) {
    const srcCols = src.pragma(`table_xinfo(${q(name)})`) as Array<{ name: string; type: string; pk: number; hidden: number }>;
    const dstCols = await pg.all<{ column_name: string; is_generated: string; is_identity: string; identity_generation: string | null }>(
      `SELECT column_name, is_generated, is_identity, identity_generation FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`,
      [name],
    );
    if (dstCols.length === 0) throw new CopySourceError(`the PostgreSQL schema has no table ${name}: is the SQLite database from a newer build?`);
    const dst = new Map(dstCols.map((c) => [c.column_name, c]));
    const columns: string[] = [];
    for (const c of srcCols) {
      if (c.hidden !== 0) continue; // generated in SQLite (2 virtual, 3 stored)
      const d = dst.get(c.name);
      if (!d) throw new CopySourceError(`column ${name}.${c.name} has no counterpart in the PostgreSQL schema`);
      if (d.is_generated !== 'NEVER') continue; // generated on PostgreSQL: never inserted
      columns.push(c.name);
    }
    const pks = srcCols.filter((c) => c.pk > 0);
    const intPk = pks.length === 1 && pks[0].type.toUpperCase() === 'INTEGER' ? pks[0].name : null;
    const identity = dstCols.filter((c) => c.is_identity === 'YES').map((c) => c.column_name);
    const overriding = dstCols.some((c) => c.is_identity === 'YES' && c.identity_generation === 'ALWAYS');
    const count = src.prepare(`SELECT count(*) AS n${intPk ? `, max(${q(intPk)}) AS m` : ''} FROM ${q(name)}`).get() as { n: number; m?: number | null };
    plans.push({ name, columns, intPk, identity, overriding, sourceRows: count.n, sourceMaxId: intPk ? (count.m ?? null) : null });
  }
  const edges = await pg.all<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     WHERE k.contype = 'f' AND k.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`,
  );
  const order = foreignKeyOrder(
    plans.map((p) => p.name),
    edges,
  );
  return order.map((n) => plans.find((p) => p.name === n)!);
}

/** Creates or checks the progress rows; throws CopyRefusedError (rolling everything back) when the target is not ours to fill. */
async function begin(pg: SqlDb, src: Database.Database, plans: TablePlan[], source: string): Promise<boolean> {
  return pg.transaction(async () => {
    await pg.exec(PROGRESS_DDL);
    // Two copies starting at once: the second waits here, then sees the first one's rows.
    await pg.exec('LOCK TABLE db_copy_progress IN SHARE ROW EXCLUSIVE MODE');
    const progress = new Map(
      (
        await pg.all<{ table_name: string; last_rowid: number; rows_copied: number; last_hash: string | null }>(
          'SELECT table_name, last_rowid, rows_copied, last_hash FROM db_copy_progress',
        )
      ).map((r) => [
        r.table_name,
        r,
      ]),
    );
    const resumed = progress.size > 0;
    for (const p of plans) {
      const n = (await pg.get<{ n: number }>(`SELECT count(*) AS n FROM ${q(p.name)}`))!.n;
      const recorded = progress.get(p.name)?.rows_copied ?? 0;
      if (n > recorded) {
        throw new CopyRefusedError(
          `the PostgreSQL table ${p.name} already holds ${n - recorded} row${n - recorded === 1 ? '' : 's'} that did not come from this copy: ` +
            'copy into an empty database (createdb), and start no monitor on it before the copy has finished',
        );
      }
      const rec = progress.get(p.name);
      if (rec && rec.rows_copied > 0) {
        const had = (src.prepare(`SELECT count(*) AS n FROM ${q(p.name)} WHERE rowid <= ?`).get(rec.last_rowid) as { n: number }).n;
        const row = sourceRow(src, p, rec.last_rowid);
        if (had !== rec.rows_copied || !row || rowHash(row) !== rec.last_hash) {
          throw new CopyRefusedError(
            `this database is being filled from another SQLite database (${p.name}: the ${rec.rows_copied} rows copied up to rowid ${rec.last_rowid} ` +
              `are not what ${source} holds there); resume with the file the copy started from, or copy into an empty database`,
          );
        }
      }
    }
    if (!resumed) {
      // A fresh copy: the search and organisation indexes are rebuilt from the copied articles afterwards.
      await pg.run('DELETE FROM article_search');
      await pg.run('UPDATE article_search_state SET last_article_id = 0 WHERE id = 1');
      await pg.run('DELETE FROM article_orgs');
      await pg.run("UPDATE article_orgs_state SET orgs_key = '', last_article_id = 0 WHERE id = 1");
    }
    const now = new Date().toISOString();
    for (const p of plans) {
      await pg.run(
        'INSERT INTO db_copy_progress (table_name, last_rowid, rows_copied, source, updated_at) VALUES (?, 0, 0, ?, ?) ON CONFLICT (table_name) DO NOTHING',
        [p.name, source, now],
      );
    }
    return resumed;
  });
}

class Stop extends Error {}

/**
 * Copies `from` into `to` (see the file comment), verifies, and rebuilds the search index.
 * Throws CopySourceError / CopyRefusedError for the expected refusals; database errors pass
 * through with the table named.
 */
export async function copySqliteToPostgres(options: CopyOptions): Promise<CopyResult> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH));
  const report = options.onProgress ?? (() => undefined);
  const src = openSource(options.from);
  let storage: Storage | undefined;
  try {
    // One snapshot of the source for the whole run (WAL readers see the database as of their first read).
    src.exec('BEGIN');
    storage = await openPostgresStorage(options.to, { poolSize: 2 });
    const pg = storage.db;
    const plans = await planTables(src, pg);
    const resumed = await begin(pg, src, plans, options.from);
    report({ kind: 'start', resumed, tables: plans.length });

    let batches = 0;
    let rowsCopied = 0;
    try {
      for (const p of plans) {
        const started = Date.now();
        let { last_rowid: last, rows_copied: copied } = (await pg.get<{ last_rowid: number; rows_copied: number }>(
          'SELECT last_rowid, rows_copied FROM db_copy_progress WHERE table_name = ?',
          [p.name],
        ))!;
        report({ kind: 'table', table: p.name, total: p.sourceRows, copied });
        const perBatch = Math.max(1, Math.min(batchSize, Math.floor(MAX_PARAMS / p.columns.length)));
        const read = src.prepare(`SELECT rowid, ${p.columns.map(q).join(', ')} FROM ${q(p.name)} WHERE rowid > ? ORDER BY rowid LIMIT ?`).raw().safeIntegers();
        const cols = `(${p.columns.map(q).join(', ')})`;
        const row = `(${p.columns.map(() => '?').join(', ')})`;
        for (;;) {
          const rows = read.all(last, perBatch) as unknown[][];
          if (rows.length === 0) break;
          const next = Number(rows[rows.length - 1][0] as bigint);
          const params: unknown[] = [];
          for (const r of rows) for (let i = 1; i < r.length; i++) params.push(param(r[i]));
          const sql = `INSERT INTO ${q(p.name)} ${cols}${p.overriding ? ' OVERRIDING SYSTEM VALUE' : ''} VALUES ${Array(rows.length).fill(row).join(', ')}`;
          const expected = last;
          try {
            await pg.transaction(async () => {
              const cur = await pg.get<{ last_rowid: number }>('SELECT last_rowid FROM db_copy_progress WHERE table_name = ? FOR UPDATE', [p.name]);
              if (cur?.last_rowid !== expected) throw new CopyRefusedError(`another db:copy is writing to this database (${p.name} moved on to rowid ${cur?.last_rowid})`);
              await pg.run(sql, params);
              await pg.run('UPDATE db_copy_progress SET last_rowid = ?, rows_copied = rows_copied + ?, last_hash = ?, updated_at = ? WHERE table_name = ?', [
                next,
                rows.length,
                rowHash(rows[rows.length - 1].slice(1)),
                new Date().toISOString(),
                p.name,
              ]);
            });
          } catch (err) {
            if (err instanceof CopyRefusedError) throw err;
            throw new Error(`copying ${p.name} after rowid ${expected} failed: ${(err as Error).message}`, { cause: err });
          }
          last = next;
          copied += rows.length;
          rowsCopied += rows.length;
          report({ kind: 'batch', table: p.name, total: p.sourceRows, copied });
          if (options.stopAfterBatches !== undefined && ++batches >= options.stopAfterBatches) throw new Stop();
        }
        report({ kind: 'table-done', table: p.name, total: p.sourceRows, copied, ms: Date.now() - started });
      }
    } catch (err) {
      if (err instanceof Stop) return { interrupted: true, resumed, rowsCopied, checks: [], verified: false, indexed: 0 };
      throw err;
    }

    // New rows get ids past the copied ones: nextval gives max + 1 (1 on an empty table).
    await pg.transaction(async () => {
      for (const p of plans) {
        for (const col of p.identity) {
          await pg.get(`SELECT setval(pg_get_serial_sequence(?, ?), (SELECT coalesce(max(${q(col)}), 0) + 1 FROM ${q(p.name)}), false)`, [q(p.name), col]);
        }
      }
    });

    const checks = await verify(pg, plans);
    const verified = checks.every((c) => c.ok);
    let indexed = 0;
    if (verified && options.searchIndex !== false) {
      indexed = await syncSearchIndex(pg);
      report({ kind: 'search-index', indexed });
    }
    return { interrupted: false, resumed, rowsCopied, checks, verified, indexed };
  } finally {
    if (src.inTransaction) src.exec('ROLLBACK');
    src.close();
    await storage?.close();
  }
}

/** Row counts and largest ids on both sides (the source's from the run's snapshot). */
async function verify(pg: SqlDb, plans: TablePlan[]): Promise<TableCheck[]> {
  const checks: TableCheck[] = [];
  for (const p of plans) {
    const r = (await pg.get<{ n: number; m: number | null }>(`SELECT count(*) AS n, ${p.intPk ? `max(${q(p.intPk)})` : 'NULL'} AS m FROM ${q(p.name)}`))!;
    const postgresMaxId = p.intPk ? (r.m === null ? null : Number(r.m)) : null;
    checks.push({
      table: p.name,
      sqliteRows: p.sourceRows,
      postgresRows: Number(r.n),
      sqliteMaxId: p.sourceMaxId,
      postgresMaxId,
      ok: p.sourceRows === Number(r.n) && p.sourceMaxId === postgresMaxId,
    });
  }
  return checks;
}
