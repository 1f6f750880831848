/**
 * The article stage: between the parser and the processor, it reads the article page of the
 * new items whose feed text cannot carry the decision (select.ts) and hands them on with
 * `item.page` set. The processor then classifies on title + lead + page (decide.ts).
 *
 * - Once per URL: every page asked for is recorded in storage (the page cache), so no URL is
 *   fetched twice, restarts included; two feeds asking for the same URL at once share one fetch.
 * - Politeness: pages go through a pool that shares its per-host spacing with the feed pool
 *   (one request per host at a time, a gap between), robots.txt is honoured (robots.ts), a
 *   host gets at most `hostBudgetPerDay` page requests a day, the User-Agent says who we are.
 * - Timing: an item waits for its page at most `waitMs` (ARTICLE_WAIT_MS) from when its feed
 *   was read; after that it is decided on its feed text with status 'timeout', and the page,
 *   if it still comes, is only cached. Items of one feed wait together, in parallel, never
 *   holding a feed fetch slot.
 */
import { classify } from '../../../shared/classify/classify';
import type { Storage } from '../../storage';
import { createFetchPool, hostOf, type FetchPool, type HostGate } from '../pool';
import { fetchFeed } from '../fetcher';
import type { IncomingItem, SourceFeed } from '../processor';
import { CLASSIFY_CHARS } from './decide';
import { ARTICLE_USER_AGENT, readPage, type PageRead } from './fetch-page';
import { resolvePublisherUrl } from './resolve-link';
import { RobotsCache } from './robots';
import { pageWanted } from './select';
import type { PageOutcome, PageStatus } from './types';

export interface ArticleStageOptions {
  storage: Storage;
  /** Host spacing shared with the feed pool. */
  hosts: HostGate;
  /** ARTICLE_WAIT_MS: how long an item waits for its page. Default 30 s. */
  waitMs?: number;
  /** Whole-request timeout per page. Default the smaller of 20 s and waitMs. */
  fetchTimeoutMs?: number;
  /** Largest page accepted. Default 2 MB. */
  maxBytes?: number;
  /** Pages fetched at once across hosts. Default 4. */
  concurrency?: number;
  /** Gap between two requests to one host. Default 1 s. */
  perHostGapMs?: number;
  /** Page requests per host per 24 hours. Default 200. */
  hostBudgetPerDay?: number;
  /** First read of a feed: items older than this would not alert, so their pages are not read. */
  backlogHours?: number;
  /** Hosts that may be private (the operator's own feeds' hosts); others must be public. */
  trustedHost?: (hostname: string) => boolean;
  userAgent?: string;
  signal?: AbortSignal;
  now?: () => Date;
}

export interface ArticleStageStats {
  wanted: number;
  fetched: number;
  fromCache: number;
  /** Outcomes by status, this process. */
  byStatus: Record<string, number>;
}

export function createArticleStage(options: ArticleStageOptions) {
  const { storage } = options;
  const now = options.now ?? (() => new Date());
  const waitMs = options.waitMs ?? 30_000;
  const budget = options.hostBudgetPerDay ?? 200;
  const backlogMs = (options.backlogHours ?? 24) * 3600_000;
  const userAgent = options.userAgent ?? ARTICLE_USER_AGENT;
  const pool: FetchPool = createFetchPool({
    concurrency: options.concurrency ?? 4,
    perHostGapMs: options.perHostGapMs ?? 1000,
    hosts: options.hosts,
  });
  const fetchOptions = {
    timeoutMs: options.fetchTimeoutMs ?? Math.min(20_000, waitMs),
    connectTimeoutMs: Math.min(10_000, options.fetchTimeoutMs ?? waitMs),
    maxBytes: options.maxBytes ?? 2 * 1024 * 1024,
    trustedHost: options.trustedHost,
    signal: options.signal,
    userAgent,
  };
  const robots = new RobotsCache(async (url, maxBytes) => {
    const res = await pool.run(url, () => fetchFeed(url, { ...fetchOptions, maxBytes, publicOnly: true, headers: { accept: 'text/plain, */*;q=0.1' } }));
    return res.notModified ? '' : res.text;
  });
  const inFlight = new Map<string, Promise<PageRead | null>>();
  /** Pages asked for per host and not yet recorded (for the budget). */
  const pendingByHost = new Map<string, number>();
  const stats: ArticleStageStats = { wanted: 0, fetched: 0, fromCache: 0, byStatus: {} };

  function count(status: PageStatus): void {
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  }

  /** Until when someone waits for a URL's page: a page whose turn comes later is not read. */
  const waitedUntil = new Map<string, number>();

  /**
   * robots.txt first (read once per origin, itself a request in the host's queue), then the
   * page through the pool; records the outcome. Never throws. A disallowed page makes no
   * request and so takes no place in the host's queue.
   */
  async function fetchAndRecord(url: string): Promise<PageRead | null> {
    const host = hostOf(url);
    let allowed: boolean;
    try {
      allowed = await robots.allowed(url);
    } catch {
      allowed = false;
    }
    const read: PageRead | null = !allowed
      ? { status: 'robots', finalUrl: null, encoding: null, method: null, lead: '', body: '', error: 'disallowed by robots.txt' }
      : await pool.run(url, async () => {
          // Its turn came after every item waiting for it gave up: nobody would read it now.
          if (Date.now() >= (waitedUntil.get(url) ?? 0)) return null;
          stats.fetched++;
          return readPage(url, fetchOptions);
        });
    // A shutdown in the middle is not an outcome: nothing is recorded, the next start asks again.
    if (read && !options.signal?.aborted) {
      await storage.pages.put({ url, host, fetchedAt: now().toISOString(), ...read });
    }
    return read;
  }

  /**
   * The page of `url`: from the page cache, or fetched once however many items ask for it at
   * the same time (the first caller's promise is shared from before any storage call, so two
   * items never both miss it).
   */
  function pageFor(url: string, deadline: number): Promise<PageRead | null> {
    waitedUntil.set(url, Math.max(waitedUntil.get(url) ?? 0, deadline));
    const pending = inFlight.get(url);
    if (pending) return pending;
    const p = (async (): Promise<PageRead | null> => {
      const cached = await storage.pages.get(url);
      if (cached) {
        stats.fromCache++;
        return { ...cached, status: cached.status as PageStatus, method: cached.method as PageRead['method'] };
      }
      const host = hostOf(url);
      const since = new Date(now().getTime() - 24 * 3600_000).toISOString();
      const recorded = await storage.pages.countForHost(host, since);
      // No await between this check and the increment: fetches started meanwhile are counted.
      if (recorded + (pendingByHost.get(host) ?? 0) >= budget) {
        return { status: 'over budget', finalUrl: null, encoding: null, method: null, lead: '', body: '', error: `more than ${budget} pages from ${host} in 24 hours` };
      }
      pendingByHost.set(host, (pendingByHost.get(host) ?? 0) + 1);
      try {
        return await fetchAndRecord(url);
      } finally {
        pendingByHost.set(host, pendingByHost.get(host)! - 1);
      }
    })().finally(() => {
      inFlight.delete(url);
      waitedUntil.delete(url);
    });
    inFlight.set(url, p);
    return p;
  }

  /** Waits for `p` until `deadline`; null when the time is up first. */
  function until<T>(p: Promise<T | null> | T, deadline: number): Promise<T | null> {
    if (!(p instanceof Promise)) return Promise.resolve(p);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()));
      p.then(
        (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        () => {
          clearTimeout(timer);
          resolve(null);
        },
      );
    });
  }

  /** Which page an item wants and why, or null (decided on its feed text). */
  async function want(feed: SourceFeed, item: IncomingItem, firstRead: boolean): Promise<string | null> {
    if (await storage.articles.findDuplicate({ guid: item.id, feedUrl: feed.url, url: item.url })) return null;
    const published = item.published ?? item.updated ?? null;
    if (firstRead && (published === null || now().getTime() - Date.parse(published) > backlogMs)) return null;
    const text = (item.summary || item.content || '').trim();
    const hint = feed.kind === 'search' ? undefined : feed.language ?? undefined;
    const scope = feed.kind === 'search' ? undefined : feed.scope;
    const score = classify({ title: item.title, text: text.slice(0, CLASSIFY_CHARS), lang: hint, scope, url: item.url ?? undefined }).score;
    return pageWanted(text, score);
  }

  async function pageOf(feed: SourceFeed, item: IncomingItem, wanted: string, deadline: number): Promise<PageOutcome> {
    const none = { lead: '', body: '', method: null, wanted };
    const resolved = feed.kind === 'search' ? resolvePublisherUrl(item) : item.url ? { url: item.url } : { url: null, unresolved: 'no link' };
    if (resolved.url === null) return { ...none, status: 'unresolved link', url: null };
    const read = await until(pageFor(resolved.url, deadline), deadline);
    if (!read) return { ...none, status: 'timeout', url: resolved.url };
    return { status: read.status, url: resolved.url, lead: read.lead, body: read.body, method: read.method, wanted };
  }

  return {
    /**
     * Returns the feed's items, those that want a page with `page` set. Waits at most
     * `waitMs` for all of them (they are read in parallel).
     */
    async prepare(feed: SourceFeed, items: IncomingItem[], opts: { firstRead: boolean }): Promise<IncomingItem[]> {
      const deadline = Date.now() + waitMs;
      return Promise.all(
        items.map(async (item) => {
          const wanted = await want(feed, item, opts.firstRead);
          if (!wanted) return item;
          stats.wanted++;
          const page = await pageOf(feed, item, wanted, deadline);
          count(page.status);
          return { ...item, page };
        }),
      );
    },

    /** Resolves once no page is being read (tests, shutdown). */
    idle(): Promise<void> {
      return pool.onIdle();
    },

    stats(): ArticleStageStats {
      return { ...stats, byStatus: { ...stats.byStatus } };
    },
  };
}

export type ArticleStage = ReturnType<typeof createArticleStage>;
