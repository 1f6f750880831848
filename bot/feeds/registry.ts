import { readFileSync } from 'node:fs';
import type { FeedEntry } from '../../shared/model/types';
import { isHttpUrl, readListFile } from '../list-file';

/** A feeds list (FEEDS_FILE or the packaged defaults) that cannot be used; start-up stops on it. */
export class FeedsFileError extends Error {
  override name = 'FeedsFileError';
  /** One line per problem, each naming the entry and the field. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

const FIELDS = ['outlet', 'url', 'language', 'script', 'scope', 'homepage', 'kind'] as const;
const SCRIPTS = ['Latn', 'Cyrl'];
const SCOPES = ['domestic', 'international'];
const KINDS = ['outlet', 'search'];
// A primary language subtag with optional subtags: 'sr', 'en', 'sr-Latn'.
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;


const quoteList = (values: readonly string[]) => values.map((v) => `"${v}"`).join(' or ');

/** Problems with one entry's fields, as `field "x" ...` phrases. */
function fieldProblems(entry: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const str = (field: string): string | null => {
    const value = entry[field];
    if (value === undefined || value === null) {
      problems.push(`field "${field}" is missing`);
      return null;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`field "${field}" must be a non-empty string`);
      return null;
    }
    return value;
  };
  const oneOf = (field: string, allowed: readonly string[]) => {
    const value = str(field);
    if (value !== null && !allowed.includes(value)) problems.push(`field "${field}" must be ${quoteList(allowed)}`);
  };

  for (const key of Object.keys(entry)) {
    if (!(FIELDS as readonly string[]).includes(key)) problems.push(`field "${key}" is not a feed field (expected ${FIELDS.join(', ')})`);
  }
  str('outlet');
  for (const field of ['url', 'homepage']) {
    const value = str(field);
    if (value !== null && !isHttpUrl(value)) problems.push(`field "${field}" must be an http(s) URL`);
  }
  const language = str('language');
  if (language !== null && !LANGUAGE.test(language)) {
    problems.push(`field "language" must be a language code such as "sr" or "en"`);
  }
  oneOf('script', SCRIPTS);
  oneOf('scope', SCOPES);
  if (entry.kind !== undefined) oneOf('kind', KINDS);
  return problems;
}

/** `entry 3 ("Danas")`: 1-based, as a person counts the items of a YAML list. */
function entryLabel(index: number, entry: unknown): string {
  const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
  const name = [record.outlet, record.url].find((v) => typeof v === 'string' && v.trim() !== '');
  return name === undefined ? `entry ${index + 1}` : `entry ${index + 1} (${JSON.stringify(name)})`;
}

/**
 * Checks a parsed feeds list strictly and returns it typed. Every problem is collected, each
 * prefixed with `source` and naming the entry and field, so one run shows all the fixes needed.
 * Unknown fields are errors too: a misspelt "scope" must not silently fall back to nothing.
 */
export function validateFeeds(data: unknown, source: string): FeedEntry[] {
  if (!Array.isArray(data)) throw new FeedsFileError([`${source}: must be a list of feed entries`]);
  if (data.length === 0) throw new FeedsFileError([`${source}: the list is empty; at least one feed is needed`]);
  const problems: string[] = [];
  const seen = new Map<string, number>();
  data.forEach((entry: unknown, index) => {
    const label = entryLabel(index, entry);
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${source}: ${label}: must be an object with the fields ${FIELDS.join(', ')}`);
      return;
    }
    const own = fieldProblems(entry as Record<string, unknown>);
    problems.push(...own.map((p) => `${source}: ${label}: ${p}`));
    const url = (entry as Record<string, unknown>).url;
    if (typeof url === 'string' && isHttpUrl(url)) {
      // Compare parsed forms: "HTTPS://Example.rs/feed" and "https://example.rs/feed" are one feed.
      const key = new URL(url).href;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else problems.push(`${source}: ${label}: field "url" repeats ${entryLabel(first, data[first])}`);
    }
  });
  if (problems.length) throw new FeedsFileError(problems);
  return data as FeedEntry[];
}

/** Reads, parses and validates a feeds file; errors start with `FEEDS_FILE <path>:`. */
export function readFeedsFile(path: string): FeedEntry[] {
  const { data, source } = readListFile(path, 'FEEDS_FILE', (problems) => new FeedsFileError(problems));
  return validateFeeds(data, source);
}

let defaults: FeedEntry[] | undefined;

/**
 * The packaged default list (bot/feeds/default-feeds.json; SOURCES.md gives each entry's
 * evidence). Validated like a FEEDS_FILE, once, on first use.
 */
export function defaultFeeds(): FeedEntry[] {
  if (!defaults) {
    const path = new URL('./default-feeds.json', import.meta.url);
    defaults = validateFeeds(JSON.parse(readFileSync(path, 'utf8')), 'default-feeds.json');
  }
  return defaults.map((e) => ({ ...e }));
}

/**
 * The feeds to read: the file named by FEEDS_FILE, which replaces the defaults entirely (so an
 * operator can drop an outlet), or the default list when FEEDS_FILE is unset or empty.
 * Throws FeedsFileError when the file is unreadable or any entry is malformed.
 */
export function loadFeeds(env: { FEEDS_FILE?: string | undefined } = process.env): FeedEntry[] {
  const file = env.FEEDS_FILE?.trim();
  return file ? readFeedsFile(file) : defaultFeeds();
}
