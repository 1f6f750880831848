/**
 * `npm run import -- FILE [options]`: the command behind bot/cli/import.ts, as a function so
 * that tests run it in-process. See USAGE.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import type { FeedEntry, Scope, Script } from '../../shared/model/types';
import { syncSearchIndex } from '../api/search-index';
import { ConfigError, loadConfig, redact } from '../config';
import { FeedsFileError, loadFeeds } from '../feeds/registry';
import { readFeed } from '../reader';
import { createProcessor } from '../reader/processor';
import { openStorage, type Storage } from '../storage';
import { stripControls } from '../terminal-text';
import {
  feedsYaml,
  ImportError,
  importRecords,
  IMPORT_FORMATS,
  mergeFeeds,
  processorSink,
  readImportFile,
  type ArticleRecords,
  type FeedList,
  type ImportFormat,
} from './importer';

export const USAGE = `Usage: npm run import -- FILE [options]

Loads past coverage into the database in DATA_DIR (default ./data). Imported articles are
classified, de-duplicated and grouped into stories like feed items, and never alerted.

  FILE.csv          articles, one per row, with a header row: title (or naslov), outlet (medij),
                    published (datum: 2025-03-27, 27.03.2025., 2025-03-27T08:00:00Z), and
                    optionally url (link), text (tekst), scope (domestic|international), lang.
                    Comma, semicolon or tab separated; UTF-8.
  FILE.jsonl        one JSON object per line with the same fields.
  FILE.json         a JSON array of such objects, or GET /api/export.json output.
  FILE.opml         a feed list from a feed reader: the feeds not yet followed are written to a
                    feeds file for FEEDS_FILE and read once now, storing their current items.

Options:
  --format FORMAT   ${IMPORT_FORMATS.join(' | ')} (default: from the extension)
  --encoding NAME   file encoding if not UTF-8, e.g. windows-1250 or windows-1251
  --outlet NAME     outlet for rows that name none (a file from one outlet)
  --scope SCOPE     domestic | international, for rows/feeds that say nothing (default domestic)
  --lang CODE       language for rows/feeds that say nothing (e.g. sr, en)
  --script SCRIPT   Latn | Cyrl, for OPML feeds (default: from the feed's name)
  --dry-run         check the file and report; store nothing
  --out FILE        OPML: where to write the feeds file (default feeds.imported.yaml)
  --force           OPML: overwrite --out if it exists
  --no-read         OPML: only write the feeds file; do not read the feeds now
  -h, --help        this text
`;

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Record<string, string | undefined>;
  /** Whether to draw a progress bar (a person at a terminal). */
  progress: boolean;
}

// Lines quote the imported files and fetched feeds: no control characters reach the terminal.
const defaultIo = (): CliIo => ({
  stdout: (l) => process.stdout.write(stripControls(l, { keepNewlines: true }) + '\n'),
  stderr: (l) => process.stderr.write(stripControls(l, { keepNewlines: true }) + '\n'),
  env: process.env,
  progress: Boolean(process.stderr.isTTY) && !process.env.CI,
});

/** A progress bar on stderr for a person; nothing in tests, pipes and CI. */
function progressBar(io: CliIo, what: string) {
  if (!io.progress) return { update: (_done: number, _total: number, _label?: string) => {}, stop: () => {} };
  const bar = new SingleBar(
    { format: `${what} |{bar}| {value}/{total} {label}`, stream: process.stderr, hideCursor: true, clearOnComplete: false, etaBuffer: 200 },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number, label = '') {
      if (!started) {
        bar.start(total, 0, { label });
        started = true;
      }
      bar.update(done, { label: label.slice(0, 40) });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined => {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${option} must be ${allowed.join(' or ')}, got ${JSON.stringify(value)}`);
  return value as T;
};

class UsageError extends Error {}

function parseCli(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      encoding: { type: 'string' },
      outlet: { type: 'string' },
      scope: { type: 'string' },
      lang: { type: 'string' },
      script: { type: 'string' },
      'dry-run': { type: 'boolean' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      'no-read': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** Runs the command; resolves to the exit code (0 done, 1 nothing usable, 2 bad usage or config). */
export async function runImport(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  let args: ReturnType<typeof parseCli>;
  let format: ImportFormat | undefined;
  let scope: Scope | undefined;
  let script: Script | undefined;
  try {
    args = parseCli(argv);
    if (args.values.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (args.positionals.length !== 1) throw new UsageError('give exactly one FILE');
    format = oneOf(args.values.format, IMPORT_FORMATS, 'format');
    scope = oneOf(args.values.scope, ['domestic', 'international'] as const, 'scope');
    script = oneOf(args.values.script, ['Latn', 'Cyrl'] as const, 'script');
    if (args.values.lang !== undefined && !/^[a-z]{2,3}$/.test(args.values.lang)) throw new UsageError('--lang must be a language code such as sr or en');
  } catch (err) {
    io.stderr(`import: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }

  let config;
  try {
    config = loadConfig(io.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`import: ${err.message}`);
      return 2;
    }
    throw err;
  }
  const say = (line: string) => io.stdout(redact(line, config));
  const file = resolve(args.positionals[0]);

  let parsed: ArticleRecords | FeedList;
  try {
    parsed = readImportFile(file, {
      format,
      encoding: args.values.encoding,
      defaults: { outlet: args.values.outlet, scope, lang: args.values.lang, language: args.values.lang, script },
    });
  } catch (err) {
    if (err instanceof ImportError) {
      io.stderr(`import: ${file}: ${err.message}`);
      return 1;
    }
    throw err;
  }

  if (parsed.kind === 'feeds') return importFeeds(parsed, file, args.values, config, io, say);

  const { records, problems, ignored } = parsed;
  if (ignored.length) say(`ignoring columns that are not article fields: ${ignored.join(', ')}`);
  for (const p of problems.slice(0, 20)) io.stderr(`${file}:${p.line}: ${p.field}: ${p.message}`);
  if (problems.length > 20) io.stderr(`... and ${problems.length - 20} more problems`);
  const skipped = new Set(problems.map((p) => p.line)).size;
  if (records.length === 0) {
    io.stderr(`import: no usable articles in ${file}${skipped ? ` (${skipped} skipped)` : ''}`);
    return 1;
  }
  if (args.values['dry-run']) {
    say(`dry run: ${records.length} articles would be imported, ${skipped} skipped`);
    return 0;
  }

  const storage = openStorage(config.dataDir);
  try {
    const bar = progressBar(io, 'importing');
    let summary;
    try {
      summary = importRecords(records, processorSink(storage), (done, total) => bar.update(done, total));
    } finally {
      bar.stop();
    }
    syncSearchIndex(storage.db);
    say(
      `imported ${summary.stored} articles (${summary.relevant} about the subject), ` +
        `${summary.duplicates} already stored, ${skipped} skipped, into ${storage.path}`,
    );
    return 0;
  } finally {
    storage.close();
  }
}

async function importFeeds(
  list: FeedList,
  file: string,
  options: { out?: string; force?: boolean; 'no-read'?: boolean; 'dry-run'?: boolean },
  config: ReturnType<typeof loadConfig>,
  io: CliIo,
  say: (line: string) => void,
): Promise<number> {
  for (const p of list.problems) io.stderr(`${file}: ${p}`);
  if (list.feeds.length === 0) return 1;
  let current: FeedEntry[];
  try {
    current = loadFeeds(io.env);
  } catch (err) {
    if (err instanceof FeedsFileError) {
      io.stderr(`import: ${err.message}`);
      return 2;
    }
    throw err;
  }
  let merged;
  try {
    merged = mergeFeeds(current, list.feeds);
  } catch (err) {
    if (err instanceof FeedsFileError) {
      for (const p of err.problems) io.stderr(p);
      return 1;
    }
    throw err;
  }
  say(`${list.feeds.length} feeds in ${file}: ${merged.added.length} new, ${merged.known} already followed`);
  if (options['dry-run']) {
    for (const f of merged.added) say(`  would add ${f.outlet} <${f.url}> (${f.scope}, ${f.language}, ${f.script})`);
    return 0;
  }
  if (merged.added.length === 0) return 0;

  const out = resolve(options.out ?? 'feeds.imported.yaml');
  if (existsSync(out) && !options.force && out !== resolve(io.env.FEEDS_FILE?.trim() || '\0')) {
    io.stderr(`import: ${out} exists; pass --force to overwrite it, or --out another file`);
    return 1;
  }
  writeFileSync(out, feedsYaml(merged.feeds));
  say(`wrote ${merged.feeds.length} feeds to ${out}; set FEEDS_FILE=${out} and restart the monitor to follow them`);
  if (options['no-read']) return 0;

  // Read each new feed once now: its current items become stored coverage (never alerts).
  const storage: Storage = openStorage(config.dataDir);
  const processor = createProcessor({ storage, targetsFor: () => [] });
  const bar = progressBar(io, 'reading feeds');
  let stored = 0;
  let failed = 0;
  try {
    for (const [i, feed] of merged.added.entries()) {
      try {
        const res = await readFeed(feed.url, { timeoutMs: config.fetchTimeoutMs, maxBytes: config.feedMaxBytes });
        if (res.feed) {
          const r = processor.processItems({ url: feed.url, outlet: feed.outlet, scope: feed.scope, language: feed.language, kind: feed.kind }, res.feed.items, { firstRead: true });
          stored += r.stored;
        }
      } catch (err) {
        failed++;
        io.stderr(`import: ${feed.outlet} <${feed.url}>: ${redact((err as Error).message, config)}`);
      }
      bar.update(i + 1, merged.added.length, feed.outlet);
    }
  } finally {
    bar.stop();
    syncSearchIndex(storage.db);
    storage.close();
  }
  say(`read ${merged.added.length - failed} of ${merged.added.length} new feeds: ${stored} articles stored`);
  return 0;
}
