import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE, MIGRATIONS, openPostgresStorage, openStorage, PG_MIGRATIONS, type Storage } from './index';
import { migrate } from './migrations';
import { migratePostgres } from './migrations-postgres';
import { postgresDb } from './sql';
import { tempDir, tempPostgresUrl, tempStorage, testBackend } from './testdata/temp-storage';

// This file runs in the `node` project (SQLite) and again in `node-postgres`. The tests marked
// SQLite-only are about the SQLite file itself (its directory, PRAGMAs); the migration tests
// check the same promise on each backend's own version record.
const onPostgres = testBackend === 'postgres';

async function schemaVersion(storage: Storage): Promise<number> {
  if (storage.db.sqlite) return storage.db.sqlite.pragma('user_version', { simple: true }) as number;
  return (await storage.db.get<{ version: number }>('SELECT version FROM schema_version WHERE id = 1'))!.version;
}
const MIGRATION_COUNT = onPostgres ? PG_MIGRATIONS.length : MIGRATIONS.length;

describe('openStorage', () => {
  // SQLite-only: the data directory and the file in it.
  it.skipIf(onPostgres)('creates the data directory and the database file', async () => {
    const dir = join(tempDir(), 'nested', 'data');
    const storage = openStorage(dir);
    await storage.close();
    expect(existsSync(join(dir, DB_FILE))).toBe(true);
  });

  // SQLite-only: PRAGMAs of the connection.
  it.skipIf(onPostgres)('turns on WAL, NORMAL sync, foreign keys and a busy timeout', async () => {
    const { storage } = await tempStorage();
    expect(storage.db.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(storage.db.sqlite!.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(storage.db.sqlite!.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(storage.db.sqlite!.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('runs every migration once and is idempotent on reopen', async () => {
    const { storage, reopen } = await tempStorage();
    expect(await schemaVersion(storage)).toBe(MIGRATION_COUNT);
    await storage.feeds.upsertFromRegistry([
      { outlet: 'A', url: 'https://a.example/feed', language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'https://a.example/' },
    ]);
    await storage.close();

    const again = await reopen();
    expect(await schemaVersion(again)).toBe(MIGRATION_COUNT);
    expect(await again.feeds.list()).toHaveLength(1);
    await again.close();
  });

  it('refuses a database written by a newer schema', async () => {
    if (onPostgres) {
      const { storage, reopen } = await tempStorage();
      await storage.db.run('UPDATE schema_version SET version = ? WHERE id = 1', [PG_MIGRATIONS.length + 1]);
      await storage.close();
      await expect(reopen()).rejects.toThrow(/newer than this program/);
      return;
    }
    const dir = tempDir();
    const db = new Database(join(dir, DB_FILE));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openStorage(dir)).toThrow(/newer than this program/);
  });

  it('rolls back a failing migration step together with its version bump', async () => {
    const steps = ['CREATE TABLE a (x INTEGER)', 'CREATE TABLE b (x INTEGER); SELECT no_such_function()'];
    if (onPostgres) {
      const { default: pg } = await import('pg');
      const pool = new pg.Pool({ connectionString: await tempPostgresUrl({ empty: true }), max: 2 });
      pool.on('error', () => undefined);
      const db = postgresDb(pool);
      try {
        await expect(migratePostgres(db, steps)).rejects.toThrow(/no_such_function/);
        expect(await db.get('SELECT version FROM schema_version')).toEqual({ version: 1 });
        expect(await db.get("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'b'")).toEqual({ n: 0 });
      } finally {
        await db.close();
      }
      return;
    }
    const db = new Database(':memory:');
    expect(() => migrate(db, steps)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('transaction() commits on return and rolls back on throw', async () => {
    const { storage } = await tempStorage();
    const create = async () => await storage.stories.create('Priča', '2025-03-01T00:00:00Z', [1, 2]);
    const id = await storage.transaction(create);
    expect(await storage.stories.get(id)).not.toBeNull();
    await expect(
      storage.transaction(async () => {
        await create();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await storage.db.get('SELECT count(*) AS n FROM stories')).toEqual({ n: 1 });
  });

  // PostgreSQL-only: a connection that dies while a transaction holds it (the server
  // terminates the backend between two statements) fails that transaction, with no unhandled
  // 'error' event from the lent client, and the pool goes on with a fresh connection.
  it.runIf(onPostgres)('survives a connection terminated in the middle of a transaction', async () => {
    const { storage, reopen } = await tempStorage();
    const other = await reopen();
    await expect(
      storage.transaction(async () => {
        const { pid } = (await storage.db.get<{ pid: number }>('SELECT pg_backend_pid() AS pid'))!;
        await other.db.get('SELECT pg_terminate_backend(?)', [pid]);
        // Let the termination reach the lent client before its next statement.
        await new Promise((resolve) => setTimeout(resolve, 200));
        await storage.stories.create('Priča', '2025-03-01T00:00:00Z', [1]);
      }),
    ).rejects.toThrow();
    expect(await storage.db.get('SELECT count(*)::int AS n FROM stories')).toEqual({ n: 0 });
  });
});
