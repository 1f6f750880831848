/**
 * What the reader returns: the shared `ParsedFeed` / `FeedItem` (shared/model/types.ts), plus
 * details the rest of the pipeline may use and the peer-feeds suite measures. These extend
 * the shared types rather than change them, so everything downstream that expects a
 * `ParsedFeed` accepts a `ReaderFeed` as is.
 */
import type { FeedItem, ParsedFeed } from '../../shared/model/types';
import type { FeedFormat } from './canonicalize';

/** A person as feeds describe them: Atom author/contributor, or RSS "email (Name)" strings. */
export interface Person {
  name: string | null;
  email: string | null;
  href: string | null;
}

/** A link element: Atom `<link>` or `atom:link`, or RSS `<link>` (rel "alternate"). */
export interface FeedLink {
  href: string;
  rel: string;
  type: string | null;
  length: string | null;
  title: string | null;
}

export interface ReaderItem extends FeedItem {
  /**
   * The item's link as the feed gives it, resolved against xml:base / the document URL but
   * otherwise untouched. `url` is the canonical form of it (tracking removed) and is what the
   * pipeline stores; `link` is kept for display and for comparison with other parsers.
   * Like every URL in these types it is http(s) or null: other schemes are dropped.
   */
  link: string | null;
  /** True when `id` was derived (hash of canonical URL + title), not read from the feed. */
  idIsDerived: boolean;
  authors: Person[];
  links: FeedLink[];
  /** Categories, tags, keywords, in document order. */
  tags: string[];
  /** Raw date strings as written in the feed, before parsing. */
  publishedRaw: string | null;
  updatedRaw: string | null;
  comments: string | null;
  source: { title: string; href: string | null } | null;
  image: string | null;
  thumbnails: string[];
  language: string | null;
}

export interface ReaderFeed extends ParsedFeed {
  items: ReaderItem[];
  format: FeedFormat;
  subtitle: string;
  /** Atom feed id, resolved against the base. */
  id: string | null;
  authors: Person[];
  links: FeedLink[];
  tags: string[];
  image: string | null;
  published: string | null;
  updated: string | null;
  publishedRaw: string | null;
  updatedRaw: string | null;
  /** itunes:summary of the channel, when present. */
  summary: string;
  /** The charset the bytes were decoded with; null when text was given. */
  encoding: string | null;
  /**
   * Problems found and repaired on the way (charset conflicts, HTML entities in XML, unclosed
   * tags). Non-empty is what feedparser calls "bozo": the data is still usable.
   */
  warnings: string[];
  /** Older items left out because the feed had more than the limit (FEED_MAX_ITEMS). */
  itemsDropped: number;
}
