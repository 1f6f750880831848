import type { FeedEntry, FeedKind, Scope, Script } from '../../shared/model/types';
import { toIso } from './iso';
import { byteOrder, compareBytes, type Dialect, type SqlDb } from './sql';

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

export interface LeaseOptions {
  /** How long the feeds taken stay this instance's unless it records their outcome. */
  leaseMs: number;
  /** Feeds fetched less than this long ago are left alone (another instance just read them). */
  minRefetchMs?: number;
  /** Feeds fetched at or after this instant are left alone too (the cycle's start: one read per cycle). */
  notReadSince?: string;
  limit?: number;
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

/** Any fixed number: the PostgreSQL advisory lock around applying the registry. */
const REGISTRY_LOCK = 7_263_003;

export type FeedsRepo = ReturnType<typeof createFeedsRepo>;

const UPSERT = `
  INSERT INTO feeds (url, outlet, language, script, scope, kind, homepage, active)
  VALUES (?, ?, ?, ?, ?, ?, ?, 1)
  ON CONFLICT (url) DO UPDATE SET
    outlet = excluded.outlet, language = excluded.language, script = excluded.script,
    scope = excluded.scope, kind = excluded.kind, homepage = excluded.homepage, active = 1`;
const GET_ONE = 'SELECT * FROM feeds WHERE url = ?';
const SUCCESS = `
  UPDATE feeds SET
    etag = CASE WHEN ? = 1 THEN etag ELSE ? END,
    last_modified = CASE WHEN ? = 1 THEN last_modified ELSE ? END,
    last_fetched_at = ?, last_ok_at = ?, first_read_at = coalesce(first_read_at, ?),
    consecutive_failures = 0, last_error = NULL, items_seen = ?, items_dropped = ?,
    consecutive_slow = CASE WHEN ? = 1 THEN consecutive_slow + 1 ELSE 0 END,
    next_due_at = ?, leased_until = NULL
  WHERE url = ?`;
const FAILURE = `
  UPDATE feeds SET
    last_fetched_at = ?, consecutive_failures = ?, last_error = ?, next_due_at = ?, paused = ?, leased_until = NULL
  WHERE url = ?`;
const DUE_WHERE = 'active = 1 AND paused = 0 AND (next_due_at IS NULL OR next_due_at <= ?)';
// Byte order on both backends (see byteOrder in sql.ts): feed URLs and outlet names differ in
// capitals and diacritics, which PostgreSQL's collation would order otherwise.
const dueOrder = (dialect: Dialect) => `ORDER BY coalesce(last_fetched_at, '')${byteOrder(dialect)}, url${byteOrder(dialect)}`;
const SUMMARY = `
  SELECT count(*) AS total,
         coalesce(sum(CASE WHEN first_read_at IS NULL THEN 1 ELSE 0 END), 0) AS "neverRead",
         coalesce(sum(CASE WHEN consecutive_failures > 0 AND paused = 0 THEN 1 ELSE 0 END), 0) AS failing,
         coalesce(sum(paused), 0) AS paused
  FROM feeds WHERE active = 1`;

/** Feed state per URL: registry data, conditional-GET validators, health and backoff. */
export function createFeedsRepo(db: SqlDb, policy: BackoffPolicy = DEFAULT_BACKOFF) {
  // SQLite's feeds table has no lease column: one process per file reads every due feed.
  const success = db.dialect === 'postgres' ? SUCCESS : SUCCESS.replace(', leased_until = NULL', '');
  const failure = db.dialect === 'postgres' ? FAILURE : FAILURE.replace(', leased_until = NULL', '');

  async function mustExist(url: string): Promise<FeedRow> {
    const row = await db.get<FeedRow>(GET_ONE, [url]);
    if (!row) throw new Error(`unknown feed: ${url}`);
    return row;
  }

  return {
    /**
     * Makes the table match the registry: new feeds are added, known ones get the registry's
     * outlet/language/script/scope/homepage while keeping their fetch state, and feeds no longer
     * listed are deactivated (kept, since their articles refer to them).
     */
    async upsertFromRegistry(entries: readonly FeedEntry[]): Promise<void> {
      await db.transaction(async () => {
        // Instances starting together apply the registry one after the other.
        if (db.dialect === 'postgres') await db.get('SELECT pg_advisory_xact_lock(?)', [REGISTRY_LOCK]);
        await db.run('UPDATE feeds SET active = 0');
        for (const e of entries) {
          await db.run(UPSERT, [e.url, e.outlet, e.language, e.script, e.scope, e.kind ?? 'outlet', e.homepage]);
        }
      });
    },

    /** A fetch that answered (200 or 304): clears the failure streak, and the backoff unless it was slow. */
    async recordSuccess(url: string, s: FeedSuccess): Promise<void> {
      const at = toIso(s.at);
      // A slow read backs off like a failure: base * 2^(n-1) after the n-th slow read in a row.
      const slowCount = s.slow ? ((await db.get<FeedRow>(GET_ONE, [url]))?.consecutive_slow ?? 0) + 1 : 0;
      const slowDueAt = s.slow ? new Date(Date.parse(at) + backoffDelayMs(slowCount, policy)).toISOString() : null;
      const info = await db.run(success, [
        s.etag === undefined ? 1 : 0,
        s.etag ?? null,
        s.lastModified === undefined ? 1 : 0,
        s.lastModified ?? null,
        at,
        at,
        at,
        s.itemsSeen,
        s.itemsDropped ?? 0,
        s.slow ? 1 : 0,
        slowDueAt,
        url,
      ]);
      if (info.changes === 0) throw new Error(`unknown feed: ${url}`);
    },

    /**
     * A failed fetch: the next attempt waits base * 2^(n-1), capped; after `pauseAfter` failures
     * in a row the feed is paused so one dead outlet stops costing requests and log lines.
     */
    async recordFailure(url: string, error: string, at: string): Promise<FeedFailure> {
      return db.transaction(async (): Promise<FeedFailure> => {
        const row = await mustExist(url);
        const failures = row.consecutive_failures + 1;
        const atIso = toIso(at);
        const nextDueAt = new Date(Date.parse(atIso) + backoffDelayMs(failures, policy)).toISOString();
        const paused = row.paused === 1 || failures >= policy.pauseAfter;
        await db.run(failure, [atIso, failures, error, nextDueAt, paused ? 1 : 0, url]);
        return { consecutiveFailures: failures, nextDueAt, paused, justPaused: paused && row.paused === 0 };
      });
    },

    /** Unpauses a feed and forgets its failure streak, so it is due at the next tick. */
    async resume(url: string): Promise<void> {
      const info = await db.run('UPDATE feeds SET paused = 0, consecutive_failures = 0, next_due_at = NULL WHERE url = ?', [url]);
      if (info.changes === 0) throw new Error(`unknown feed: ${url}`);
    },

    /** Active, unpaused feeds whose backoff has expired, least recently fetched first. */
    async due(now: string): Promise<FeedState[]> {
      return (await db.all<FeedRow>(`SELECT * FROM feeds WHERE ${DUE_WHERE} ${dueOrder(db.dialect)}`, [toIso(now)])).map(fromRow);
    },

    /**
     * Due feeds for this instance when several share one PostgreSQL: takes up to `limit` due
     * feeds that no other instance holds, and holds them until `now + leaseMs` (recordSuccess
     * and recordFailure end the lease). `FOR UPDATE SKIP LOCKED` lets instances asking at the
     * same moment take disjoint sets without waiting on each other; the lease keeps a feed
     * taken while it is being read, and lets another instance take it if this one dies.
     * On SQLite (one process per file) it is `due` with the limit.
     */
    async leaseDue(now: string, lease: LeaseOptions): Promise<FeedState[]> {
      const nowIso = toIso(now);
      const limit = lease.limit ?? 100_000;
      if (db.dialect === 'sqlite') {
        return (await db.all<FeedRow>(`SELECT * FROM feeds WHERE ${DUE_WHERE} ${dueOrder(db.dialect)} LIMIT ?`, [nowIso, limit])).map(fromRow);
      }
      const until = new Date(Date.parse(nowIso) + lease.leaseMs).toISOString();
      let fresh = new Date(Date.parse(nowIso) - (lease.minRefetchMs ?? 0)).toISOString();
      if (lease.notReadSince !== undefined && toIso(lease.notReadSince) < fresh) fresh = toIso(lease.notReadSince);
      const rows = await db.all<FeedRow>(
        `UPDATE feeds SET leased_until = ? WHERE url IN (
           SELECT url FROM feeds
           WHERE ${DUE_WHERE} AND (leased_until IS NULL OR leased_until <= ?)
             AND (last_fetched_at IS NULL OR last_fetched_at < ?)
           ${dueOrder(db.dialect)} LIMIT ? FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [until, nowIso, nowIso, fresh, limit],
      );
      // UPDATE ... RETURNING has no order: sort as dueOrder does (bytes, not the locale's order).
      return rows.map(fromRow).sort((a, b) => compareBytes(a.lastFetchedAt ?? '', b.lastFetchedAt ?? '') || compareBytes(a.url, b.url));
    },

    /** Gives a leased feed back without reading it (shutdown before its turn). */
    async releaseLease(url: string): Promise<void> {
      if (db.dialect === 'postgres') await db.run('UPDATE feeds SET leased_until = NULL WHERE url = ?', [url]);
    },

    async get(url: string): Promise<FeedState | null> {
      const row = await db.get<FeedRow>(GET_ONE, [url]);
      return row ? fromRow(row) : null;
    },

    async list(options: { includeInactive?: boolean } = {}): Promise<FeedState[]> {
      const order = `ORDER BY outlet${byteOrder(db.dialect)}, url${byteOrder(db.dialect)}`;
      const sql = options.includeInactive ? `SELECT * FROM feeds ${order}` : `SELECT * FROM feeds WHERE active = 1 ${order}`;
      return (await db.all<FeedRow>(sql)).map(fromRow);
    },

    /** Counts over the active feeds, for the status command and the dashboard. */
    async status(): Promise<FeedsStatus> {
      return (await db.get<FeedsStatus>(SUMMARY))!;
    },
  };
}
