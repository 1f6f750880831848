/**
 * Turns rss-parser's output into the reader's model (`ReaderFeed` / `ReaderItem`).
 *
 * rss-parser walks the channel/feed and its items; through `customFields` (RAW_FEED_FIELDS,
 * RAW_ITEM_FIELDS) it also hands us the raw xml2js nodes of every element we care about,
 * with their attributes. We read those rather than rss-parser's flattened defaults, because
 * the decisions need attributes it drops (Atom `rel` and `type`, `isPermaLink`) and the
 * annotations `canonicalize.ts` added (`nw:type`, `nw:abs`, `nw:seq`, `nw:lang`).
 */
import type { FeedFormat } from './canonicalize';
import { toIsoDate } from './dates';
import { canonicalUrl, capText, collapseWhitespace, fnv1a64, isWebUrl, plainText, stableId, type TextType } from './normalize';
import type { FeedLink, Person, ReaderFeed, ReaderItem } from './types';

/**
 * Sizes a feed value may have, in characters; longer ones are cut with "…". A title is a
 * line, a lead a paragraph or two, a text an article: a 4 MB title is an attack, not news.
 */
export const FIELD_LIMITS = {
  title: 500,
  summary: 5_000,
  content: 100_000,
  /** Names, tags, ids and other short strings. */
  short: 500,
  /** A URL longer than this is not followed or shown. */
  url: 4_096,
};

/** Prefix of the keys under which rss-parser copies our raw nodes. */
export const RAW = 'raw:';

/** Channel/feed elements copied raw, by canonical name. */
export const RAW_FEED_FIELDS = [
  '$', 'title', 'dc:title', 'atom:title', 'subtitle', 'tagline', 'description', 'dc:description',
  'atom:subtitle', 'itunes:subtitle', 'itunes:summary', 'link', 'atom:link', 'id', 'atom:id',
  'language', 'dc:language', 'author', 'atom:author', 'managingEditor', 'dc:creator', 'dc:author',
  'itunes:author', 'updated', 'modified', 'lastBuildDate', 'dc:date', 'dcterms:modified',
  'atom:updated', 'published', 'issued', 'pubDate', 'dcterms:issued', 'atom:published', 'image',
  'itunes:image', 'itunes:link', 'logo', 'category', 'atom:category', 'dc:subject', 'itunes:category',
  'media:category',
];

/** Item/entry elements copied raw, by canonical name. */
export const RAW_ITEM_FIELDS = [
  '$', 'title', 'dc:title', 'media:title', 'atom:title', 'link', 'atom:link', 'guid', 'id',
  'atom:id', 'description', 'summary', 'dc:description', 'itunes:summary', 'atom:summary',
  'content:encoded', 'content', 'atom:content', 'fullitem', 'xhtml:body', 'body', 'media:group',
  'media:description', 'published', 'issued', 'pubDate', 'dcterms:issued', 'atom:published',
  'updated', 'modified', 'dc:date', 'dcterms:modified', 'atom:updated', 'author', 'atom:author',
  'dc:creator', 'dc:author', 'itunes:author', 'enclosure', 'category', 'atom:category',
  'dc:subject', 'itunes:category', 'media:category', 'tags', 'comments', 'source', 'itunes:image',
  'itunes:link', 'media:thumbnail', 'dc:language', 'language',
];

/** An xml2js node: text under `_`, attributes under `$`, child elements as arrays. */
interface Node {
  _?: unknown;
  $?: Record<string, string>;
  [child: string]: unknown;
}

type Raw = Record<string, unknown>;

function asNode(x: unknown): Node {
  if (typeof x === 'string') return { _: x };
  return x && typeof x === 'object' ? (x as Node) : {};
}

function list(v: unknown): Node[] {
  return Array.isArray(v) ? v.map(asNode) : [];
}

/** The raw nodes rss-parser copied for one or more names, in document order. */
function raw(obj: Raw, ...names: string[]): Node[] {
  const all = names.flatMap((n) => list(obj[RAW + n]));
  return all.length > 1 && names.length > 1 ? all.sort((a, b) => seq(a) - seq(b)) : all;
}

/** Child elements of a raw node, in document order. */
function kids(node: Node | undefined, ...names: string[]): Node[] {
  if (!node) return [];
  const all = names.flatMap((n) => list(node[n]));
  return all.length > 1 ? all.sort((a, b) => seq(a) - seq(b)) : all;
}

function seq(n: Node): number {
  return Number(n.$?.['nw:seq'] ?? 0);
}

function text(n: Node | undefined): string {
  return n && typeof n._ === 'string' ? n._ : '';
}

function attr(n: Node | undefined, name: string): string | null {
  const v = n?.$?.[name];
  return typeof v === 'string' ? v : null;
}

/** Plain text of a text construct, read as the canonicaliser typed it. */
function value(n: Node | undefined, maxChars: number): string {
  if (!n) return '';
  return plainText(text(n), (attr(n, 'nw:type') as TextType | null) ?? 'text', maxChars);
}

/**
 * URLs we hand out are http(s) only: feed text is untrusted, and a `javascript:` link must
 * never reach the dashboard, an alert or the extension. (Ids are not URLs and are not filtered.)
 */
function web(url: string | null | undefined): string | null {
  return isWebUrl(url) && url.length <= FIELD_LIMITS.url ? url.trim() : null;
}

/** A URI-valued element: resolved (`nw:abs`) if we have it, else its trimmed text. */
function uri(n: Node | undefined): string | null {
  if (!n) return null;
  return attr(n, 'nw:abs') ?? (text(n).trim() || null);
}

function firstValue(nodes: Node[], maxChars: number): string {
  for (const n of nodes) {
    const v = value(n, maxChars);
    if (v) return v;
  }
  return '';
}

/** The last date in document order that parses (Atom and RSS both let later values win). */
function dateOf(nodes: Node[]): { iso: string | null; raw: string | null } {
  let lastRaw: string | null = null;
  for (const n of [...nodes].reverse()) {
    const r = collapseWhitespace(text(n));
    if (!r) continue;
    lastRaw ??= r;
    const iso = toIsoDate(r);
    if (iso) return { iso, raw: r };
  }
  return { iso: null, raw: lastRaw };
}

const EMAIL = /(?:mailto:)?([^\s()<>"',;:[\]]+@[^\s()<>"',;:[\]]+\.[^\s()<>"',;:[\]]+)/i;

/** "Name (email)", "email (Name)", "Name <email>", or either alone (RSS author strings). */
export function parsePerson(s: string): Person {
  const t = collapseWhitespace(s);
  const m = EMAIL.exec(t);
  if (!m) return { name: t || null, email: null, href: null };
  const name = collapseWhitespace((t.slice(0, m.index) + ' ' + t.slice(m.index + m[0].length)).replace(/[()<>[\]]/g, ' '));
  return { name: name || null, email: m[1], href: null };
}

function person(n: Node): Person | null {
  const parts = kids(n, 'name', 'email', 'uri', 'url', 'homepage', 'atom:name', 'atom:email', 'atom:uri');
  if (parts.length) {
    const name = plainText(text(kids(n, 'name', 'atom:name')[0]), 'text', FIELD_LIMITS.short) || null;
    const email = plainText(text(kids(n, 'email', 'atom:email')[0]), 'text', FIELD_LIMITS.short) || null;
    const href = web(uri(kids(n, 'uri', 'url', 'homepage', 'atom:uri')[0]));
    return name || email || href ? { name, email, href } : null;
  }
  const t = plainText(text(n), 'text', FIELD_LIMITS.short);
  return t ? parsePerson(t) : null;
}

function persons(nodes: Node[]): Person[] {
  return nodes.map(person).filter((p): p is Person => p !== null);
}

/** feedparser's `author` string: "Name (email)" when both are known. */
export function personString(p: Person | undefined): string | null {
  if (!p) return null;
  if (p.name && p.email) return `${p.name} (${p.email})`;
  return p.name ?? p.email ?? null;
}

const IANA_REL = 'http://www.iana.org/assignments/relation/';

function links(obj: Raw): FeedLink[] {
  const out: FeedLink[] = [];
  for (const n of raw(obj, 'link', 'atom:link')) {
    const href = web(attr(n, 'href') ?? uri(n));
    if (!href) continue;
    let rel = (attr(n, 'rel') ?? 'alternate').trim().toLowerCase() || 'alternate';
    if (rel.startsWith(IANA_REL)) rel = rel.slice(IANA_REL.length);
    out.push({ href, rel, type: attr(n, 'type'), length: attr(n, 'length'), title: attr(n, 'title') });
  }
  return out;
}

function primaryLink(all: FeedLink[]): string | null {
  const alternates = all.filter((l) => l.rel === 'alternate');
  return (alternates.find((l) => !l.type || /html/i.test(l.type)) ?? alternates[0])?.href ?? null;
}

/** Tags kept per feed or item: more is noise, and each costs work downstream. */
const MAX_TAGS = 100;

function tags(obj: Raw): string[] {
  const out: string[] = [];
  const add = (t: string | null): void => {
    const c = t ? capText(collapseWhitespace(t.slice(0, FIELD_LIMITS.short * 8)), FIELD_LIMITS.short) : '';
    if (c) out.push(c);
  };
  const addItunes = (n: Node): void => {
    if (out.length >= MAX_TAGS) return;
    add(attr(n, 'text'));
    for (const sub of kids(n, 'itunes:category')) addItunes(sub);
  };
  // Sets, not arrays: `includes` in this loop was quadratic on 185,000 <itunes:category>.
  const lists = new Set(raw(obj, 'tags'));
  const itunes = new Set(raw(obj, 'itunes:category'));
  for (const n of raw(obj, 'tags', 'category', 'atom:category', 'dc:subject', 'itunes:category', 'media:category')) {
    if (out.length >= MAX_TAGS) break;
    if (lists.has(n)) text(n).split(',').forEach(add); // <tags>one, two</tags>
    else if (itunes.has(n)) addItunes(n);
    else add(attr(n, 'term') ?? text(n));
  }
  return out.slice(0, MAX_TAGS);
}

function language(...candidates: Array<string | null | undefined>): string | null {
  for (const c of candidates) {
    const t = c?.trim().replace(/_/g, '-');
    if (t) return t;
  }
  return null;
}

/** Maps one item/entry. */
function item(obj: Raw): ReaderItem {
  const attrs = (obj[RAW + '$'] as Record<string, string> | undefined) ?? {};
  const allLinks = links(obj);
  const guid = raw(obj, 'guid')[0];
  let link = primaryLink(allLinks);
  if (!link && guid && attr(guid, 'isPermaLink')?.trim().toLowerCase() !== 'false') {
    link = web(uri(guid));
  }
  const group = raw(obj, 'media:group')[0];
  const summaries = raw(obj, 'description', 'summary', 'dc:description', 'itunes:summary', 'atom:summary');
  // feedparser's rule: the first description-like element is the summary, later ones are content.
  const contents = [
    ...raw(obj, 'content:encoded', 'content', 'atom:content', 'fullitem', 'xhtml:body', 'body'),
    ...summaries.slice(1),
  ].sort((a, b) => seq(a) - seq(b));
  const T = FIELD_LIMITS.title;
  const title = firstValue(raw(obj, 'title'), T) || firstValue(raw(obj, 'dc:title'), T) ||
    firstValue(raw(obj, 'atom:title'), T) || firstValue(raw(obj, 'media:title'), T);
  const summary = value(summaries[0], FIELD_LIMITS.summary) ||
    firstValue([...raw(obj, 'media:description'), ...kids(group, 'media:description')], FIELD_LIMITS.summary);
  const published = dateOf(raw(obj, 'published', 'issued', 'pubDate', 'dcterms:issued', 'atom:published'));
  const updated = dateOf(raw(obj, 'updated', 'modified', 'dc:date', 'dcterms:modified', 'atom:updated'));
  const authors = persons(raw(obj, 'author', 'atom:author', 'dc:creator', 'dc:author', 'itunes:author'));
  const enclosures = [
    ...raw(obj, 'enclosure').map((n) => ({ url: web(attr(n, 'url')) ?? '', type: attr(n, 'type'), length: attr(n, 'length') })),
    ...allLinks.filter((l) => l.rel === 'enclosure').map((l) => ({ url: l.href, type: l.type, length: l.length })),
  ].filter((e) => e.url);
  const url = canonicalUrl(link);
  const rawId = (guid && text(guid).trim()) || uri(raw(obj, 'id', 'atom:id')[0]) || attrs['rdf:about']?.trim() || null;
  // An id is compared, not shown: a long one is replaced by its hash rather than cut (no collisions).
  const feedId = rawId && rawId.length > FIELD_LIMITS.url ? `urn:nadzor:long-id:${fnv1a64(rawId)}` : rawId;
  const source = raw(obj, 'source')[0];
  const itunesImage = raw(obj, 'itunes:image')[0];
  const imageLink = raw(obj, 'itunes:link').find((n) => attr(n, 'rel') === 'image');
  return {
    id: feedId ?? stableId({ url, title, summary }),
    idIsDerived: !feedId,
    url,
    link,
    title,
    summary,
    content: firstValue(contents, FIELD_LIMITS.content),
    published: published.iso,
    updated: updated.iso,
    publishedRaw: published.raw,
    updatedRaw: updated.raw,
    author: authors[0] ? authors[0].name ?? authors[0].email : null,
    authors,
    enclosures,
    links: allLinks,
    tags: tags(obj),
    comments: web(uri(raw(obj, 'comments')[0])),
    source: source && (text(source).trim() || attr(source, 'url'))
      ? { title: plainText(text(source), 'text', FIELD_LIMITS.short), href: web(attr(source, 'url')) }
      : null,
    image: web(attr(itunesImage, 'href') ?? attr(itunesImage, 'url') ?? attr(imageLink, 'href')),
    thumbnails: [...raw(obj, 'media:thumbnail'), ...kids(group, 'media:thumbnail')]
      .map((n) => web(attr(n, 'url')))
      .filter((u): u is string => !!u),
    language: language(text(raw(obj, 'dc:language')[0]), text(raw(obj, 'language')[0])),
  };
}

/** Maps rss-parser's output (with our raw fields) to a `ReaderFeed`. */
export function adaptFeed(out: Raw & { items?: unknown }, format: FeedFormat): Omit<ReaderFeed, 'encoding' | 'warnings' | 'itemsDropped'> {
  const attrs = (out[RAW + '$'] as Record<string, string> | undefined) ?? {};
  const allLinks = links(out);
  const image = raw(out, 'image')[0];
  const itunesImage = raw(out, 'itunes:image')[0];
  const published = dateOf(raw(out, 'published', 'issued', 'pubDate', 'dcterms:issued', 'atom:published'));
  const updated = dateOf(raw(out, 'updated', 'modified', 'lastBuildDate', 'dc:date', 'dcterms:modified', 'atom:updated'));
  const items = Array.isArray(out.items) ? (out.items as Raw[]).map(item) : [];
  const T = FIELD_LIMITS.title;
  const S = FIELD_LIMITS.summary;
  return {
    format,
    title: firstValue(raw(out, 'title'), T) || firstValue(raw(out, 'dc:title'), T) || firstValue(raw(out, 'atom:title'), T),
    link: primaryLink(allLinks),
    language: language(text(raw(out, 'language')[0]), text(raw(out, 'dc:language')[0]), attrs['nw:lang']),
    subtitle: firstValue(raw(out, 'subtitle'), S) || firstValue(raw(out, 'tagline'), S) ||
      firstValue(raw(out, 'description'), S) || firstValue(raw(out, 'dc:description'), S) ||
      firstValue(raw(out, 'atom:subtitle'), S) || firstValue(raw(out, 'itunes:subtitle'), S),
    summary: firstValue(raw(out, 'itunes:summary'), S),
    id: uri(raw(out, 'id', 'atom:id')[0]),
    authors: persons(raw(out, 'author', 'atom:author', 'managingEditor', 'dc:creator', 'dc:author', 'itunes:author')),
    links: allLinks,
    tags: tags(out),
    image: web(uri(kids(image, 'url')[0]) ?? attr(itunesImage, 'href') ?? attr(itunesImage, 'url') ??
      attr(raw(out, 'itunes:link').find((n) => attr(n, 'rel') === 'image'), 'href') ?? uri(raw(out, 'logo')[0])),
    published: published.iso,
    updated: updated.iso,
    publishedRaw: published.raw,
    updatedRaw: updated.raw,
    items,
  };
}
