/**
 * The reader's entry point: `readFeed` fetches a feed (or reads a local file) and parses it.
 * The scheduler and the `feeds parse` command call this; the pieces are exported for tests
 * and for callers that need only one step.
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fetchFeed, FetchError, type FetchOptions } from './fetcher';
import { parseFeed, type ParseOptions } from './parser';
import type { ParsePool } from './parse-pool';
import type { ReaderFeed } from './types';

export { fetchFeed, FetchError, DEFAULT_USER_AGENT } from './fetcher';
export type { FetchErrorKind, FetchOptions, FetchResult } from './fetcher';
export { createFetchPool, createHostGate } from './pool';
export type { FetchPool, FetchPoolOptions, HostGate } from './pool';
export { createParsePool } from './parse-pool';
export type { ParsePool, ParsePoolOptions } from './parse-pool';
export { parseFeed, FeedParseError } from './parser';
export type { ParseOptions } from './parser';
export { decodeFeedBytes } from './encoding';
export { canonicalUrl, plainText, stableId } from './normalize';
export { parseDate, toIsoDate } from './dates';
export type { ReaderFeed, ReaderItem, Person, FeedLink } from './types';

export interface ReadFeedOptions extends FetchOptions {
  /** Base URL for relative links in a local file (files have none of their own). */
  baseUrl?: string;
  /** Parses HTTP bodies off the event loop (the monitor's); without it they are parsed in process. */
  parser?: ParsePool;
  /** Budgets for an in-process parse (items kept, entity expansion...). */
  limits?: ParseOptions['limits'];
}

export type ReadFeedResult =
  | {
      notModified: false;
      feed: ReaderFeed;
      etag: string | null;
      lastModified: string | null;
      /** URL after redirects, or the file:// URL of a local file. */
      finalUrl: string;
      encoding: string | null;
    }
  | {
      /** 304: the feed is unchanged since the given etag/lastModified; nothing to parse. */
      notModified: true;
      feed: null;
      etag: string | null;
      lastModified: string | null;
      finalUrl: string;
      encoding: null;
    };

/**
 * Fetches and parses a feed. `source` is an http(s) URL, a file:// URL or a file path.
 * Throws FetchError (network, HTTP, limits, or an unreadable file) or FeedParseError.
 */
export async function readFeed(source: string, options: ReadFeedOptions = {}): Promise<ReadFeedResult> {
  if (/^https?:\/\//i.test(source)) {
    const res = await fetchFeed(source, options);
    const { etag, lastModified, url: finalUrl } = res;
    if (res.notModified) return { notModified: true, feed: null, etag, lastModified, finalUrl, encoding: null };
    const feed = options.parser
      ? await options.parser.parse(res.text, { url: finalUrl, headers: res.headers })
      : await parseFeed(res.text, { url: finalUrl, headers: res.headers, limits: options.limits });
    return {
      notModified: false,
      feed: { ...feed, encoding: res.encoding, warnings: [...res.warnings, ...feed.warnings] },
      etag,
      lastModified,
      finalUrl,
      encoding: res.encoding,
    };
  }

  const path = source.startsWith('file:') ? fileURLToPath(source) : source;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.size > maxBytes) throw new FetchError('too-large', `file of ${info.size} bytes exceeds the ${maxBytes}-byte limit`, source);
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof FetchError) throw err;
    throw new FetchError('file', `cannot read file: ${(err as Error).message}`, source, { cause: err });
  }
  const feed = await parseFeed(bytes, { url: options.baseUrl, limits: options.limits });
  return {
    notModified: false,
    feed,
    etag: null,
    lastModified: null,
    finalUrl: pathToFileURL(path).href,
    encoding: feed.encoding,
  };
}
