/**
 * Feed parsing: bytes or text in, a normalised `ReaderFeed` (a `ParsedFeed`) out.
 *
 *   bytes --decodeFeedBytes--> text --parseXmlTree--> tree --canonicalizeFeed--> clean XML
 *         --rss-parser (format detection, channel/items walk, raw nodes via customFields)
 *         --adaptFeed--> ReaderFeed (plain text, ISO dates, canonical URLs, ids)
 *
 * rss-parser reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0; the steps around it cover what it
 * cannot do alone (see canonicalize.ts and adapter.ts). A document that is not a feed at all
 * throws FeedParseError; recoverable damage (HTML entities, bare "&", a truncated end tag)
 * is repaired and listed in `warnings`, so one sloppy outlet still gets read.
 */
import { createRequire } from 'node:module';
import Parser from 'rss-parser';
import { adaptFeed, RAW, RAW_FEED_FIELDS, RAW_ITEM_FIELDS } from './adapter';
import { canonicalizeFeed } from './canonicalize';
import { decodeFeedBytes } from './encoding';
import { isWebUrl, resolveUrl } from './normalize';
import { urlForLog } from '../redact-url';
import type { ReaderFeed } from './types';
import { parseXmlTree, XmlBudgetError, type XmlLimits } from './xml-tree';
import { quoted } from '../terminal-text';

/** A document that cannot be read as a feed. Affects that feed only. */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
  constructor(
    message: string,
    /** The document URL, when known. */
    readonly url?: string,
    options?: { cause?: unknown },
  ) {
    super(url ? `${message} (${urlForLog(url)})` : message, options);
  }
}

/** HTTP response headers, as a plain object (any case) or a `Headers`. */
export type HeaderInput = Record<string, string | string[] | undefined> | Headers;

export interface ParseOptions {
  /** The document's URL: the base for relative links (xml:base applies on top). */
  url?: string | null;
  /** Response headers: Content-Type (charset), Content-Location (base), Content-Language. */
  headers?: HeaderInput | null;
  /** Budgets for the XML reader (items kept, entity expansion, elements); defaults in xml-tree.ts. */
  limits?: Partial<XmlLimits>;
}

/** Reads one header case-insensitively; the first value of a list. */
export function headerValue(headers: HeaderInput | null | undefined, name: string): string | null {
  if (!headers) return null;
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return headers.get(name);
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== wanted || v === undefined) continue;
    return Array.isArray(v) ? v[0] ?? null : v;
  }
  return null;
}

/**
 * The base URI of a document: Content-Location resolved against the request URL when it is
 * a web URL (a `javascript:` or `data:` value must never become the base), else the URL.
 */
export function documentBase(url: string | null | undefined, contentLocation: string | null | undefined): string | null {
  const base = url && isWebUrl(url) ? url : null;
  if (contentLocation) {
    const resolved = resolveUrl(contentLocation, base);
    if (isWebUrl(resolved)) return resolved;
  }
  return base;
}

// rss-parser adds a `contentSnippet` to every description and content:encoded with the regex
// /<(?:.|\n)*?>/, which scans to the end of the text from every "<" that is never closed: a
// description of "<a" repeated froze the process for minutes. We never read the snippet (the
// adapter reads our raw nodes), so its computation is switched off in the module rss-parser
// itself calls through.
const rssParserUtils = createRequire(import.meta.url)('rss-parser/lib/utils.js') as { getSnippet: (s: string) => string };
rssParserUtils.getSnippet = () => '';

const customFields = {
  feed: RAW_FEED_FIELDS.map((name) => [name, RAW + name, { keepArray: true }]),
  item: RAW_ITEM_FIELDS.map((name) => [name, RAW + name, { keepArray: true }]),
};

/**
 * Parses a feed. Pass bytes when you have them (the charset is then decided from the BOM,
 * Content-Type and XML declaration, see encoding.ts); pass text when it is already decoded.
 */
export async function parseFeed(input: string | Uint8Array, options: ParseOptions = {}): Promise<ReaderFeed> {
  const url = options.url ?? undefined;
  const warnings: string[] = [];
  const contentType = headerValue(options.headers, 'content-type');
  // Servers that label a feed text/plain or text/html are misconfigured; worth reporting.
  if (contentType && !/xml|rss|atom|rdf/i.test(contentType)) warnings.push(`Content-Type "${contentType}" is not an XML type`);
  let text: string;
  let encoding: string | null = null;
  if (typeof input === 'string') {
    text = input;
  } else {
    const decoded = decodeFeedBytes(input, contentType);
    text = decoded.text;
    encoding = decoded.encoding;
    warnings.push(...decoded.warnings);
  }

  let tree;
  try {
    tree = parseXmlTree(text, options.limits);
  } catch (err) {
    if (err instanceof XmlBudgetError) throw new FeedParseError(`feed refused: ${err.message}`, url, { cause: err });
    throw err;
  }
  if (!tree.root) throw new FeedParseError('not a feed: no XML element found', url);
  warnings.push(...tree.warnings);

  const canonical = canonicalizeFeed(tree.root, {
    baseUrl: documentBase(url, headerValue(options.headers, 'content-location')),
    defaultLanguage: headerValue(options.headers, 'content-language'),
  });
  if (!canonical.format) {
    throw new FeedParseError(`not an RSS or Atom feed: the root element is <${quoted(canonical.rootName)}>`, url);
  }
  warnings.push(...canonical.warnings);

  // A new parser per call: xml2js parsers keep state between parseString calls.
  const parser = new Parser<Record<string, unknown>, Record<string, unknown>>({
    defaultRSS: 2, // <rss> without a version attribute is common in the wild
    customFields: customFields as unknown as Parser.CustomFields<Record<string, unknown>, Record<string, unknown>>,
  });
  let out: Record<string, unknown>;
  try {
    out = (await parser.parseString(canonical.xml)) as unknown as Record<string, unknown>;
  } catch (err) {
    throw new FeedParseError(`feed could not be parsed: ${quoted((err as Error)?.message ?? String(err), 300)}`, url, { cause: err });
  }
  return { ...adaptFeed(out, canonical.format), encoding, warnings, itemsDropped: tree.itemsDropped };
}
