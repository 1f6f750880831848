/**
 * The peer-feeds suite (../shared/peer-feeds, 571 cases from feedparser's test corpus) run
 * through our real decode + parse pipeline, compared field by field with feedparser's results.
 *
 * - Cases with a `url` are read as an HTTP response: the bytes go to `parseFeed` with that URL
 *   and those headers, which decodes them with `decodeFeedBytes`, the function the fetcher uses.
 * - `toFeedparserView` maps our model onto feedparser's paths. Links are compared in their
 *   resolved-but-raw form (`ReaderItem.link`), never the canonical `url` (tracking removed):
 *   canonicalisation is a separate step and must not blur this comparison.
 * - Our text fields are plain text, so for HTML-bearing values (valueType text/html, xhtml,
 *   octet-stream) the expected markup is reduced the same way before comparing, as the suite's
 *   README prescribes; such passes are counted as "normalised", apart from exact passes.
 * - meta tier (bozo, encoding) is reported, not asserted: `warnings` stands for bozo, and our
 *   charset rules follow WHATWG rather than RFC 3023 on purpose (see encoding.ts).
 *
 * Every expectation we fail on purpose or knowingly is in KNOWN_DEVIATIONS with its reason;
 * the test fails if a core expectation fails without an entry, or if an entry no longer fails.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { personString } from './adapter';
import { normalizeCharset } from './encoding';
import { collapseWhitespace, decodeHtmlEntities, stripTags } from './normalize';
import { parseFeed } from './parser';
import type { Person, ReaderFeed } from './types';

const ROOT = path.resolve(__dirname, '../../../shared/peer-feeds');

interface Expectation {
  path: string;
  /** `parses` is ours: "does not throw", for cases with no core/extended expectation. */
  tier: 'core' | 'extended' | 'meta' | 'parses';
  valueType?: string;
  equals?: unknown;
  oneOf?: unknown[];
  absent?: boolean;
  exists?: boolean;
}

interface Case {
  file: string;
  category: string;
  description: string;
  url?: string;
  headers?: Record<string, string>;
  expect: Expectation[];
}

/** Expectations we knowingly do not meet ("file :: path"), grouped under a named reason. */
interface Deviation {
  name: string;
  reason: string;
  expectations: string[];
}

const HTTP_TEXT_DEFAULT = ['http_text_atom_xml_default', 'http_text_rss_xml_default', 'http_text_xml_bogus_charset',
  'http_text_xml_bogus_param', 'http_text_xml_default', 'http_text_xml_epe_default', 'http_text_xml_qs'];
const CHARDET = ['big5', 'eucjp', 'euckr', 'gb2312', 'koi8r', 'shiftjis', 'tis620', 'windows1255'];

export const KNOWN_DEVIATIONS: Deviation[] = [
  {
    name: 'rfc3023-us-ascii',
    reason: 'RFC 3023 says text/* without a charset is US-ASCII and the XML declaration is ignored. We follow ' +
      'the XML declaration (or UTF-8), as browsers and most readers do, and report what we used (meta only).',
    expectations: HTTP_TEXT_DEFAULT.map((f) => `encoding/${f}.xml :: encoding`),
  },
  {
    name: 'rfc3023-override-not-flagged',
    reason: 'feedparser flags text/xml with a non-ASCII XML declaration as an encoding override (bozo). For us the ' +
      'declaration is simply the answer, so there is nothing to warn about (meta only).',
    expectations: ['encoding/bozo_http_i18n.xml :: bozo', 'illformed/http_high_bit_date.xml :: bozo'],
  },
  {
    name: 'charset-conflict-warned',
    reason: 'Content-Type says gb2312 while the XML declaration says utf-8. Both feedparser and we use the header, ' +
      'but we also add a warning, because this conflict is how misconfigured servers show up (meta only).',
    expectations: ['encoding/http_application_atom_xml_gb2312_charset_overrides_encoding.xml :: bozo'],
  },
  {
    name: 'ebcdic',
    reason: 'EBCDIC (cp037, cp500): iconv-lite has no EBCDIC codecs and no news feed uses them, so the bytes are ' +
      'not read as XML and the feed is rejected with FeedParseError.',
    expectations: ['cp037', 'cp500'].flatMap((e) => [`generated/encoding/${e}.xml :: feed.title`, `generated/encoding/${e}.xml :: encoding`]),
  },
  {
    name: 'no-cjk-charset-detection',
    reason: 'With no charset declared anywhere and bytes that are not UTF-8, we guess among windows-1251/1250/1252 ' +
      '(the Serbian and Western charsets) and do not run a general detector like chardet (meta only).',
    expectations: CHARDET.map((f) => `illformed/chardet/${f}.xml :: encoding`),
  },
  {
    name: 'unguessable-bytes',
    reason: 'A UTF-8 declaration over bytes that are not UTF-8 ("unguessable characters"). feedparser falls back to ' +
      'ISO-8859-2 and its sanitizer drops "<>"; we guess windows-1252, repair the UTF-8 runs and keep "<>" as text. ' +
      'Neither answer is right.',
    expectations: ['encoding/bozo_linenoise.xml :: entries[0].summary'],
  },
  {
    name: 'markup-expected-without-valuetype',
    reason: 'The expected summary is the HTML "&#x61;" but the case has no valueType (feedparser itself could not ' +
      'verify it, see the README). Our summary is plain text: "a", which is what that HTML says.',
    expectations: ['wellformed/sgml/charref_uppercase_x.xml :: entries[0].summary'],
  },
  {
    name: 'empty-document-is-an-error',
    reason: 'An empty document is not a feed: we throw FeedParseError (so the scheduler reports and backs off), where ' +
      'feedparser returns an empty result with bozo set.',
    expectations: ['illformed/rss_empty_document.xml :: (does not throw)', 'illformed/rss_empty_document.xml :: bozo'],
  },
];

const DEVIATION_BY_KEY = new Map(KNOWN_DEVIATIONS.flatMap((d) => d.expectations.map((k) => [k, d.name] as const)));

type Outcome = 'exact' | 'normalised' | 'failed' | 'deviation';

function iso(s: string | null): string | undefined {
  return s ? s.replace(/\.\d{3}Z$/, 'Z') : undefined;
}

function orUndefined<T>(v: T | null | undefined): T | undefined {
  return v === null || v === '' ? undefined : v;
}

function personView(p: Person | undefined): Record<string, string | undefined> | undefined {
  if (!p) return undefined;
  return { name: orUndefined(p.name), email: orUndefined(p.email), href: orUndefined(p.href) };
}

/** Our result under feedparser's field names (the README's vocabulary table). */
function toFeedparserView(feed: ReaderFeed): Record<string, unknown> {
  return {
    bozo: feed.warnings.length > 0,
    encoding: feed.encoding ?? undefined,
    feed: {
      title: feed.title,
      link: orUndefined(feed.link),
      links: feed.links.map((l) => ({ href: l.href })),
      subtitle: feed.subtitle,
      summary: orUndefined(feed.summary),
      id: orUndefined(feed.id),
      language: orUndefined(feed.language),
      author: orUndefined(personString(feed.authors[0])),
      author_detail: personView(feed.authors[0]),
      authors: feed.authors.map(personView),
      published: orUndefined(feed.publishedRaw),
      updated: orUndefined(feed.updatedRaw),
      published_parsed: iso(feed.published),
      updated_parsed: iso(feed.updated),
      image: feed.image ? { href: feed.image } : undefined,
      tags: feed.tags.map((term) => ({ term })),
    },
    entries: feed.items.map((item) => ({
      title: item.title,
      link: orUndefined(item.link),
      links: item.links.map((l) => ({ href: l.href })),
      id: item.idIsDerived ? undefined : item.id,
      summary: item.summary,
      content: item.content ? [{ value: item.content }] : [],
      published: orUndefined(item.publishedRaw),
      updated: orUndefined(item.updatedRaw),
      published_parsed: iso(item.published),
      updated_parsed: iso(item.updated),
      author: orUndefined(personString(item.authors[0])),
      author_detail: personView(item.authors[0]),
      authors: item.authors.map(personView),
      enclosures: item.enclosures.map((e) => ({ href: e.url, type: orUndefined(e.type), length: orUndefined(e.length) })),
      comments: orUndefined(item.comments),
      source: item.source ? { title: item.source.title, href: orUndefined(item.source.href) } : undefined,
      image: item.image ? { href: item.image } : undefined,
      media_thumbnail: item.thumbnails.map((url) => ({ url })),
      language: orUndefined(item.language),
      tags: item.tags.map((term) => ({ term })),
    })),
  };
}

/** Reads "entries[0].content[0].value" or "entries.length" from the view. */
function getPath(root: unknown, p: string): unknown {
  let cur: unknown = root;
  for (const part of p.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    if (part === 'length' && Array.isArray(cur)) return cur.length;
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[m[1]] : undefined;
    for (const idx of m[2].match(/\d+/g) ?? []) {
      cur = Array.isArray(cur) ? cur[Number(idx)] : undefined;
    }
  }
  return cur;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml', 'application/octet-stream']);

/** The README's reduction of expected markup to text, with whitespace collapsed. */
function reduce(expected: string, valueType: string | undefined): string {
  if (valueType && HTML_TYPES.has(valueType)) return collapseWhitespace(decodeHtmlEntities(stripTags(expected)));
  return collapseWhitespace(expected);
}

function sameEncoding(expected: unknown, got: unknown): boolean {
  if (typeof expected !== 'string' || typeof got !== 'string') return false;
  const e = expected.toLowerCase();
  return e === got || normalizeCharset(e) === got || e.replace(/[-_]/g, '') === got.replace(/[-_]/g, '');
}

function judge(x: Expectation, got: unknown): 'exact' | 'normalised' | 'failed' {
  if (x.absent) return got === undefined ? 'exact' : 'failed';
  if (x.exists) return got !== undefined && got !== null ? 'exact' : 'failed';
  const candidates = x.oneOf ?? [x.equals];
  if (candidates.some((c) => c === got)) return 'exact';
  if (x.path === 'encoding') return candidates.some((c) => sameEncoding(c, got)) ? 'normalised' : 'failed';
  if (typeof got === 'string' && candidates.some((c) => typeof c === 'string' && reduce(c, x.valueType) === got)) {
    return 'normalised';
  }
  return 'failed';
}

interface Row {
  file: string;
  category: string;
  x: Expectation;
  outcome: Outcome;
  got: unknown;
  error?: string;
}

async function runCase(c: Case): Promise<Row[]> {
  const bytes = readFileSync(path.join(ROOT, 'cases', c.file));
  let view: Record<string, unknown> | undefined;
  let error: string | undefined;
  try {
    const feed = await parseFeed(bytes, c.url ? { url: c.url, headers: c.headers } : {});
    view = toFeedparserView(feed);
  } catch (e) {
    error = (e as Error).message;
  }
  // A case with nothing left to score once meta is set aside still checks "parses without throwing".
  const expectations: Expectation[] = c.expect.some((x) => x.tier !== 'meta')
    ? c.expect
    : [...c.expect, { path: '(does not throw)', tier: 'parses', exists: true }];
  return expectations.map((x) => {
    const key = `${c.file} :: ${x.path}`;
    const got = x.path === '(does not throw)' ? (error ? undefined : true) : view ? getPath(view, x.path) : undefined;
    let outcome: Outcome = error && x.tier !== 'meta' ? 'failed' : judge(x, got);
    if (outcome === 'failed' && DEVIATION_BY_KEY.has(key)) outcome = 'deviation';
    return { file: c.file, category: c.category, x, outcome, got, error };
  });
}

function table(rows: Row[], keyOf: (r: Row) => string): Array<Record<string, string | number>> {
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, rs]) => {
    const n = (o: Outcome): number => rs.filter((r) => r.outcome === o).length;
    const pass = n('exact') + n('normalised');
    return {
      group: key, total: rs.length, exact: n('exact'), normalised: n('normalised'),
      'known deviation': n('deviation'), failed: n('failed'), 'pass %': Number(((100 * pass) / rs.length).toFixed(1)),
    };
  });
}

describe('peer-feeds (feedparser corpus)', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as Case[];

  it('runs all 571 cases through decode + parse and meets the pass-rate floor', async () => {
    expect(manifest).toHaveLength(571);
    const rows = (await Promise.all(manifest.map(runCase))).flat();
    const scored = rows.filter((r) => r.x.tier === 'core' || r.x.tier === 'extended');
    const meta = rows.filter((r) => r.x.tier === 'meta');

    console.log('\npeer-feeds by tier (meta: informational only)');
    console.table(table(rows, (r) => r.x.tier));
    console.log('peer-feeds by category (core + extended)');
    console.table(table(scored, (r) => r.category));
    console.log('peer-feeds meta by field (informational)');
    console.table(table(meta, (r) => r.x.path));

    const unexplained = rows.filter((r) => r.outcome === 'failed' && r.x.tier !== 'meta');
    for (const r of [...unexplained, ...meta.filter((m) => m.outcome === 'failed')]) {
      // Unexplained failures only: known deviations are summarised below.
      console.log(`FAIL [${r.x.tier}] ${r.file} :: ${r.x.path}: expected ${JSON.stringify(r.x.equals ?? r.x.oneOf ?? r.x)}` +
        ` (${r.x.valueType ?? 'no valueType'}), got ${JSON.stringify(r.got)}${r.error ? ` — threw: ${r.error}` : ''}`);
    }

    console.log('known deviations:');
    for (const d of KNOWN_DEVIATIONS) console.log(`  ${d.name} (${d.expectations.length}): ${d.reason}`);

    const core = rows.filter((r) => r.x.tier === 'core');
    const corePass = core.filter((r) => r.outcome === 'exact' || r.outcome === 'normalised').length / core.length;
    expect(corePass).toBeGreaterThanOrEqual(0.9);
    // Every core failure is a documented deviation ...
    expect(unexplained.filter((r) => r.x.tier === 'core' || r.x.tier === 'parses').map((r) => `${r.file} :: ${r.x.path}`)).toEqual([]);
    // ... and every documented deviation still fails (the list stays true).
    const failingKeys = new Set(rows.filter((r) => r.outcome === 'deviation').map((r) => `${r.file} :: ${r.x.path}`));
    expect([...DEVIATION_BY_KEY.keys()].filter((k) => !failingKeys.has(k))).toEqual([]);
  }, 60_000);
});
