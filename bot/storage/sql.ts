/**
 * The one SQL layer under every storage module: the same five calls on SQLite (better-sqlite3)
 * and PostgreSQL (pg). Statements are written once with `?` placeholders; the few places where
 * the dialects differ ask `db.dialect` (see ARCHITECTURE.md, "Two storage backends").
 *
 * Transactions: `transaction(fn)` runs `fn` in one write transaction; a nested call becomes a
 * savepoint. Which transaction a statement belongs to is carried by AsyncLocalStorage, so the
 * repositories need no transaction handle: whatever runs inside `fn` (across awaits) uses it.
 *
 * - SQLite: one connection, synchronous underneath. Because `fn` may await, other work of the
 *   same process could run in between; an async lock therefore serialises transactions and
 *   writes outside them (a write outside would otherwise land inside another's transaction).
 *   Reads outside a transaction do not wait; they may see the open transaction's rows, as
 *   they did when everything was synchronous on one connection.
 * - PostgreSQL: a pool; a transaction takes one client for its whole length.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';

export type Dialect = 'sqlite' | 'postgres';

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

export interface SqlDb {
  readonly dialect: Dialect;
  /** False once closed. */
  readonly open: boolean;
  /** The better-sqlite3 connection on SQLite (pragmas, SQLite-only tests); undefined on PostgreSQL. */
  readonly sqlite?: Database.Database;
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Rows as arrays of column values, in column order (a read; cheaper than objects for big scans). */
  values<T extends unknown[] = unknown[]>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  run(sql: string, params?: readonly unknown[]): Promise<RunResult>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Runs `fn` while holding a lock named `key` that other instances on the same database
   * respect (PostgreSQL: a session advisory lock on a connection of its own, released when
   * `fn` ends or the process dies). On SQLite, one process per file: `fn` simply runs.
   * Not a transaction: what `fn` writes commits as it goes.
   */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Appended to a text term in ORDER BY (or a comparison): byte order on both backends.
 * SQLite compares text with BINARY (UTF-8 bytes); PostgreSQL with the database's collation,
 * which on a typical server (en_US, sr_RS) sorts 'b92' and 'Čačak' before 'Danas'. "C" is
 * byte order, so with it both give one order. Only for small, already-filtered sorts: an index
 * in the database's collation does not serve a "C" ordering.
 */
export function byteOrder(dialect: Dialect): string {
  return dialect === 'postgres' ? ' COLLATE "C"' : '';
}

/**
 * Appended to an ascending ORDER BY term that may be NULL: SQLite puts NULLs first in
 * ascending order, PostgreSQL last unless told.
 */
export function nullsFirst(dialect: Dialect): string {
  return dialect === 'postgres' ? ' NULLS FIRST' : '';
}

/** JavaScript's counterpart of byteOrder: UTF-16 code units, which order as UTF-8 bytes do
 * for all but astral characters against U+E000..U+FFFF (none in feed URLs or outlet names). */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A FIFO async lock. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private held = false;
  get locked(): boolean {
    return this.held;
  }
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const prev = this.tail;
    this.tail = prev.then(() => next);
    await prev;
    this.held = true;
    return () => {
      this.held = false;
      release();
    };
  }
}

interface SqliteTx {
  db: Database.Database;
  depth: number;
}

/** SQLite through better-sqlite3: statements prepared once per SQL text and cached. */
// `values` keeps its own cache because better-sqlite3's raw() changes a statement for good.
export function sqliteDb(db: Database.Database): SqlDb {
  const cache = new Map<string, Database.Statement>();
  const rawCache = new Map<string, Database.Statement>();
  const als = new AsyncLocalStorage<SqliteTx>();
  const lock = new Mutex();
  const stmt = (sql: string): Database.Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const inTx = () => als.getStore()?.db === db;
  // A plain SELECT never writes; anything else (UPDATE ... RETURNING included) is a write.
  const isRead = (sql: string) => /^\s*select\b/i.test(sql);
  // Writes outside a transaction wait for the one in progress (see the file comment).
  const write = async <T>(fn: () => T): Promise<T> => {
    if (inTx() || !lock.locked) return fn();
    const release = await lock.acquire();
    try {
      return fn();
    } finally {
      release();
    }
  };
  return {
    dialect: 'sqlite',
    sqlite: db,
    get open() {
      return db.open;
    },
    async all<T>(sql: string, params: readonly unknown[] = []) {
      const s = stmt(sql);
      return (isRead(sql) ? s.all(...params) : write(() => s.all(...params))) as T[] | Promise<T[]>;
    },
    async get<T>(sql: string, params: readonly unknown[] = []) {
      const s = stmt(sql);
      return (isRead(sql) ? s.get(...params) : write(() => s.get(...params))) as T | undefined;
    },
    async values<T extends unknown[]>(sql: string, params: readonly unknown[] = []) {
      // A raw statement of its own: raw() switches the cached statement's mode for good.
      let s = rawCache.get(sql);
      if (!s) rawCache.set(sql, (s = db.prepare(sql).raw()));
      return s.all(...params) as T[];
    },
    async run(sql, params = []) {
      const s = stmt(sql);
      return write(() => ({ changes: s.run(...params).changes }));
    },
    async exec(sql) {
      await write(() => db.exec(sql));
    },
    async transaction<T>(fn: () => Promise<T>): Promise<T> {
      const current = als.getStore();
      if (current?.db === db) {
        const name = `sp${++current.depth}`;
        db.exec(`SAVEPOINT ${name}`);
        try {
          const result = await fn();
          db.exec(`RELEASE ${name}`);
          return result;
        } catch (err) {
          db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
          throw err;
        } finally {
          current.depth--;
        }
      }
      const release = await lock.acquire();
      try {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await als.run({ db, depth: 0 }, fn);
          db.exec('COMMIT');
          return result;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      } finally {
        release();
      }
    },
    async withLock<T>(_key: string, fn: () => Promise<T>): Promise<T> {
      return fn();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

/**
 * `?` placeholders to PostgreSQL's `$1, $2, ...`, skipping quoted text. Our SQL never uses a
 * bare `?` operator (jsonb's `?` is written as jsonb_exists), so every `?` outside quotes is a
 * parameter.
 */
export function toPgPlaceholders(sql: string): string {
  let n = 0;
  let out = '';
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') out += `$${++n}`;
    else out += ch;
  }
  return out;
}

interface PgTx {
  pool: Pool;
  client: PoolClient;
  depth: number;
}

/** PostgreSQL through a pg pool. */
export function postgresDb(pool: Pool): SqlDb {
  const translated = new Map<string, string>();
  const als = new AsyncLocalStorage<PgTx>();
  let open = true;
  const text = (sql: string) => {
    let t = translated.get(sql);
    if (t === undefined) {
      t = toPgPlaceholders(sql);
      translated.set(sql, t);
    }
    return t;
  };
  const query = async (sql: string, params: readonly unknown[]) => {
    const tx = als.getStore();
    const runner = tx?.pool === pool ? tx.client : pool;
    return runner.query(text(sql), params as unknown[]);
  };
  return {
    dialect: 'postgres',
    get open() {
      return open;
    },
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return (await query(sql, params)).rows as T[];
    },
    async get<T>(sql: string, params: readonly unknown[] = []) {
      return (await query(sql, params)).rows[0] as T | undefined;
    },
    async values<T extends unknown[]>(sql: string, params: readonly unknown[] = []) {
      const tx = als.getStore();
      const runner = tx?.pool === pool ? tx.client : pool;
      return (await runner.query({ text: text(sql), values: params as unknown[], rowMode: 'array' })).rows as T[];
    },
    async run(sql, params = []) {
      return { changes: (await query(sql, params)).rowCount ?? 0 };
    },
    async exec(sql) {
      const tx = als.getStore();
      await (tx?.pool === pool ? tx.client : pool).query(sql);
    },
    async transaction<T>(fn: () => Promise<T>): Promise<T> {
      const current = als.getStore();
      if (current?.pool === pool) {
        const name = `sp${++current.depth}`;
        await current.client.query(`SAVEPOINT ${name}`);
        try {
          const result = await fn();
          await current.client.query(`RELEASE SAVEPOINT ${name}`);
          return result;
        } catch (err) {
          await current.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
          await current.client.query(`RELEASE SAVEPOINT ${name}`);
          throw err;
        } finally {
          current.depth--;
        }
      }
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        try {
          const result = await als.run({ pool, client, depth: 0 }, fn);
          await client.query('COMMIT');
          return result;
        } catch (err) {
          try {
            await client.query('ROLLBACK');
          } catch {
            broken = true;
          }
          throw err;
        }
      } finally {
        client.release(broken);
      }
    },
    async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
        try {
          return await fn();
        } finally {
          try {
            await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
          } catch {
            // A connection that cannot unlock is dropped, which ends its session and the lock.
            broken = true;
          }
        }
      } finally {
        client.release(broken);
      }
    },
    async close() {
      if (!open) return;
      open = false;
      await pool.end();
    },
  };
}
