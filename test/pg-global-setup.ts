/**
 * globalSetup of the `node-postgres` vitest project: ONE throwaway PostgreSQL cluster
 * (test/pg-cluster.ts) for the whole project, with a migrated template database. Workers get
 * the cluster's URL and the template's name through vitest's provide/inject, and
 * `tempStorage()` (bot/storage/testdata/temp-storage.ts) copies the template into a fresh
 * database per call (CREATE DATABASE ... TEMPLATE), which is much faster than migrating each.
 *
 * Fails, never skips, when PostgreSQL is missing (CI installs it, see .ci/run).
 */
import { statfsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { openPostgresStorage } from '../bot/storage/index';
import { startPgCluster } from './pg-cluster';

export const PG_TEMPLATE_DB = 'nadzor_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://postgres@127.0.0.1:<port>/postgres of the project's cluster. */
    pgUrl: string;
    /** A migrated database to copy (CREATE DATABASE x TEMPLATE it). */
    pgTemplate: string;
  }
}

/**
 * /dev/shm when it has room: every test copies the template (CREATE DATABASE writes about
 * 8 MB), which on a busy disk took up to a second a copy and in memory about 0.1 s. Docker's
 * default /dev/shm (64 MB) is too small, so the OS temp dir then.
 */
function memoryDir(): string | undefined {
  try {
    const fs = statfsSync('/dev/shm');
    return fs.bavail * fs.bsize >= 1024 ** 3 ? '/dev/shm' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The template orders text like a typical server's database (en_US), not like the cluster's C
 * locale: a query that sorts or compares text by the database's collation then shows it
 * differs from SQLite's BINARY (byte order), which is the point of running the suites here.
 * ICU needs PostgreSQL 15 (Debian's package has it).
 */
async function createTemplate(adminUrl: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${PG_TEMPLATE_DB} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${PG_TEMPLATE_DB}`;
  return url.toString();
}

export default async function setup(project: TestProject): Promise<() => void> {
  // Every worker holds a few pools (up to 4 connections each) and one admin connection.
  const cluster = await startPgCluster({ maxConnections: 300, baseDir: memoryDir() });
  try {
    const storage = await openPostgresStorage(await createTemplate(cluster.url), { poolSize: 1 });
    // Closed: a database with open connections cannot be a template.
    await storage.close();
  } catch (err) {
    cluster.stop();
    throw err;
  }
  project.provide('pgUrl', cluster.url);
  project.provide('pgTemplate', PG_TEMPLATE_DB);
  return () => cluster.stop();
}
