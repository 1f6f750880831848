/**
 * `npm run db:copy -- --to postgres://…`: copies the SQLite database into PostgreSQL,
 * resumably, and verifies the counts. The work is bot/storage/copy.ts; this is its command
 * line: options, progress on stderr, the verification table on stdout, exit codes.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DB_FILE, redactDatabaseUrl } from '../storage';
import { copySqliteToPostgres, CopyRefusedError, CopySourceError, DEFAULT_BATCH, type CopyEvent } from '../storage/copy';
import { stripControls } from '../terminal-text';
import { table } from './table';

export const USAGE = `Usage: npm run db:copy -- --to postgres://USER:PASSWORD@HOST:5432/DB [options]

Copies the SQLite database (DATA_DIR/nadzor.db, default ./data/nadzor.db) into PostgreSQL:
creates the schema, copies every table in batches keeping all ids, moves the id sequences past
them, compares the row counts of both sides, and builds the search index. The SQLite file is
only read. Stop the monitor first; start it with DATABASE_URL once the copy has succeeded.

Interrupted (Ctrl-C, kill, a lost connection)? Run the same command again: it continues where
it stopped. A target that holds rows from anywhere else (a monitor already started on it) is
refused, and nothing in it is changed.

Options:
  --to URL        the PostgreSQL database (default: DATABASE_URL); best an empty one (createdb)
  --from FILE     the SQLite file (default: DATA_DIR/${DB_FILE})
  --batch N       rows per INSERT transaction (default ${DEFAULT_BATCH})
  --no-search-index  leave the search index to the monitor (it builds it in the background)
  -h, --help      this text

Exit status: 0 copied and verified, 1 refused, failed or counts differ, 2 bad usage, URL or file.
`;

export interface DbCopyIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Record<string, string | undefined>;
}

const defaultIo = (): DbCopyIo => ({
  stdout: (l) => process.stdout.write(stripControls(l, { keepNewlines: true }) + '\n'),
  stderr: (l) => process.stderr.write(stripControls(l, { keepNewlines: true }) + '\n'),
  env: process.env,
});

/** A postgres:// or postgresql:// URL with a host and a database name (as config.ts checks DATABASE_URL). */
function validUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '' && u.pathname.length > 1;
  } catch {
    return false;
  }
}

/** `text` with the URL's password (raw and decoded) replaced, for error messages from the driver. */
function withoutPassword(text: string, url: string): string {
  let password = '';
  try {
    password = new URL(url).password;
  } catch {
    return text;
  }
  if (!password) return text;
  let out = text.split(password).join('***');
  const decoded = decodeURIComponent(password);
  if (decoded) out = out.split(decoded).join('***');
  return out;
}

const n = (v: number) => v.toLocaleString('en-US');

/** Runs the command; resolves to the exit code. */
export async function runDbCopy(argv: readonly string[], io: DbCopyIo = defaultIo()): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        to: { type: 'string' },
        from: { type: 'string' },
        batch: { type: 'string' },
        'no-search-index': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    io.stderr(`db:copy: ${(err as Error).message} (see --help)`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const to = values.to ?? io.env.DATABASE_URL;
  if (!to) {
    io.stderr('db:copy: give the target with --to postgres://USER:PASSWORD@HOST:5432/DB (see --help)');
    return 2;
  }
  // The URL itself is never echoed: it may carry a password.
  if (!validUrl(to)) {
    io.stderr('db:copy: --to must be a PostgreSQL URL such as postgres://nadzor:PASSWORD@127.0.0.1:5432/nadzor');
    return 2;
  }
  const batch = values.batch === undefined ? DEFAULT_BATCH : Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 100_000) {
    io.stderr('db:copy: --batch must be a whole number from 1 to 100000');
    return 2;
  }
  const from = resolve(values.from ?? join(io.env.DATA_DIR ?? './data', DB_FILE));
  const target = redactDatabaseUrl(to);

  let lastLine = 0;
  const progress = (e: CopyEvent) => {
    if (e.kind === 'start') {
      io.stderr(`db:copy: ${from} -> ${target}${e.resumed ? ' (continuing an earlier copy)' : ''}`);
    } else if (e.kind === 'table') {
      io.stderr(`  ${e.table}: ${n(e.total)} rows${e.copied ? `, resuming after ${n(e.copied)}` : ''}`);
      lastLine = Date.now();
    } else if (e.kind === 'batch') {
      // At most one line a second while a big table is copied.
      if (Date.now() - lastLine >= 1000) {
        io.stderr(`  ${e.table}: ${n(e.copied)} / ${n(e.total)}`);
        lastLine = Date.now();
      }
    } else if (e.kind === 'table-done') {
      io.stderr(`  ${e.table}: done, ${n(e.copied)} rows (${(e.ms / 1000).toFixed(1)} s)`);
    } else if (e.kind === 'search-index') {
      io.stderr(`  search index: ${n(e.indexed)} articles indexed`);
    }
  };

  let result;
  try {
    result = await copySqliteToPostgres({ from, to, batchSize: batch, searchIndex: !values['no-search-index'], onProgress: progress });
  } catch (err) {
    const message = withoutPassword(err instanceof Error ? err.message : String(err), to).split('\n')[0];
    if (err instanceof CopySourceError) {
      io.stderr(`db:copy: ${message}`);
      return 2;
    }
    if (err instanceof CopyRefusedError) {
      io.stderr(`db:copy: refused: ${message}`);
      return 1;
    }
    io.stderr(`db:copy: failed: ${message} (once the cause is fixed, the same command continues where this run stopped)`);
    return 1;
  }

  const cell = (v: number | null) => (v === null ? '-' : String(v));
  io.stdout(
    table(
      ['table', 'sqlite rows', 'postgres rows', 'sqlite max id', 'postgres max id', 'check'],
      result.checks.map((c) => [c.table, String(c.sqliteRows), String(c.postgresRows), cell(c.sqliteMaxId), cell(c.postgresMaxId), c.ok ? 'ok' : 'DIFFERENT']),
    ),
  );
  if (!result.verified) {
    const bad = result.checks.filter((c) => !c.ok).map((c) => `${c.table} (${c.sqliteRows} rows in SQLite, ${c.postgresRows} in PostgreSQL)`);
    io.stderr(`db:copy: verification failed: ${bad.join(', ')}; the target does not match the source`);
    return 1;
  }
  io.stdout(
    `copied and verified${result.resumed ? ' (resumed)' : ''}: ${n(result.checks.reduce((s, c) => s + c.postgresRows, 0))} rows in ${result.checks.length} tables.\n` +
      `Start the monitors with DATABASE_URL=${target}; the table db_copy_progress may be dropped.`,
  );
  return 0;
}

// Run as a script (npm run db:copy), not when imported by a test.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runDbCopy(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`db:copy failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
