import type Database from 'better-sqlite3';
import type { FeedEntry, FeedKind, Scope, Script } from '../../shared/model/types';
import { toIso } from './iso';

/** A registry entry plus what the reader has learned about the feed so far. */
export interface FeedState {
  url: string;
  outlet: string;
  language: string;
  script: Script;
  scope: Scope;
  kind: FeedKind;
  homepage: string;
  /** False once the feed left the registry (e.g. FEEDS_FILE replaced the list). */
  active: boolean;
  etag: string | null;
  lastModified: string | null;
  lastFetchedAt: string | null;
  lastOkAt: string | null;
  /** Null until the first successful read; items older than the backlog window before it are not alerted. */
  firstReadAt: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  nextDueAt: string | null;
  paused: boolean;
  /** Number of items in the latest successful read (0 on a healthy feed is a warning sign). */
  itemsSeen: number;
  /** Older items left out of the latest read because the feed had more than FEED_MAX_ITEMS. */
  itemsDropped: number;
  /** Successful reads in a row that were slow (over FEED_SLOW_MS); they back off like failures. */
  consecutiveSlow: number;
}

/** Backoff policy for failing feeds. */
export interface BackoffPolicy {
  /** Delay after the first failure; doubles with each further one. */
  baseMs: number;
  /** Upper bound for the delay. */
  capMs: number;
  /** Consecutive failures after which the feed is paused until resumed by hand. */
  pauseAfter: number;
}

/** 10 min, 20, 40 ... capped at a day; a feed failing 8 times in a row (about 42 h) is paused. */
export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 10 * 60_000,
  capMs: 24 * 60 * 60_000,
  pauseAfter: 8,
};

export interface FeedSuccess {
  /** Validators for the next conditional GET; `undefined` keeps the stored value, `null` clears it. */
  etag?: string | null;
  lastModified?: string | null;
  itemsSeen: number;
  at: string;
  /** Items over the per-feed limit, left out of this read. */
  itemsDropped?: number;
  /** The read succeeded but was slow: the feed backs off as if it had failed. */
  slow?: boolean;
}

export interface FeedFailure {
  consecutiveFailures: number;
  nextDueAt: string;
  paused: boolean;
  /** True only on the failure that paused the feed, so the caller reports it once. */
  justPaused: boolean;
}

export interface FeedsStatus {
  total: number;
  neverRead: number;
  failing: number;
  paused: number;
}

/** Delay before retrying a feed that has now failed `failures` times in a row. */
export function backoffDelayMs(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, failures - 1);
  // 2 ** 60 is still finite; the cap keeps the result sane for any count.
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(exponent, 60));
}

interface FeedRow {
  url: string;
  outlet: string;
  language: string;
  script: Script;
  scope: Scope;
  kind: FeedKind;
  homepage: string;
  active: number;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: string | null;
  last_ok_at: string | null;
  first_read_at: string | null;
  consecutive_failures: number;
  last_error: string | null;
  next_due_at: string | null;
  paused: number;
  items_seen: number;
  items_dropped: number;
  consecutive_slow: number;
}

function fromRow(r: FeedRow): FeedState {
  return {
    url: r.url,
    outlet: r.outlet,
    language: r.language,
    script: r.script,
    scope: r.scope,
    kind: r.kind,
    homepage: r.homepage,
    active: r.active === 1,
    etag: r.etag,
    lastModified: r.last_modified,
    lastFetchedAt: r.last_fetched_at,
    lastOkAt: r.last_ok_at,
    firstReadAt: r.first_read_at,
    consecutiveFailures: r.consecutive_failures,
    lastError: r.last_error,
    nextDueAt: r.next_due_at,
    paused: r.paused === 1,
    itemsSeen: r.items_seen,
    itemsDropped: r.items_dropped,
    consecutiveSlow: r.consecutive_slow,
  };
}

export type FeedsRepo = ReturnType<typeof createFeedsRepo>;

/** Feed state per URL: registry data, conditional-GET validators, health and backoff. */
export function createFeedsRepo(db: Database.Database, policy: BackoffPolicy = DEFAULT_BACKOFF) {
  const upsert = db.prepare(`
    INSERT INTO feeds (url, outlet, language, script, scope, kind, homepage, active)
    VALUES (@url, @outlet, @language, @script, @scope, @kind, @homepage, 1)
    ON CONFLICT (url) DO UPDATE SET
      outlet = excluded.outlet, language = excluded.language, script = excluded.script,
      scope = excluded.scope, kind = excluded.kind, homepage = excluded.homepage, active = 1`);
  const deactivateAll = db.prepare('UPDATE feeds SET active = 0');
  const getOne = db.prepare<[string], FeedRow>('SELECT * FROM feeds WHERE url = ?');
  const success = db.prepare(`
    UPDATE feeds SET
      etag = CASE WHEN @keepEtag THEN etag ELSE @etag END,
      last_modified = CASE WHEN @keepLastModified THEN last_modified ELSE @lastModified END,
      last_fetched_at = @at, last_ok_at = @at, first_read_at = coalesce(first_read_at, @at),
      consecutive_failures = 0, last_error = NULL, items_seen = @itemsSeen, items_dropped = @itemsDropped,
      consecutive_slow = CASE WHEN @slow THEN consecutive_slow + 1 ELSE 0 END,
      next_due_at = CASE WHEN @slow THEN @slowDueAt ELSE NULL END
    WHERE url = @url`);
  const failure = db.prepare(`
    UPDATE feeds SET
      last_fetched_at = @at, consecutive_failures = @failures, last_error = @error,
      next_due_at = @nextDueAt, paused = @paused
    WHERE url = @url`);
  const setPaused = db.prepare(`
    UPDATE feeds SET paused = @paused, consecutive_failures = 0, next_due_at = NULL WHERE url = @url`);
  const due = db.prepare<[string], FeedRow>(`
    SELECT * FROM feeds
    WHERE active = 1 AND paused = 0 AND (next_due_at IS NULL OR next_due_at <= ?)
    ORDER BY coalesce(last_fetched_at, '') , url`);
  const listActive = db.prepare<[], FeedRow>('SELECT * FROM feeds WHERE active = 1 ORDER BY outlet, url');
  const listAll = db.prepare<[], FeedRow>('SELECT * FROM feeds ORDER BY outlet, url');
  const summary = db.prepare<[], FeedsStatus>(`
    SELECT count(*) AS total,
           coalesce(sum(first_read_at IS NULL), 0) AS neverRead,
           coalesce(sum(consecutive_failures > 0 AND paused = 0), 0) AS failing,
           coalesce(sum(paused), 0) AS paused
    FROM feeds WHERE active = 1`);

  function mustExist(url: string): FeedRow {
    const row = getOne.get(url);
    if (!row) throw new Error(`unknown feed: ${url}`);
    return row;
  }

  return {
    /**
     * Makes the table match the registry: new feeds are added, known ones get the registry's
     * outlet/language/script/scope/homepage while keeping their fetch state, and feeds no longer
     * listed are deactivated (kept, since their articles refer to them).
     */
    upsertFromRegistry(entries: readonly FeedEntry[]): void {
      db.transaction(() => {
        deactivateAll.run();
        for (const e of entries) {
          upsert.run({
            url: e.url,
            outlet: e.outlet,
            language: e.language,
            script: e.script,
            scope: e.scope,
            kind: e.kind ?? 'outlet',
            homepage: e.homepage,
          });
        }
      }).immediate();
    },

    /** A fetch that answered (200 or 304): clears the failure streak, and the backoff unless it was slow. */
    recordSuccess(url: string, s: FeedSuccess): void {
      const at = toIso(s.at);
      // A slow read backs off like a failure: base * 2^(n-1) after the n-th slow read in a row.
      const slowCount = s.slow ? (getOne.get(url)?.consecutive_slow ?? 0) + 1 : 0;
      const info = success.run({
        slow: s.slow ? 1 : 0,
        slowDueAt: s.slow ? new Date(Date.parse(at) + backoffDelayMs(slowCount, policy)).toISOString() : null,
        itemsDropped: s.itemsDropped ?? 0,
        url,
        keepEtag: s.etag === undefined ? 1 : 0,
        etag: s.etag ?? null,
        keepLastModified: s.lastModified === undefined ? 1 : 0,
        lastModified: s.lastModified ?? null,
        itemsSeen: s.itemsSeen,
        at,
      });
      if (info.changes === 0) throw new Error(`unknown feed: ${url}`);
    },

    /**
     * A failed fetch: the next attempt waits base * 2^(n-1), capped; after `pauseAfter` failures
     * in a row the feed is paused so one dead outlet stops costing requests and log lines.
     */
    recordFailure(url: string, error: string, at: string): FeedFailure {
      return db.transaction((): FeedFailure => {
        const row = mustExist(url);
        const failures = row.consecutive_failures + 1;
        const atIso = toIso(at);
        const nextDueAt = new Date(Date.parse(atIso) + backoffDelayMs(failures, policy)).toISOString();
        const paused = row.paused === 1 || failures >= policy.pauseAfter;
        failure.run({ url, at: atIso, failures, error, nextDueAt, paused: paused ? 1 : 0 });
        return { consecutiveFailures: failures, nextDueAt, paused, justPaused: paused && row.paused === 0 };
      }).immediate();
    },

    /** Unpauses a feed and forgets its failure streak, so it is due at the next tick. */
    resume(url: string): void {
      if (setPaused.run({ url, paused: 0 }).changes === 0) throw new Error(`unknown feed: ${url}`);
    },

    /** Active, unpaused feeds whose backoff has expired, least recently fetched first. */
    due(now: string): FeedState[] {
      return due.all(toIso(now)).map(fromRow);
    },

    get(url: string): FeedState | null {
      const row = getOne.get(url);
      return row ? fromRow(row) : null;
    },

    list(options: { includeInactive?: boolean } = {}): FeedState[] {
      return (options.includeInactive ? listAll : listActive).all().map(fromRow);
    },

    /** Counts over the active feeds, for the status command and the dashboard. */
    status(): FeedsStatus {
      return summary.get() as FeedsStatus;
    },
  };
}
