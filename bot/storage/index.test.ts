import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE, MIGRATIONS, openStorage } from './index';
import { migrate } from './migrations';
import { tempDir, tempStorage } from './testdata/temp-storage';

describe('openStorage', () => {
  it('creates the data directory and the database file', async () => {
    const dir = join(tempDir(), 'nested', 'data');
    const storage = openStorage(dir);
    await storage.close();
    expect(existsSync(join(dir, DB_FILE))).toBe(true);
  });

  it('turns on WAL, NORMAL sync, foreign keys and a busy timeout', async () => {
    const { storage } = await tempStorage();
    expect(storage.db.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(storage.db.sqlite!.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(storage.db.sqlite!.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(storage.db.sqlite!.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('runs every migration once and is idempotent on reopen', async () => {
    const { storage, dir } = await tempStorage();
    expect(storage.db.sqlite!.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    await storage.feeds.upsertFromRegistry([
      { outlet: 'A', url: 'https://a.example/feed', language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'https://a.example/' },
    ]);
    await storage.close();

    const again = openStorage(dir);
    expect(again.db.sqlite!.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(await again.feeds.list()).toHaveLength(1);
    await again.close();
  });

  it('refuses a database written by a newer schema', async () => {
    const dir = tempDir();
    const db = new Database(join(dir, DB_FILE));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openStorage(dir)).toThrow(/newer than this program/);
  });

  it('rolls back a failing migration step together with its version bump', async () => {
    const db = new Database(':memory:');
    const steps = ['CREATE TABLE a (x INTEGER)', 'CREATE TABLE b (x INTEGER); SELECT no_such_function()'];
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
});
