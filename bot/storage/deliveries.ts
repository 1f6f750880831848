import type Database from 'better-sqlite3';
import { DEFAULT_CLAIM_MS, type OutboxStatus } from './alerts';
import { toIso } from './iso';

/** What the delivery worker wrote before (and after) one attempt at sending an alert. */
export interface SendRecord {
  alertId: number;
  nonce: string;
  /** Sent inside a burst summary rather than as a message of its own. */
  folded: boolean;
  startedAt: string;
  /** Null while the outcome is unknown: a crash between the request and its record. */
  finishedAt: string | null;
}

/** The 'new' alert that announced a story to a target, for follow-ups. */
export interface StoryFirstAlert {
  alertId: number;
  articleId: number;
  status: OutboxStatus;
  remoteId: string | null;
  folded: boolean;
  nextAttemptAt: string;
}

export type DigestPeriod = 'daily' | 'weekly';

export interface NewDigest {
  target: string;
  period: DigestPeriod;
  periodStart: string;
  periodEnd: string;
  /** JSON built by bot/digest; opaque here. */
  body: string;
  at: string;
}

export interface DigestRecord {
  id: number;
  target: string;
  period: DigestPeriod;
  periodStart: string;
  periodEnd: string;
  body: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  /** Set before the request leaves; with status 'sending' after a restart, the digest may be out. */
  sendStartedAt: string | null;
  remoteId: string | null;
  createdAt: string;
  sentAt: string | null;
}

interface SendRow {
  alert_id: number;
  nonce: string;
  folded: number;
  started_at: string;
  finished_at: string | null;
}

interface DigestRow {
  id: number;
  target: string;
  period: DigestPeriod;
  period_start: string;
  period_end: string;
  body: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  send_started_at: string | null;
  remote_id: string | null;
  created_at: string;
  sent_at: string | null;
}

function digestFromRow(r: DigestRow): DigestRecord {
  return {
    id: r.id,
    target: r.target,
    period: r.period,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    body: r.body,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    sendStartedAt: r.send_started_at,
    remoteId: r.remote_id,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

export type DeliveriesRepo = ReturnType<typeof createDeliveriesRepo>;

/**
 * The delivery worker's own bookkeeping beside the alerts outbox: a record of every send
 * attempt (written before the request, completed after), the digests outbox, and the queries
 * that span both. The worker is the only writer; it assumes one worker per database.
 */
export function createDeliveriesRepo(db: Database.Database) {
  const begin = db.prepare(`
    INSERT INTO alert_sends (alert_id, nonce, folded, started_at, finished_at)
    VALUES (@alertId, @nonce, @folded, @at, NULL)
    ON CONFLICT (alert_id) DO UPDATE SET
      nonce = excluded.nonce, folded = excluded.folded, started_at = excluded.started_at, finished_at = NULL`);
  const finish = db.prepare('UPDATE alert_sends SET finished_at = ? WHERE alert_id = ?');
  const record = db.prepare<[number], SendRow>('SELECT * FROM alert_sends WHERE alert_id = ?');
  const firstOfStory = db.prepare<[number, string], {
    id: number;
    article_id: number;
    status: OutboxStatus;
    remote_id: string | null;
    folded: number | null;
    next_attempt_at: string;
  }>(`
    SELECT a.id, a.article_id, a.status, a.remote_id, s.folded, a.next_attempt_at
    FROM alerts a LEFT JOIN alert_sends s ON s.alert_id = a.id
    WHERE a.story_id = ? AND a.target = ? AND a.kind = 'new' AND a.status <> 'failed'
    ORDER BY a.id LIMIT 1`);
  const dueTargets = db.prepare<[string, string], { target: string }>(`
    SELECT target FROM alerts WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?
    UNION
    SELECT target FROM digests WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?
    ORDER BY target`);
  const releaseAlerts = db.prepare("UPDATE alerts SET next_attempt_at = ? WHERE status = 'sending'");
  const releaseDigests = db.prepare("UPDATE digests SET next_attempt_at = ? WHERE status = 'sending'");

  const insertDigest = db.prepare(`
    INSERT INTO digests (target, period, period_start, period_end, body, next_attempt_at, created_at)
    VALUES (@target, @period, @periodStart, @periodEnd, @body, @at, @at)
    ON CONFLICT (target, period, period_end) DO NOTHING`);
  // The same single-statement claim as the alerts outbox, so nothing is handed out twice.
  const claimDigests = db.prepare<[string, string, string, number], DigestRow>(`
    UPDATE digests SET status = 'sending', attempts = attempts + 1, next_attempt_at = ?
    WHERE id IN (
      SELECT id FROM digests
      WHERE target = ? AND status IN ('pending', 'sending') AND next_attempt_at <= ?
      ORDER BY next_attempt_at, id LIMIT ?)
    RETURNING *`);
  const digestStarted = db.prepare('UPDATE digests SET send_started_at = ? WHERE id = ?');
  const digestSent = db.prepare(`
    UPDATE digests SET status = 'sent', remote_id = ?, sent_at = ?, last_error = NULL WHERE id = ?`);
  const digestFailed = db.prepare(`
    UPDATE digests SET status = @status, last_error = @error,
      next_attempt_at = coalesce(@retryAt, next_attempt_at), send_started_at = NULL
    WHERE id = @id`);
  const getDigest = db.prepare<[number], DigestRow>('SELECT * FROM digests WHERE id = ?');
  const pendingDigests = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM digests WHERE status IN ('pending', 'sending')",
  );

  function mustChange(changes: number, what: string): void {
    if (changes === 0) throw new Error(`unknown ${what}`);
  }

  return {
    /**
     * Records that a request carrying these alerts is about to leave (the "before" record).
     * Call it, and let it commit, before the request.
     */
    beginSend(alertIds: readonly number[], nonce: string, folded: boolean, at: string): void {
      const atIso = toIso(at);
      db.transaction(() => {
        for (const alertId of alertIds) begin.run({ alertId, nonce, folded: folded ? 1 : 0, at: atIso });
      })();
    },

    /** The outcome is known (delivered, or refused): the "after" record. */
    finishSend(alertIds: readonly number[], at: string): void {
      const atIso = toIso(at);
      db.transaction(() => {
        for (const id of alertIds) finish.run(atIso, id);
      })();
    },

    sendRecord(alertId: number): SendRecord | null {
      const r = record.get(alertId);
      if (!r) return null;
      return { alertId: r.alert_id, nonce: r.nonce, folded: r.folded === 1, startedAt: r.started_at, finishedAt: r.finished_at };
    },

    /** The story's announcing alert for this target (queued, in flight or sent), if any. */
    firstAlertOfStory(storyId: number, target: string): StoryFirstAlert | null {
      const r = firstOfStory.get(storyId, target);
      if (!r) return null;
      return {
        alertId: r.id,
        articleId: r.article_id,
        status: r.status,
        remoteId: r.remote_id,
        folded: r.folded === 1,
        nextAttemptAt: r.next_attempt_at,
      };
    },

    /** Targets with alerts or digests due at `now`. */
    dueTargets(now: string): string[] {
      const nowIso = toIso(now);
      return dueTargets.all(nowIso, nowIso).map((r) => r.target);
    },

    /**
     * Makes every in-flight claim due at once. Called when the worker starts: claims left over
     * then belong to a process that died, and waiting for them to lapse would only delay the
     * resend past Discord's nonce window. Returns how many rows it released.
     */
    releaseClaims(now: string): number {
      const nowIso = toIso(now);
      return db.transaction(() => releaseAlerts.run(nowIso).changes + releaseDigests.run(nowIso).changes)();
    },

    /** Queues a digest; null when this target already has one for this period. */
    enqueueDigest(d: NewDigest): number | null {
      const info = insertDigest.run({
        target: d.target,
        period: d.period,
        periodStart: toIso(d.periodStart),
        periodEnd: toIso(d.periodEnd),
        body: d.body,
        at: toIso(d.at),
      });
      return info.changes === 0 ? null : Number(info.lastInsertRowid);
    },

    /** Like AlertsRepo.claimDue, for digests. */
    claimDigests(target: string, now: string, limit: number, claimMs: number = DEFAULT_CLAIM_MS): DigestRecord[] {
      const nowIso = toIso(now);
      const until = new Date(Date.parse(nowIso) + claimMs).toISOString();
      return claimDigests
        .all(until, target, nowIso, Math.max(0, Math.floor(limit)))
        .map(digestFromRow)
        .sort((x, y) => x.id - y.id);
    },

    /** The "before" record for a digest. */
    beginDigestSend(id: number, at: string): void {
      mustChange(digestStarted.run(toIso(at), id).changes, `digest: ${id}`);
    },

    markDigestSent(id: number, remoteId: string | null, at: string): void {
      mustChange(digestSent.run(remoteId, toIso(at), id).changes, `digest: ${id}`);
    },

    /** As AlertsRepo.markFailed: back to pending at `retryAt`, or failed for good with null. */
    markDigestFailed(id: number, error: string, retryAt: string | null): void {
      const info = digestFailed.run({
        id,
        status: retryAt === null ? 'failed' : 'pending',
        error,
        retryAt: retryAt === null ? null : toIso(retryAt),
      });
      mustChange(info.changes, `digest: ${id}`);
    },

    getDigest(id: number): DigestRecord | null {
      const r = getDigest.get(id);
      return r ? digestFromRow(r) : null;
    },

    pendingDigests(): number {
      return pendingDigests.get()!.n;
    },
  };
}
