import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createAlertsRepo, type AlertsRepo } from './alerts';
import { createArticlesRepo, type ArticlesRepo } from './articles';
import { createFeedsRepo, DEFAULT_BACKOFF, type BackoffPolicy, type FeedsRepo } from './feeds';
import { migrate } from './migrations';
import { migratePostgres } from './migrations-postgres';
import { createPagesRepo, type PagesRepo } from './pages';
import { postgresDb, sqliteDb, type Dialect, type SqlDb } from './sql';
import { createStoriesRepo, type StoriesRepo } from './stories';

export type * from './alerts';
export type * from './articles';
export type * from './feeds';
export type * from './pages';
export type * from './stories';
export type { Dialect, SqlDb } from './sql';
export { backoffDelayMs, DEFAULT_BACKOFF } from './feeds';
export { DEFAULT_CLAIM_MS } from './alerts';
export { MIGRATIONS } from './migrations';
export { PG_MIGRATIONS } from './migrations-postgres';

/** The file inside DATA_DIR. */
export const DB_FILE = 'nadzor.db';

/** One open database with a repository per entity. */
export interface Storage {
  /** The connection, for coverage queries that span entities. */
  readonly db: SqlDb;
  readonly dialect: Dialect;
  /** The SQLite file, or the PostgreSQL URL without its password. */
  readonly path: string;
  readonly feeds: FeedsRepo;
  readonly articles: ArticlesRepo;
  readonly stories: StoriesRepo;
  readonly alerts: AlertsRepo;
  /** The article stage's page cache. */
  readonly pages: PagesRepo;
  /**
   * Runs `fn` in one write transaction and returns its result; a throw rolls everything back.
   * Nested calls become savepoints. Every storage call made inside `fn` (across awaits) is
   * part of it (see sql.ts).
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** Backoff for failing feeds; tests shorten it. */
  backoff?: BackoffPolicy;
  /** How long to wait for another connection's write lock before SQLITE_BUSY. Default 5 s. */
  busyTimeoutMs?: number;
}

function storageOver(db: SqlDb, path: string, options: StorageOptions): Storage {
  return {
    db,
    dialect: db.dialect,
    path,
    feeds: createFeedsRepo(db, options.backoff ?? DEFAULT_BACKOFF),
    articles: createArticlesRepo(db),
    stories: createStoriesRepo(db),
    alerts: createAlertsRepo(db),
    pages: createPagesRepo(db),
    transaction: (fn) => db.transaction(fn),
    close: () => db.close(),
  };
}

/**
 * Opens (creating if needed) `DATA_DIR/nadzor.db` and brings its schema up to date.
 *
 * Journal: WAL, so the API's readers never block the reader's writes. Durability:
 * synchronous=NORMAL. In WAL mode a commit is in the WAL file (the OS page cache) before the
 * call returns, so killing the process at any point loses no committed transaction; only an
 * OS crash or power loss can drop the last few, and even then the file stays consistent.
 * FULL would add an fsync per commit for that last case, which a first read of forty feeds
 * (thousands of small commits) would pay for on slow disks.
 */
export function openStorage(dataDir: string, options: StorageOptions = {}): Storage {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DB_FILE);
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return storageOver(sqliteDb(db), path, options);
}

/** The URL without its password, for logs and `storage.path`. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

export interface PostgresOptions extends StorageOptions {
  /** Connections in the pool. Default 10. */
  poolSize?: number;
}

/**
 * Connects to PostgreSQL (`DATABASE_URL`) and brings its schema up to date (PG_MIGRATIONS;
 * instances starting together migrate once). `pg` is loaded only here, so the SQLite default
 * never pays for it. BIGINT and NUMERIC come back as JavaScript numbers: every id and count
 * here is far below 2^53, and the repositories expect numbers as SQLite gives them.
 */
export async function openPostgresStorage(url: string, options: PostgresOptions = {}): Promise<Storage> {
  const { default: pg } = await import('pg');
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === 20 || oid === 1700) return (v: string) => (v === null ? null : Number(v));
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  // Session settings for the API's aggregates (a year of coverage at 1,000,000 articles,
  // `npm run bench -- api-scale`): their sorts and hashes fit in 32 MB instead of spilling to
  // disk at the default 4 MB, and no JIT compilation, which cost 40-110 ms a query for
  // queries that run in about as long. Only this program's connections; the server's own
  // settings are untouched.
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types: types as never, options: '-c work_mem=32MB -c jit=off' });
  // A client that loses its connection (server restart, terminated backend) must not crash
  // the process: the pool reports idle clients' errors, and a checked-out client between two
  // queries has no listener of its own (pg-pool removes the pool's while it is lent), so one
  // is added to every new client. The query in flight, if any, still fails and is handled.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = postgresDb(pool);
  try {
    await migratePostgres(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return storageOver(db, redactDatabaseUrl(url), options);
}

/**
 * The configured backend: PostgreSQL when `databaseUrl` is set (postgres:// or postgresql://),
 * else SQLite in `dataDir`.
 */
export async function connectStorage(config: { dataDir: string; databaseUrl?: string | null }, options: PostgresOptions = {}): Promise<Storage> {
  if (config.databaseUrl) return openPostgresStorage(config.databaseUrl, options);
  return openStorage(config.dataDir, options);
}
