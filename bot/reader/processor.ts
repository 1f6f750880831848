import type { Classification, FeedItem, Scope } from '../../shared/model/types';
import { fold } from '../../shared/text/fold';
import type { Storage } from '../storage';
import { metrics } from '../metrics';
import { withStoredLanguage } from './article-language';
import { fnv1a64 } from './normalize';
import { StoryIndex } from './story-index';
import { storySignature } from './story-signature';
import { decide } from './article/decide';
import { storyLead } from './article/story-text';
import type { PageOutcome } from './article/types';

/** The feed an item came from, as the processor needs it. */
export interface SourceFeed {
  url: string | null;
  outlet: string;
  scope: Scope;
  /** The feed's declared language, used as the classifier's hint for outlet feeds. */
  language?: string | null;
  /** Search feeds carry many outlets: each item's own source names its outlet. */
  kind?: 'outlet' | 'search';
}

/** An item as the processor takes it: a parsed feed item, optionally with its own source. */
export type IncomingItem = FeedItem & {
  source?: { title: string; href: string | null } | null;
  /** The article page, when the article stage (./article) read or tried to read it. */
  page?: PageOutcome | null;
};

/** A minimal article that did not come from a feed (POST /api/articles, imports). */
export interface ManualArticle {
  title: string;
  url?: string | null;
  text?: string;
  outlet: string;
  scope?: Scope;
  published?: string | null;
  lang?: string;
}

export interface ItemOutcome {
  id: number | null;
  duplicate: boolean;
  relevant: boolean;
  /** Alerts enqueued for this item ('new' or 'follow-up'), one per target. */
  alerted: number;
  followUp: boolean;
  /** Why it was not alerted, when relevant but not alerted. */
  skipped?: 'backlog' | 'below-min-score' | 'no-target' | 'alert-cap';
  classification: Classification | null;
  storyId: number | null;
}

export interface ProcessResult {
  seen: number;
  stored: number;
  duplicates: number;
  relevant: number;
  alerts: number;
  followUps: number;
  backlog: number;
  /** Relevant new items stored but not alerted because the feed reached its alert cap this cycle. */
  overAlertCap: number;
  /** Items that could not be processed (rolled back alone); the first few errors. */
  failed: number;
  errors: string[];
}

export interface ProcessorOptions {
  storage: Storage;
  /** Destinations that want an alert for this article ("console", "discord", ...). */
  targetsFor?: (article: { outlet: string; scope: Scope; title: string }, classification: Classification) => string[] | Promise<string[]>;
  /** First read of a feed: items older than this are stored and counted, not alerted. */
  backlogHours?: number;
  /** Score at or above which a relevant item is alerted; default: the classifier's decision. */
  minScore?: number;
  now?: () => Date;
}

export interface ProcessItemsOptions {
  firstRead: boolean;
  /** Alerts one feed may enqueue in one call (a cycle); relevant items past it are stored, counted, not alerted. */
  maxAlerts?: number;
}

/** An item ready to store (prepareItem), or the outcome of a duplicate. */
interface PreparedItem {
  at: Date;
  outlet: string;
  body: string;
  contentHash: string;
  classification: Classification;
  decidedOn: string;
  pageText: string;
  published: string | null;
  signature: number[];
  datedAt: number;
}
type Prepared = PreparedItem | { duplicate: ItemOutcome };

/** Any fixed number: the PostgreSQL advisory lock that serialises story grouping across instances. */
export const STORY_GROUPING_LOCK = 7_263_002;

/** Most of a long article adds nothing to the decision; the lead carries it. */
const CLASSIFY_CHARS = 4000;

/**
 * The processor: from parsed items to stored, classified, de-duplicated articles grouped into
 * stories, with their alerts in the durable outbox. Each item is one transaction, so an
 * article never exists without the alerts it should have, whenever the process dies.
 */
export function createProcessor(options: ProcessorOptions) {
  const { storage } = options;
  const now = options.now ?? (() => new Date());
  const backlogMs = (options.backlogHours ?? 24) * 3600_000;
  const targetsFor = options.targetsFor ?? (() => ['console']);
  let stories: StoryIndex | null = null;

  /** ALERT_MIN_SCORE, when set, replaces the classifier's own threshold for alerting. */
  function wantsAlert(c: Classification): boolean {
    return options.minScore === undefined ? c.relevant : c.score >= options.minScore;
  }

  /**
   * An item's work before storage: de-duplication keys, the duplicate check, classification
   * and the story signature. Kept out of the storing transaction (see processItemsInBatches).
   */
  async function prepareItem(feed: SourceFeed, item: IncomingItem): Promise<Prepared> {
    const at = now();
    const outlet = feed.kind === 'search' && item.source?.title ? item.source.title.trim() : feed.outlet;
    const text = (item.summary || item.content || '').trim();
    const body = item.content && item.content.length > text.length ? item.content : text;
    // Same outlet, same words: a re-post under a new URL. Other outlets' copies are not
    // duplicates: they count as coverage and are grouped into one story instead.
    const contentHash = fnv1a64(`${fold(outlet)}\n${fold(`${item.title} ${text}`).replace(/\s+/g, ' ').trim()}`);
    const dup = await storage.articles.findDuplicate({ guid: item.id, feedUrl: feed.url, url: item.url, contentHash });
    if (dup) {
      return { duplicate: { id: dup.id, duplicate: true, relevant: false, alerted: 0, followUp: false, classification: null, storyId: null } };
    }
    const hint = feed.kind === 'search' ? undefined : feed.language ?? undefined;
    // Title + feed text, and the article page's text when the article stage read it; besides
    // the text, the outlet's scope (search feeds mix outlets, so theirs says nothing) and the
    // URL. The stored language: franc settles it where the classifier's quick guess is
    // undecided (article-language.ts).
    const decision = decide(item.title, body, item.page, {
      lang: hint,
      scope: feed.kind === 'search' ? undefined : feed.scope,
      url: item.url ?? undefined,
    });
    const { decidedOn, pageText } = decision;
    const classification = withStoredLanguage(decision.classification, item.title, body);
    const published = item.published ?? item.updated ?? null;
    const signature = storySignature(item.title, storyLead(text, item.page));
    const datedAt = published ? Date.parse(published) : at.getTime();
    return { at, outlet, body, contentHash, classification, decidedOn, pageText, published, signature, datedAt };
  }

  /** Stores a prepared item with its story and alerts, in one transaction (a savepoint inside a batch's). */
  async function storeItem(feed: SourceFeed, item: IncomingItem, p: PreparedItem, firstRead: boolean, mayAlert: boolean): Promise<ItemOutcome> {
    const { at, outlet, body, contentHash, classification, decidedOn, pageText, published, signature, datedAt } = p;
    stories ??= await StoryIndex.load(storage.stories, at);
    let outcome!: ItemOutcome;
    await storage.transaction(async () => {
      const id = await storage.articles.insert({
        feedUrl: feed.url,
        outlet,
        scope: feed.scope,
        guid: item.id,
        url: item.url,
        canonicalUrl: item.url,
        title: item.title,
        text: body,
        published,
        fetchedAt: at.toISOString(),
        contentHash,
        classification,
        body: pageText || null,
        pageStatus: item.page?.status ?? null,
        decidedOn,
      });
      if (id === null) {
        outcome = { id: null, duplicate: true, relevant: false, alerted: 0, followUp: false, classification, storyId: null };
        return;
      }
      if (storage.dialect === 'postgres') {
        // Several instances: grouping is serialised by one transaction-level advisory lock
        // (held until this feed's transaction commits), and the index first takes in the
        // stories the others created, so two copies of one report never start two stories.
        await storage.db.get('SELECT pg_advisory_xact_lock(?)', [STORY_GROUPING_LOCK]);
        await stories!.refresh(storage.stories, at);
      }
      let storyId = stories!.find(signature, datedAt);
      if (storyId === null) {
        storyId = await storage.stories.create(item.title, published ?? at.toISOString(), signature);
        stories!.add(storyId, signature, datedAt);
      } else {
        stories!.touch(storyId, datedAt);
      }
      await storage.stories.attach(id, storyId);

      outcome = { id, duplicate: false, relevant: classification.relevant, alerted: 0, followUp: false, classification, storyId };
      if (!wantsAlert(classification)) {
        if (classification.relevant) outcome.skipped = 'below-min-score';
        return;
      }
      // Backlog rule: on a feed's first read, old items are stored and counted, not alerted.
      // An undated item on a first read counts as backlog too: it may be years old.
      if (firstRead && (published === null || at.getTime() - Date.parse(published) > backlogMs)) {
        outcome.skipped = 'backlog';
        return;
      }
      // Alert cap: one feed may not flood the channels in one cycle; the rest are stored and counted.
      if (!mayAlert) {
        outcome.skipped = 'alert-cap';
        return;
      }
      const targets = await targetsFor({ outlet, scope: feed.scope, title: item.title }, classification);
      if (targets.length === 0) outcome.skipped = 'no-target';
      for (const target of targets) {
        const kind = (await storage.alerts.alreadyAlertedStory(storyId, target)) ? 'follow-up' : 'new';
        if ((await storage.alerts.enqueue({ articleId: id, storyId, kind, target, at: at.toISOString() })) !== null) {
          outcome.alerted++;
          if (kind === 'follow-up') outcome.followUp = true;
        }
      }
    });
    if (!outcome.duplicate) metrics.articlesStored.inc();
    return outcome;
  }

  async function processOne(feed: SourceFeed, item: IncomingItem, firstRead: boolean, mayAlert = true): Promise<ItemOutcome> {
    const p = await prepareItem(feed, item);
    return 'duplicate' in p ? p.duplicate : storeItem(feed, item, p, firstRead, mayAlert);
  }

  function emptyResult(): ProcessResult {
    return { seen: 0, stored: 0, duplicates: 0, relevant: 0, alerts: 0, followUps: 0, backlog: 0, overAlertCap: 0, failed: 0, errors: [] };
  }

  /** Processes one item of a feed and adds its outcome to `result` (the alert cap counts on it). */
  async function processCounted(
    feed: SourceFeed,
    item: IncomingItem,
    opts: ProcessItemsOptions,
    result: ProcessResult,
    prepared?: Prepared | { error: unknown },
  ): Promise<void> {
    result.seen++;
    let o: ItemOutcome;
    try {
      const p = prepared ?? (await prepareItem(feed, item));
      if ('error' in p) throw p.error;
      const mayAlert = result.alerts < (opts.maxAlerts ?? Infinity);
      o = 'duplicate' in p ? p.duplicate : await storeItem(feed, item, p, opts.firstRead, mayAlert);
    } catch (err) {
      // The item's savepoint is rolled back; the story index may name a story that no
      // longer exists, so it is reloaded from storage when next needed.
      stories = null;
      result.failed++;
      if (result.errors.length < 5) result.errors.push(`${item.url ?? item.id}: ${(err as Error).message}`);
      return;
    }
    if (o.duplicate) result.duplicates++;
    else result.stored++;
    if (o.relevant) result.relevant++;
    result.alerts += o.alerted;
    if (o.followUp) result.followUps++;
    if (o.skipped === 'backlog') result.backlog++;
    if (o.skipped === 'alert-cap') result.overAlertCap++;
  }

  return {
    /** Processes one item; see ItemOutcome. */
    processItem: processOne,

    /**
     * Processes a feed's items in order and sums up what happened. The feed's items are one
     * transaction (each item a savepoint inside it): a commit per item would cost more than
     * everything else the processor does. An item that fails is rolled back alone, counted
     * and reported, and the others go on.
     */
    async processItems(feed: SourceFeed, items: IncomingItem[], opts: ProcessItemsOptions): Promise<ProcessResult> {
      const result = emptyResult();
      await storage.transaction(async () => {
        for (const item of items) await processCounted(feed, item, opts, result);
      });
      return result;
    },

    /**
     * processItems for the monitor: the items in transactions of `batchSize`, yielding to the
     * event loop between them, so a big feed never holds the API or delivery for long.
     */
    async processItemsInBatches(feed: SourceFeed, items: IncomingItem[], opts: ProcessItemsOptions & { batchSize?: number }): Promise<ProcessResult> {
      const result = emptyResult();
      const size = Math.max(1, opts.batchSize ?? 25);
      for (let start = 0; start < items.length; start += size) {
        if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        const batch = items.slice(start, start + size);
        // The batch is classified before its transaction: on PostgreSQL the story-grouping lock
        // is held from the batch's first new item to its commit, and classification is most of
        // an item's work, so it must not run under the lock that serialises all instances.
        const prepared = await Promise.all(batch.map((item) => prepareItem(feed, item).catch((error: unknown) => ({ error }))));
        await storage.transaction(async () => {
          for (const [i, item] of batch.entries()) await processCounted(feed, item, opts, result, prepared[i]);
        });
      }
      return result;
    },

    /** An article the feeds missed, added by hand: processed like any feed item after the first read. */
    addManual(a: ManualArticle): Promise<ItemOutcome> {
      const url = a.url ?? null;
      const item: IncomingItem = {
        id: url ?? `urn:nadzor:manual:${fnv1a64(`${a.outlet}\n${a.title}`)}`,
        url,
        title: a.title,
        summary: a.text ?? '',
        content: '',
        published: a.published ?? null,
        updated: null,
        author: null,
        enclosures: [],
      };
      return processOne({ url: null, outlet: a.outlet, scope: a.scope ?? 'domestic', language: a.lang }, item, false);
    },
  };
}

export type Processor = ReturnType<typeof createProcessor>;
