import type Database from 'better-sqlite3';
import type { Alert, AlertKind } from '../../shared/model/types';
import { toIso } from './iso';

/**
 * 'sending' is the outbox's own state between claim and outcome; the shared `Alert` type does
 * not carry it because nothing outside storage and the delivery worker should see it.
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** One row of the durable outbox. */
export interface OutboxAlert extends Omit<Alert, 'status'> {
  status: OutboxStatus;
  /** Pending: not before this instant. Sending: when the claim lapses and the row may be retaken. */
  nextAttemptAt: string;
  lastError: string | null;
}

export interface NewAlert {
  articleId: number;
  storyId: number | null;
  kind: AlertKind;
  target: string;
  /** When the alert was decided; also the earliest attempt unless `notBefore` is given. */
  at: string;
  notBefore?: string;
}

/**
 * How long a claimed alert stays claimed. A process killed mid-send leaves rows in 'sending';
 * after this they are claimed again, so a crash delays an alert but never loses it.
 */
export const DEFAULT_CLAIM_MS = 5 * 60_000;

interface AlertRow {
  id: number;
  article_id: number;
  story_id: number | null;
  kind: AlertKind;
  target: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  remote_id: string | null;
  created_at: string;
  sent_at: string | null;
}

function fromRow(r: AlertRow): OutboxAlert {
  return {
    id: r.id,
    articleId: r.article_id,
    storyId: r.story_id,
    kind: r.kind,
    target: r.target,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    remoteId: r.remote_id,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

export type AlertsRepo = ReturnType<typeof createAlertsRepo>;

/**
 * The outbox. An alert row is written in the same transaction as its article, so after any
 * crash either both exist or neither; the delivery worker drains it with claim/mark.
 */
export function createAlertsRepo(db: Database.Database) {
  const insert = db.prepare(`
    INSERT INTO alerts (article_id, story_id, kind, target, status, next_attempt_at, created_at)
    VALUES (@articleId, @storyId, @kind, @target, 'pending', @notBefore, @at)
    ON CONFLICT (article_id, target) DO NOTHING`);
  // One statement, so two workers can never claim the same row.
  const claim = db.prepare<[string, string, string, number], AlertRow>(`
    UPDATE alerts SET status = 'sending', attempts = attempts + 1, next_attempt_at = ?
    WHERE id IN (
      SELECT id FROM alerts
      WHERE target = ? AND status IN ('pending', 'sending') AND next_attempt_at <= ?
      ORDER BY next_attempt_at, id LIMIT ?)
    RETURNING *`);
  const sent = db.prepare(`
    UPDATE alerts SET status = 'sent', remote_id = ?, sent_at = ?, last_error = NULL WHERE id = ?`);
  const failed = db.prepare(`
    UPDATE alerts SET status = @status, last_error = @error, next_attempt_at = coalesce(@retryAt, next_attempt_at)
    WHERE id = @id`);
  const pending = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM alerts WHERE status IN ('pending', 'sending')",
  );
  const pendingFor = db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM alerts WHERE status IN ('pending', 'sending') AND target = ?",
  );
  const storyAlerted = db.prepare<[number, string], { one: number }>(`
    SELECT 1 AS one FROM alerts
    WHERE story_id = ? AND target = ? AND kind = 'new' AND status <> 'failed' LIMIT 1`);
  const getOne = db.prepare<[number], AlertRow>('SELECT * FROM alerts WHERE id = ?');

  function mustChange(changes: number, id: number): void {
    if (changes === 0) throw new Error(`unknown alert: ${id}`);
  }

  return {
    /**
     * Queues an alert. Call it inside the transaction that inserts the article. Returns the new
     * id, or null when this article already has an alert for this target (re-processing is safe).
     */
    enqueue(a: NewAlert): number | null {
      const at = toIso(a.at);
      const info = insert.run({
        articleId: a.articleId,
        storyId: a.storyId,
        kind: a.kind,
        target: a.target,
        at,
        notBefore: a.notBefore === undefined ? at : toIso(a.notBefore),
      });
      return info.changes === 0 ? null : Number(info.lastInsertRowid);
    },

    /**
     * Takes up to `limit` due alerts for one target, oldest first, and marks them 'sending'
     * until `now + claimMs`. Includes rows whose earlier claim lapsed (a crash mid-send).
     */
    claimDue(target: string, now: string, limit: number, claimMs: number = DEFAULT_CLAIM_MS): OutboxAlert[] {
      const nowIso = toIso(now);
      const until = new Date(Date.parse(nowIso) + claimMs).toISOString();
      // RETURNING gives no order guarantee, so restore the queue order here.
      return claim
        .all(until, target, nowIso, Math.max(0, Math.floor(limit)))
        .map(fromRow)
        .sort((x, y) => x.id - y.id);
    },

    /** The target accepted the alert; `remoteId` is its message id, for later edits. */
    markSent(id: number, remoteId: string | null, at: string): void {
      mustChange(sent.run(remoteId, toIso(at), id).changes, id);
    },

    /**
     * The attempt failed. With `retryAt` the alert goes back to 'pending' until then; with null
     * the target refused it for good (e.g. a deleted channel) and it stays 'failed'.
     */
    markFailed(id: number, error: string, retryAt: string | null): void {
      const info = failed.run({
        id,
        status: retryAt === null ? 'failed' : 'pending',
        error,
        retryAt: retryAt === null ? null : toIso(retryAt),
      });
      mustChange(info.changes, id);
    },

    /** Alerts not yet delivered (pending or in flight), for one target or all. */
    pendingCount(target?: string): number {
      return (target === undefined ? pending.get() : pendingFor.get(target))!.n;
    },

    /**
     * Whether the story already has a 'new' alert queued or sent for this target, so the next
     * copy becomes a follow-up. A 'new' alert that failed for good does not count: the story's
     * next article should announce it instead.
     */
    alreadyAlertedStory(storyId: number, target: string): boolean {
      return storyAlerted.get(storyId, target) !== undefined;
    },

    get(id: number): OutboxAlert | null {
      const row = getOne.get(id);
      return row ? fromRow(row) : null;
    },
  };
}
