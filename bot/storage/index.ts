import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createAlertsRepo, type AlertsRepo } from './alerts';
import { createArticlesRepo, type ArticlesRepo } from './articles';
import { createFeedsRepo, DEFAULT_BACKOFF, type BackoffPolicy, type FeedsRepo } from './feeds';
import { migrate } from './migrations';
import { createPagesRepo, type PagesRepo } from './pages';
import { createStoriesRepo, type StoriesRepo } from './stories';

export type * from './alerts';
export type * from './articles';
export type * from './feeds';
export type * from './pages';
export type * from './stories';
export { backoffDelayMs, DEFAULT_BACKOFF } from './feeds';
export { DEFAULT_CLAIM_MS } from './alerts';
export { MIGRATIONS } from './migrations';

/** The file inside DATA_DIR. */
export const DB_FILE = 'nadzor.db';

/** One open database with a repository per entity. */
export interface Storage {
  /** The connection, for coverage queries that span entities. */
  readonly db: Database.Database;
  readonly path: string;
  readonly feeds: FeedsRepo;
  readonly articles: ArticlesRepo;
  readonly stories: StoriesRepo;
  readonly alerts: AlertsRepo;
  /** The article stage's page cache. */
  readonly pages: PagesRepo;
  /**
   * Runs `fn` in one write transaction (BEGIN IMMEDIATE) and returns its result; a throw rolls
   * everything back. Nested calls become savepoints. `fn` must be synchronous: better-sqlite3
   * rejects a function that returns a promise.
   */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export interface StorageOptions {
  /** Backoff for failing feeds; tests shorten it. */
  backoff?: BackoffPolicy;
  /** How long to wait for another connection's write lock before SQLITE_BUSY. Default 5 s. */
  busyTimeoutMs?: number;
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
  return {
    db,
    path,
    feeds: createFeedsRepo(db, options.backoff ?? DEFAULT_BACKOFF),
    articles: createArticlesRepo(db),
    stories: createStoriesRepo(db),
    alerts: createAlertsRepo(db),
    pages: createPagesRepo(db),
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    close: () => db.close(),
  };
}
