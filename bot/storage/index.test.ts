import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE, MIGRATIONS, openStorage } from './index';
import { migrate } from './migrations';
import { tempDir, tempStorage } from './testdata/temp-storage';

describe('openStorage', () => {
  it('creates the data directory and the database file', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const storage = openStorage(dir);
    storage.close();
    expect(existsSync(join(dir, DB_FILE))).toBe(true);
  });

  it('turns on WAL, NORMAL sync, foreign keys and a busy timeout', () => {
    const { storage } = tempStorage();
    expect(storage.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(storage.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(storage.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(storage.db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('runs every migration once and is idempotent on reopen', () => {
    const { storage, dir } = tempStorage();
    expect(storage.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    storage.feeds.upsertFromRegistry([
      { outlet: 'A', url: 'https://a.example/feed', language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'https://a.example/' },
    ]);
    storage.close();

    const again = openStorage(dir);
    expect(again.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(again.feeds.list()).toHaveLength(1);
    again.close();
  });

  it('refuses a database written by a newer schema', () => {
    const dir = tempDir();
    const db = new Database(join(dir, DB_FILE));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openStorage(dir)).toThrow(/newer than this program/);
  });

  it('rolls back a failing migration step together with its version bump', () => {
    const db = new Database(':memory:');
    const steps = ['CREATE TABLE a (x INTEGER)', 'CREATE TABLE b (x INTEGER); SELECT no_such_function()'];
    expect(() => migrate(db, steps)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('transaction() commits on return and rolls back on throw', () => {
    const { storage } = tempStorage();
    const create = () => storage.stories.create('Priča', '2025-03-01T00:00:00Z', [1, 2]);
    const id = storage.transaction(create);
    expect(storage.stories.get(id)).not.toBeNull();
    expect(() =>
      storage.transaction(() => {
        create();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(storage.db.prepare('SELECT count(*) AS n FROM stories').get()).toEqual({ n: 1 });
  });
});
