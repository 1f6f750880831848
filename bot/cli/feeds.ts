/**
 * `npm run feeds -- <command>`:
 *   parse <url|file>... [--json]   fetch (or read) and parse each feed
 *   inspect <url|file> [--no-pages] every item with its classification and why it would (not) alert
 *   list                           the feeds the monitor polls (defaults or FEEDS_FILE)
 *   status                         each feed's health: last read, failures, backoff, paused
 *   resume <url|outlet>            unpause a feed paused after repeated failures
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../config';
import { loadFeeds } from '../feeds/registry';
import { readFeed, type ReaderItem } from '../reader';
import { connectStorage, DB_FILE, openStorage, type Storage } from '../storage';
import { createArticleStage, decide } from '../reader/article';
import { isAggregatorUrl } from '../reader/article/resolve-link';
import { createHostGate } from '../reader/pool';
import type { IncomingItem, SourceFeed } from '../reader/processor';
import { redactUrlsInText, urlForLog } from '../redact-url';
import { stripControls, terminalJson } from '../terminal-text';
import { feedHealth, healthCounts } from './feed-health';
import { endQuietlyOnClosedPipe } from './pipe';
import { table } from './table';
import { belgradeTime, CLI_TIME_ZONE } from './time';
import { MODEL_THRESHOLD, verdictLine } from './verdict';

/**
 * Every line this command prints holds feed text (titles, URLs, stored errors): control
 * characters and escape sequences are stripped first, so a feed cannot recolour the terminal,
 * retitle its window or forge lines.
 */
const print = (text: string): void => void process.stdout.write(stripControls(text, { keepNewlines: true }) + '\n');

const HELP = `usage: npm run feeds -- <command>
  parse <url|file>... [--json]   fetch (or read) and parse each feed; --json prints one JSON line per input
  inspect <url|file> [--no-pages]
                                 every item with its classification and why it would or would not alert;
                                 reads the article page of short or undecided items as the monitor does
                                 (robots.txt honoured), unless --no-pages
  list                           the feeds the monitor polls (the defaults, or FEEDS_FILE)
  status                         each feed's health: last read, failures, next try, paused
  resume <url|outlet>            unpause a feed that was paused after repeated failures (the URL as in the log, or the outlet name)`;

/** The JSON contract of `feeds parse --json` (other tools rely on these keys). */
function itemJson(i: ReaderItem) {
  return {
    id: i.id,
    url: i.url,
    title: i.title,
    summary: i.summary,
    content: i.content,
    published: i.published,
    updated: i.updated,
    author: i.author,
    enclosures: i.enclosures.map((e) => ({ url: e.url, type: e.type, length: e.length })),
  };
}

const short = (s: string | null | undefined, n: number): string => {
  // Controls out before measuring: an escape sequence takes no room on screen.
  const t = stripControls(s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
};

async function parse(inputs: string[], json: boolean, config: Config): Promise<number> {
  if (inputs.length === 0) throw new UsageError('parse needs at least one URL or file');
  let failures = 0;
  for (const input of inputs) {
    try {
      const res = await readFeed(input, { timeoutMs: config.fetchTimeoutMs, maxBytes: config.feedMaxBytes });
      if (res.notModified) throw new Error('not modified');
      const { feed } = res;
      if (json) {
        process.stdout.write(
          terminalJson({ input, ok: true, feed: { title: feed.title, link: feed.link, language: feed.language }, items: feed.items.map(itemJson) }) + '\n',
        );
      } else {
        print(`${input}\n  ${feed.title || '(untitled)'} <${feed.link ?? '-'}> language ${feed.language ?? '-'}, ${feed.items.length} items`);
        print(
          table(
            ['published', 'title', 'url'],
            feed.items.map((i) => [belgradeTime(i.published), short(i.title, 70), short(i.url, 60)]),
          ).replace(/^/gm, '  '),
        );
      }
    } catch (err) {
      failures++;
      const error = (err as Error).message;
      if (json) process.stdout.write(terminalJson({ input, ok: false, error }) + '\n');
      else print(`${input}\n  error: ${error}`);
    }
  }
  return failures;
}

/**
 * The article pages the monitor would read for these items, read the same way (robots.txt,
 * limits, public addresses except the feed's own host), with a throwaway page cache.
 */
async function withPages(input: string, feed: SourceFeed, items: IncomingItem[], config: Config): Promise<IncomingItem[]> {
  const dir = mkdtempSync(join(tmpdir(), 'nadzor-inspect-'));
  const storage = openStorage(dir);
  let feedHost: string | null = null;
  try {
    feedHost = new URL(input).hostname.toLowerCase();
  } catch {
    // A local file: no host is trusted.
  }
  try {
    const stage = createArticleStage({
      storage,
      hosts: createHostGate(),
      waitMs: config.articleWaitMs,
      fetchTimeoutMs: Math.min(config.fetchTimeoutMs, config.articleWaitMs),
      hostBudgetPerDay: config.articleHostBudget,
      trustedHost: (h) => h === feedHost,
    });
    return await stage.prepare(feed, items, { firstRead: false });
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function inspect(input: string | undefined, config: Config, readPages: boolean): Promise<number> {
  if (!input) throw new UsageError('inspect needs a URL or file');
  const res = await readFeed(input, { timeoutMs: config.fetchTimeoutMs, maxBytes: config.feedMaxBytes });
  if (res.notModified || !res.feed) throw new Error('not modified');
  const isSearch = isAggregatorUrl(input) || /(^|\.)gdeltproject\.org$/i.test(safeHost(input));
  const source: SourceFeed = { url: input, outlet: res.feed.title || input, scope: 'domestic', language: res.feed.language, kind: isSearch ? 'search' : 'outlet' };
  const items: IncomingItem[] = readPages && config.articleWaitMs > 0 ? await withPages(input, source, res.feed.items, config) : res.feed.items;
  const backlogMs = config.alertBacklogHours * 3600_000;
  const now = Date.now();
  const threshold = config.alertMinScore ?? MODEL_THRESHOLD;
  const thresholdSource = config.alertMinScore === null ? 'the classifier’s own' : 'ALERT_MIN_SCORE';
  print(
    `${short(res.feed.title || input, 90)}: ${res.feed.items.length} items (threshold ${threshold}, ${thresholdSource}; backlog window ${config.alertBacklogHours} h; times ${CLI_TIME_ZONE})\n`,
  );
  for (const item of items) {
    // As the processor does: the longer of summary and content, plus the page when read.
    const text = (item.summary || item.content || '').trim();
    const body = item.content && item.content.length > text.length ? item.content : text;
    const lang = isSearch ? undefined : res.feed.language ?? undefined;
    const { classification: c, decidedOn } = decide(item.title, body, item.page, { lang, url: item.url ?? undefined });
    const classified = { title: item.title, text: body, lang, url: item.url ?? undefined };
    const wants = c.score >= threshold;
    const old = item.published === null || now - Date.parse(item.published) > backlogMs;
    let verdict: string;
    if (!wants) verdict = `no alert: ${verdictLine(classified, c, threshold)}`;
    else if (old) verdict = 'alert after the first read only: on a first read it is backlog (older than the window or undated)';
    else verdict = `ALERT: relevant and recent (score ${c.score.toFixed(3)} ≥ threshold ${threshold})`;
    print(`• ${short(item.title, 110)}`);
    print(`  ${item.url ?? '(no link)'} · ${belgradeTime(item.published, 'undated')}`);
    print(`  ${verdict}`);
    print(`  lang ${c.lang} · script ${c.script ?? '-'} · topics ${c.topics.join(', ') || '-'}`);
    const page = item.page
      ? ` · article page (${item.page.wanted}): ${item.page.status}${item.page.method ? ` via ${item.page.method}, ${item.page.body.length} characters` : ''}${item.page.url && item.page.url !== item.url ? ` <${item.page.url}>` : ''}`
      : '';
    print(`  decided on ${decidedOn}${page}`);
    for (const r of c.reasons) print(`    - ${r}`);
    print('');
  }
  return 0;
}

function list(): number {
  const feeds = loadFeeds(process.env);
  print(
    table(
      ['outlet', 'scope', 'lang', 'script', 'url'],
      feeds.map((f) => [f.outlet, f.scope, f.language, f.script, f.url]),
    ),
  );
  print(`\n${feeds.length} feeds${process.env.FEEDS_FILE ? ` from ${process.env.FEEDS_FILE}` : ' (defaults)'}`);
  return 0;
}

async function withStorage<T>(config: Config, fn: (s: Storage) => Promise<T>): Promise<T> {
  if (!config.databaseUrl && !existsSync(join(config.dataDir, DB_FILE))) {
    throw new Error(`no database in ${config.dataDir} yet: run the monitor first (npm start)`);
  }
  const storage = await connectStorage(config);
  try {
    return await fn(storage);
  } finally {
    await storage.close();
  }
}

function status(config: Config): Promise<number> {
  return withStorage(config, async (storage) => {
    const feeds = await storage.feeds.list();
    print(
      table(
        ['outlet', 'state', 'last ok', 'fails', 'next try', 'items', 'last error'],
        feeds.map((f) => [
          short(f.outlet, 24),
          f.consecutiveSlow > 0 && feedHealth(f) === 'ok' ? 'slow' : feedHealth(f),
          belgradeTime(f.lastOkAt),
          String(f.consecutiveFailures),
          belgradeTime(f.nextDueAt),
          // Items over FEED_MAX_ITEMS in the latest read are counted, not read.
          f.itemsDropped ? `${f.itemsSeen} (+${f.itemsDropped} not read)` : String(f.itemsSeen),
          // A stored error may quote the feed's URL, key included: shown without the query.
          short(redactUrlsInText(f.lastError ?? ''), 60) || '-',
        ]),
      ),
    );
    print(`\n${healthCounts(feeds)}; ${await storage.alerts.pendingCount()} alerts waiting (times ${CLI_TIME_ZONE})`);
    return 0;
  });
}

/**
 * The feed meant by `given`: its URL, the URL as the log shows it (query cut off: a feed URL
 * may carry a key, so logs never show it whole), or the outlet's name; an error when none or
 * several match.
 */
function findFeed(feeds: ReadonlyArray<{ url: string; outlet: string }>, given: string): string {
  const exact = feeds.find((f) => f.url === given);
  if (exact) return exact.url;
  const matches = feeds.filter((f) => urlForLog(f.url) === given || f.outlet.toLowerCase() === given.toLowerCase());
  if (matches.length === 1) return matches[0].url;
  if (matches.length > 1) throw new Error(`"${given}" matches ${matches.length} feeds: give the whole URL`);
  throw new Error(`unknown feed: ${given} (give its URL, as in the log, or its outlet name: see npm run feeds -- status)`);
}

function resume(given: string | undefined, config: Config): Promise<number> {
  if (!given) throw new UsageError('resume needs the feed URL or outlet name');
  return withStorage(config, async (storage) => {
    const url = findFeed(await storage.feeds.list({ includeInactive: true }), given);
    await storage.feeds.resume(url);
    print(`resumed ${(await storage.feeds.get(url))?.outlet ?? ''} <${urlForLog(url)}>; it is read at the next cycle`);
    return 0;
  });
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const json = rest.includes('--json');
  const noPages = rest.includes('--no-pages');
  const args = rest.filter((a) => a !== '--json' && a !== '--no-pages');
  const config = loadConfig(process.env);
  switch (command) {
    case 'parse':
      return (await parse(args, json, config)) > 0 ? 1 : 0;
    case 'inspect':
      return inspect(args[0], config, !noPages);
    case 'list':
      return list();
    case 'status':
      return status(config);
    case 'resume':
      return resume(args[0], config);
    case undefined:
    case 'help':
    case '--help':
      print(HELP);
      return command ? 0 : 2;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

endQuietlyOnClosedPipe();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`feeds: ${stripControls(err.message)}\n${err instanceof UsageError ? HELP + '\n' : ''}`);
    process.exitCode = 2;
  },
);
