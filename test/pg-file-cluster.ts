/**
 * A throwaway PostgreSQL cluster (pg-cluster.ts) for one test file that needs its own: a file
 * in the `node` project that compares SQLite with PostgreSQL in one test, or starts instances
 * of its own (the `node-postgres` project shares one cluster instead, test/pg-global-setup.ts).
 * Started before the file's tests, stopped after them together with the temp directories it
 * handed out. Vitest runs after-hooks in reverse order, so a file's own afterAll (closing its
 * storages) runs before the cluster stops.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startPgCluster, type PgCluster } from './pg-cluster';

export interface FileCluster {
  /** The URL of a new, empty database in the file's cluster, named `<prefix>_<n>`. */
  database(): Promise<string>;
  /** A fresh temp directory, removed after the file's tests. */
  tempDir(): string;
}

export function useFileCluster(prefix: string): FileCluster {
  let cluster: PgCluster | undefined;
  let count = 0;
  const dirs: string[] = [];
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 120_000);
  afterAll(() => {
    cluster?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return {
    database: () => cluster!.createDatabase(`${prefix}_${++count}`),
    tempDir() {
      const dir = mkdtempSync(join(tmpdir(), `nadzor-${prefix}-`));
      dirs.push(dir);
      return dir;
    },
  };
}
