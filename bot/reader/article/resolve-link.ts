/**
 * News-search feeds link to the search engine, not to the article: Bing wraps the publisher's
 * URL in an `apiclick.aspx?...&url=` redirect, Google News in an opaque encoded path. The
 * page to read is the publisher's, so this finds it where the item gives it:
 *
 * 1. Bing's `url=` parameter; Google News article ids of the older kind, which are base64 of
 *    a small protobuf holding the publisher's URL (newer ids are opaque: unresolved);
 * 2. a link of the item on a host that is not a search engine (Atom alternate links,
 *    the RSS `<source url>` when it names an article rather than a site's home page);
 * 3. a publisher URL written in the item's description;
 * 4. the item's own link, when it is not a search engine's (GDELT links are direct).
 *
 * Otherwise the link is unresolved (Google News articles as a rule): fetching Google's page
 * would read Google, not the outlet, so the item is decided on its title as before.
 */
import type { IncomingItem } from '../processor';
import type { ReaderItem } from '../types';

/** Hosts whose links lead to a search engine's page rather than the article. */
const AGGREGATORS = /(^|\.)(news\.google\.[a-z.]+|google\.[a-z.]+|bing\.com|msn\.com|news\.yahoo\.com)$/i;

function httpUrl(raw: string | null | undefined): URL | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

export function isAggregatorUrl(raw: string): boolean {
  const u = httpUrl(raw);
  return u !== null && AGGREGATORS.test(u.hostname);
}

/** A link that can be an article: a publisher's host, and a path beyond the home page. */
function articleLike(raw: string | null | undefined): string | null {
  const u = httpUrl(raw);
  if (!u || AGGREGATORS.test(u.hostname)) return null;
  return u.pathname.replace(/\/+$/, '') === '' && !u.search ? null : u.href;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>()]+/gi;

/** The publisher URL inside an older Google News article id (`/rss/articles/CBMi...`), if any. */
export function googleNewsUrl(u: URL): string | null {
  const id = /\/articles\/([A-Za-z0-9_-]+)/.exec(u.pathname)?.[1];
  if (!id) return null;
  const bytes = Buffer.from(id.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
  const m = /https?:\/\/[\x21-\x7e]+/.exec(bytes);
  if (!m) return null;
  // The URL is a length-prefixed protobuf field; the next field's tag byte may follow it.
  let raw = m[0];
  const lengthByte = bytes.charCodeAt(m.index - 1);
  if (lengthByte > 0 && lengthByte < raw.length) raw = raw.slice(0, lengthByte);
  return articleLike(raw);
}

export type ResolvedLink = { url: string } | { url: null; unresolved: string };

/** The publisher's URL for an item, or why there is none. */
export function resolvePublisherUrl(item: IncomingItem): ResolvedLink {
  const own = httpUrl(item.url);
  if (own && !AGGREGATORS.test(own.hostname)) return { url: own.href };
  if (own && /(^|\.)bing\.com$/i.test(own.hostname)) {
    const wrapped = articleLike(own.searchParams.get('url'));
    if (wrapped) return { url: wrapped };
  }
  if (own && /(^|\.)news\.google\.[a-z.]+$/i.test(own.hostname)) {
    const inside = googleNewsUrl(own);
    if (inside) return { url: inside };
  }
  const reader = item as Partial<ReaderItem>;
  for (const l of reader.links ?? []) {
    const hit = articleLike(l.href);
    if (hit) return { url: hit };
  }
  const source = articleLike(item.source?.href);
  if (source) return { url: source };
  for (const m of `${item.summary ?? ''} ${item.content ?? ''}`.matchAll(URL_IN_TEXT)) {
    const hit = articleLike(m[0].replace(/[.,;:!?»”]+$/, ''));
    if (hit) return { url: hit };
  }
  if (!own) return { url: null, unresolved: 'the item has no link' };
  return { url: null, unresolved: `${own.hostname} link without the publisher's URL` };
}
