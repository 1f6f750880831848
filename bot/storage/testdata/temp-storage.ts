import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStorage, type Storage, type StorageOptions } from '../index';

const cleanups: Array<() => void> = [];

afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh directory under the OS temp dir, removed after the current test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nadzor-storage-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Storage in a fresh temp dir, closed and removed after the current test. */
export function tempStorage(options?: StorageOptions): { storage: Storage; dir: string } {
  const dir = tempDir();
  const storage = openStorage(dir, options);
  // Registered after the dir, so it runs before the dir's removal.
  cleanups.push(() => {
    if (storage.db.open) void storage.close();
  });
  return { storage, dir };
}

export { article, classification, feedEntry } from './fixtures';
