/**
 * The shared data model: what a feed item becomes on its way to an alert. Used by the bot
 * (reader, storage, notify, api) and the extension alike, so it imports nothing.
 */
import type { Script } from '../text/script';

export type { Script };

/** Facets the classifier reports; the campaign knowledge (shared/context) uses the same. */
export const TOPICS = [
  'cameras',
  'face-recognition',
  'huawei-safe-city',
  'law',
  'dpia-commissioner',
  'campaign',
  'protest',
  'local-procurement',
  'spyware',
] as const;
export type Topic = (typeof TOPICS)[number];

/** Language family code: 'sr' stands for the Serbian/Croatian/Bosnian/Montenegrin group. */
export type Lang = string;

/** Input to the classifier: a feed item's title and lead, or a whole article. */
export interface ClassifyInput {
  title: string;
  text?: string;
  /** Optional hint such as 'sr', 'en', 'hr'; the classifier detects the language without it. */
  lang?: string;
  /** Optional: the feed's scope (a domestic or an international outlet). */
  scope?: Scope;
  /** Optional: the article's URL (its country domain and slug words). */
  url?: string;
}

/** What the classifier says about one item. */
export interface Classification {
  relevant: boolean;
  /** Probability-like relevance score in 0..1; `relevant` is score >= the model threshold. */
  score: number;
  topics: Topic[];
  /** Human-readable reasons: the matched concepts and terms that decided it. */
  reasons: string[];
  lang: Lang;
  script: Script | null;
}

export type Scope = 'domestic' | 'international';

/**
 * An outlet's own feed, or a news-search feed (Google News, Bing News, GDELT) whose items come
 * from many outlets, so the reader should attribute each item to its own source.
 */
export type FeedKind = 'outlet' | 'search';

/** One entry of the feeds registry (defaults or FEEDS_FILE). */
export interface FeedEntry {
  outlet: string;
  url: string;
  /** Language of the feed's items, e.g. 'sr', 'en'. */
  language: string;
  script: Script;
  scope: Scope;
  homepage: string;
  /** 'outlet' when absent. */
  kind?: FeedKind;
  /**
   * Where the entry comes from: the operator's list (default) or a chat's /feeds add. Set by
   * the bot, never read from FEEDS_FILE; chat-added feeds are fetched from public addresses only.
   */
  origin?: 'registry' | 'chat';
}

/** A feed item after parsing and normalising: plain text, UTC ISO dates, canonical URL. */
export interface FeedItem {
  /** guid/id from the feed, or a stable hash of link + title when the feed has none. */
  id: string;
  url: string | null;
  title: string;
  summary: string;
  content: string;
  published: string | null;
  updated: string | null;
  author: string | null;
  enclosures: Array<{ url: string; type: string | null; length: string | null }>;
}

export interface ParsedFeed {
  title: string;
  link: string | null;
  language: string | null;
  items: FeedItem[];
}

/** A stored article: a feed item with its outlet and classification. */
export interface Article {
  id: number;
  feedUrl: string | null;
  outlet: string;
  scope: Scope;
  guid: string;
  url: string | null;
  title: string;
  text: string;
  published: string | null;
  fetchedAt: string;
  storyId: number | null;
  classification: Classification;
}

/** Copies of one report across outlets and scripts. */
export interface Story {
  id: number;
  title: string;
  firstSeen: string;
  articleIds: number[];
  outlets: string[];
}

export type AlertKind = 'new' | 'follow-up';

/** A row of the durable outbox: one alert for one destination. */
export interface Alert {
  id: number;
  articleId: number;
  storyId: number | null;
  kind: AlertKind;
  target: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  remoteId: string | null;
}

/** One bucket of a coverage query. */
export interface CoverageRow {
  bucket: string;
  key: string;
  articles: number;
  stories: number;
}
