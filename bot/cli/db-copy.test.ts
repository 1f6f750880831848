/**
 * `npm run db:copy` as a person runs it (a child process): usage, one-line errors with exit 2,
 * no password on the terminal, the verification table, and kill -9 in the middle of a copy
 * followed by the same command again.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useFileCluster } from '../../test/pg-file-cluster';
import { DB_FILE, openPostgresStorage } from '../storage';
import { buildCopySource } from '../storage/testdata/copy-source';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = 'Hunter2-very-secret';
const pg = useFileCluster('dbcopy');
let dir: string;
let file: string;

beforeAll(async () => {
  dir = pg.tempDir();
  await buildCopySource(dir, 1500);
  file = join(dir, DB_FILE);
}, 120_000);

const ARGS = ['--import', 'tsx', 'bot/cli/db-copy.ts'];
const env = { ...process.env, DATABASE_URL: '', DATA_DIR: '' };
const dbCopy = (args: string[], extraEnv: Record<string, string> = {}) =>
  spawnSync(process.execPath, [...ARGS, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...env, ...extraEnv } });

/** A new database in the cluster, addressed with a password (trust authentication ignores it). */
async function target(): Promise<string> {
  const url = new URL(await pg.database());
  url.password = SECRET;
  return url.toString();
}

/** One row from the target, through a plain client (no migration, unlike openPostgresStorage); counts cast to int. */
async function query<T>(url: string, sql: string): Promise<T | undefined> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0] as T | undefined;
  } finally {
    await client.end();
  }
}

describe('npm run db:copy', () => {
  it('prints its usage on --help', () => {
    const r = dbCopy(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run db:copy -- --to postgres:\/\//);
    expect(r.stdout).toContain('--from FILE');
  }, 30_000);

  it('gives a one-line error and exit 2 for a bad URL, a missing target, a missing file or a bad option', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--to', `mysql://root:${SECRET}@db/x`], /--to must be a PostgreSQL URL/],
      [['--to', `postgres://root:${SECRET}@`], /--to must be a PostgreSQL URL/],
      [[], /give the target with --to/],
      [['--to', `postgres://u:${SECRET}@127.0.0.1/x`, '--from', join(dir, 'missing.db')], /no SQLite database at .*missing\.db/],
      [['--to', 'postgres://u@127.0.0.1/x', '--batch', '0'], /--batch must be/],
      [['--to', 'postgres://u@127.0.0.1/x', '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const r = dbCopy(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
    }
    // DATA_DIR without nadzor.db.
    const r = dbCopy(['--to', 'postgres://u@127.0.0.1/x'], { DATA_DIR: join(dir, 'empty') });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`db:copy: no SQLite database at ${join(dir, 'empty', DB_FILE)}`);
  }, 120_000);

  it('says in one line, without the password, when the server cannot be reached', () => {
    const r = dbCopy(['--to', `postgres://nadzor:${SECRET}@127.0.0.1:1/nadzor`, '--from', file]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^db:copy: failed: .*ECONNREFUSED[^\n]*$/);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  }, 30_000);

  it('copies, prints the verification table, never the password; DATABASE_URL and DATA_DIR are the defaults', async () => {
    const url = await target();
    const r = dbCopy([], { DATABASE_URL: url, DATA_DIR: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(r.stderr).toContain(`${file} -> postgres://postgres:***@127.0.0.1:`);
    expect(r.stderr).toMatch(/articles: done, 1,500 rows/);
    expect(r.stderr).toMatch(/search index: 1,500 articles indexed/);
    expect(r.stdout).toMatch(/^table\s+sqlite rows\s+postgres rows\s+sqlite max id\s+postgres max id/);
    expect(r.stdout).toMatch(/^articles\s+1500\s+1500\s+1500\s+1500\s+ok$/m);
    expect(r.stdout).toMatch(/^pages\s+2\s+2\s+-\s+-\s+ok$/m);
    expect(r.stdout).not.toMatch(/DIFFERENT/);
    expect(r.stdout).toMatch(/copied and verified: [\d,]+ rows in 9 tables\.\nStart the monitors with DATABASE_URL=postgres:\/\/postgres:\*\*\*@/);
  }, 120_000);

  it('continues after kill -9 in the middle of a copy and ends with the same result', async () => {
    const url = await target();
    const child = spawn(process.execPath, [...ARGS, '--to', url, '--from', file, '--batch', '2'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Kill it once some articles (not all) are in.
    let copied = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const row = await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'db_copy_progress'").catch(() => undefined);
      if (row && Number(row.n) > 0) {
        copied = Number((await query<{ n: number }>(url, "SELECT coalesce(max(rows_copied), 0)::int AS n FROM db_copy_progress WHERE table_name = 'articles'"))!.n);
        if (copied > 0) break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(copied).toBeGreaterThan(0);
    const articlesAtKill = Number((await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM articles'))!.n);
    expect(articlesAtKill).toBeLessThan(1500);
    // The progress row and the rows it counts are always in step.
    expect((await query<{ n: number }>(url, "SELECT rows_copied::int AS n FROM db_copy_progress WHERE table_name = 'articles'"))!.n).toBe(articlesAtKill);
    expect(Number((await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM alerts'))!.n)).toBe(0);

    const r = dbCopy(['--to', url, '--from', file, '--batch', '500']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`articles: 1,500 rows, resuming after ${articlesAtKill.toLocaleString('en-US')}`));
    expect(r.stdout).toMatch(/^articles\s+1500\s+1500\s+1500\s+1500\s+ok$/m);
    expect(r.stdout).toMatch(/copied and verified \(resumed\)/);
    const dup = await query<{ a: number; s: number }>(
      url,
      'SELECT (SELECT count(*) - count(DISTINCT content_hash) FROM articles)::int AS a, (SELECT count(*) FROM article_search)::int AS s',
    );
    expect(dup).toEqual({ a: 0, s: 1500 });
    // The same command once more: nothing left to copy, still verified.
    const again = dbCopy(['--to', url, '--from', file]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^articles\s+1500\s+1500\s+1500\s+1500\s+ok$/m);
  }, 180_000);

  it('refuses, with exit 1, a database a monitor has already written to', async () => {
    const url = await target();
    const s = await openPostgresStorage(url, { poolSize: 1 });
    await s.stories.create('x', '2025-01-01T00:00:00.000Z', []);
    await s.close();
    const r = dbCopy(['--to', url, '--from', file]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^db:copy: refused: the PostgreSQL table stories already holds 1 row that did not come from this copy/);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  }, 60_000);
});
