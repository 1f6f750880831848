import type { Alert, AlertKind } from '../../shared/model/types';
import { toIso } from './iso';
import type { SqlDb } from './sql';

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

const INSERT = `
  INSERT INTO alerts (article_id, story_id, kind, target, status, next_attempt_at, created_at)
  VALUES (?, ?, ?, ?, 'pending', ?, ?)
  ON CONFLICT (article_id, target) DO NOTHING
  RETURNING id`;
/**
 * One statement, so two workers can never claim the same row. On PostgreSQL the inner SELECT
 * locks what it takes and skips rows another instance is claiming at that moment, so
 * concurrent claims neither wait on each other nor overlap.
 */
function claimSql(table: 'alerts' | 'digests', db: SqlDb): string {
  return `
  UPDATE ${table} SET status = 'sending', attempts = attempts + 1, next_attempt_at = ?
  WHERE id IN (
    SELECT id FROM ${table}
    WHERE target = ? AND status IN ('pending', 'sending') AND next_attempt_at <= ?
    ORDER BY next_attempt_at, id LIMIT ?${db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : ''})
  RETURNING *`;
}
export { claimSql };

/**
 * The outbox. An alert row is written in the same transaction as its article, so after any
 * crash either both exist or neither; the delivery worker drains it with claim/mark.
 */
export function createAlertsRepo(db: SqlDb) {
  const claim = claimSql('alerts', db);

  function mustChange(changes: number, id: number): void {
    if (changes === 0) throw new Error(`unknown alert: ${id}`);
  }

  return {
    /**
     * Queues an alert. Call it inside the transaction that inserts the article. Returns the new
     * id, or null when this article already has an alert for this target (re-processing is safe).
     */
    async enqueue(a: NewAlert): Promise<number | null> {
      const at = toIso(a.at);
      const row = await db.get<{ id: number }>(INSERT, [
        a.articleId,
        a.storyId,
        a.kind,
        a.target,
        a.notBefore === undefined ? at : toIso(a.notBefore),
        at,
      ]);
      return row === undefined ? null : Number(row.id);
    },

    /**
     * Takes up to `limit` due alerts for one target, oldest first, and marks them 'sending'
     * until `now + claimMs`. Includes rows whose earlier claim lapsed (a crash mid-send).
     */
    async claimDue(target: string, now: string, limit: number, claimMs: number = DEFAULT_CLAIM_MS): Promise<OutboxAlert[]> {
      const nowIso = toIso(now);
      const until = new Date(Date.parse(nowIso) + claimMs).toISOString();
      // RETURNING gives no order guarantee, so restore the queue order here.
      return (await db.all<AlertRow>(claim, [until, target, nowIso, Math.max(0, Math.floor(limit))]))
        .map(fromRow)
        .sort((x, y) => x.id - y.id);
    },

    /** The target accepted the alert; `remoteId` is its message id, for later edits. */
    async markSent(id: number, remoteId: string | null, at: string): Promise<void> {
      const info = await db.run("UPDATE alerts SET status = 'sent', remote_id = ?, sent_at = ?, last_error = NULL WHERE id = ?", [
        remoteId,
        toIso(at),
        id,
      ]);
      mustChange(info.changes, id);
    },

    /**
     * The attempt failed. With `retryAt` the alert goes back to 'pending' until then; with null
     * the target refused it for good (e.g. a deleted channel) and it stays 'failed'.
     */
    async markFailed(id: number, error: string, retryAt: string | null): Promise<void> {
      const info = await db.run(
        'UPDATE alerts SET status = ?, last_error = ?, next_attempt_at = coalesce(?, next_attempt_at) WHERE id = ?',
        [retryAt === null ? 'failed' : 'pending', error, retryAt === null ? null : toIso(retryAt), id],
      );
      mustChange(info.changes, id);
    },

    /** Alerts not yet delivered (pending or in flight), for one target or all. */
    async pendingCount(target?: string): Promise<number> {
      const row =
        target === undefined
          ? await db.get<{ n: number }>("SELECT count(*) AS n FROM alerts WHERE status IN ('pending', 'sending')")
          : await db.get<{ n: number }>("SELECT count(*) AS n FROM alerts WHERE status IN ('pending', 'sending') AND target = ?", [target]);
      return row!.n;
    },

    /**
     * Whether the story already has a 'new' alert queued or sent for this target, so the next
     * copy becomes a follow-up. A 'new' alert that failed for good does not count: the story's
     * next article should announce it instead.
     */
    async alreadyAlertedStory(storyId: number, target: string): Promise<boolean> {
      const row = await db.get(
        "SELECT 1 AS one FROM alerts WHERE story_id = ? AND target = ? AND kind = 'new' AND status <> 'failed' LIMIT 1",
        [storyId, target],
      );
      return row !== undefined;
    },

    async get(id: number): Promise<OutboxAlert | null> {
      const row = await db.get<AlertRow>('SELECT * FROM alerts WHERE id = ?', [id]);
      return row ? fromRow(row) : null;
    },
  };
}
