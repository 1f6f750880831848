import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import { afterEach, inject } from 'vitest';
import { openPostgresStorage, openStorage, type Storage, type StorageOptions } from '../index';

/**
 * The backend the storage-backed suites run on: SQLite in the `node` project, PostgreSQL in
 * the `node-postgres` project (vitest.config.ts sets NADZOR_TEST_BACKEND there and starts one
 * cluster for the project, test/pg-global-setup.ts).
 */
export const testBackend: 'sqlite' | 'postgres' = process.env.NADZOR_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

const cleanups: Array<() => void | Promise<void>> = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A fresh directory under the OS temp dir, removed after the current test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nadzor-storage-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// One connection per worker to the cluster's `postgres` database, for CREATE/DROP DATABASE;
// `adminQuery` runs its statements one after another.
let admin: Promise<Client> | undefined;
let adminTail: Promise<unknown> = Promise.resolve();
let dbCount = 0;
// The next test's database, created while the current test runs (a copy takes about 0.25 s).
let spare: Promise<string> | undefined;

function adminClient(): Promise<Client> {
  admin ??= (async () => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: inject('pgUrl') });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  })();
  return admin;
}

function adminQuery(sql: string): Promise<unknown> {
  const result = adminTail.then(async () => (await adminClient()).query(sql));
  adminTail = result.catch(() => undefined);
  return result;
}

async function createDatabase(template: string): Promise<string> {
  const name = `t_${process.pid}_${++dbCount}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  return name;
}

/**
 * A fresh PostgreSQL database in the project's cluster, dropped after the current test:
 * migrated (a copy of the template), or `empty` (a copy of template0, for migration tests).
 * Returns its URL.
 */
export async function tempPostgresUrl(options: { empty?: boolean } = {}): Promise<string> {
  let name: string;
  if (options.empty) name = await createDatabase('template0');
  else {
    name = await (spare ?? createDatabase(inject('pgTemplate')));
    spare = createDatabase(inject('pgTemplate'));
    // Awaited by the next call; a failure shows there, not as an unhandled rejection now.
    spare.catch(() => undefined);
  }
  cleanups.push(async () => {
    // Not awaited: the drop needs no waiting for, and the cluster goes away after the run.
    void adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  });
  const url = new URL(inject('pgUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TempStorage {
  storage: Storage;
  /** A fresh temp dir on both backends; on SQLite the database file is in it. */
  dir: string;
  /** Opens the same database again (another connection or pool), closed after the test. */
  reopen(): Promise<Storage>;
}

/**
 * Storage on the suite's backend, closed and removed after the current test: SQLite in a fresh
 * temp dir, or a fresh PostgreSQL database.
 */
export async function tempStorage(options?: StorageOptions): Promise<TempStorage> {
  const dir = tempDir();
  const url = testBackend === 'postgres' ? await tempPostgresUrl() : null;
  const open = async () => {
    const storage = url ? await openPostgresStorage(url, { ...options, poolSize: 4 }) : openStorage(dir, options);
    // Registered after the dir (and the database), so it runs before their removal.
    cleanups.push(async () => {
      if (storage.db.open) await storage.close();
    });
    return storage;
  };
  return { storage: await open(), dir, reopen: open };
}

export { article, classification, feedEntry } from './fixtures';
