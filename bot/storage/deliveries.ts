import { claimSql, DEFAULT_CLAIM_MS, type OutboxStatus } from './alerts';
import { toIso } from './iso';
import { byteOrder, type Dialect, type SqlDb } from './sql';

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

const BEGIN = `
  INSERT INTO alert_sends (alert_id, nonce, folded, started_at, finished_at)
  VALUES (?, ?, ?, ?, NULL)
  ON CONFLICT (alert_id) DO UPDATE SET
    nonce = excluded.nonce, folded = excluded.folded, started_at = excluded.started_at, finished_at = NULL`;
const FIRST_OF_STORY = `
  SELECT a.id, a.article_id, a.status, a.remote_id, s.folded, a.next_attempt_at
  FROM alerts a LEFT JOIN alert_sends s ON s.alert_id = a.id
  WHERE a.story_id = ? AND a.target = ? AND a.kind = 'new' AND a.status <> 'failed'
  ORDER BY a.id LIMIT 1`;
// Targets in byte order on both backends (byteOrder in sql.ts). A UNION's ORDER BY takes only
// output columns, so the collation goes on an outer query.
const dueTargets = (dialect: Dialect) => `
  SELECT target FROM (
    SELECT target FROM alerts WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?
    UNION
    SELECT target FROM digests WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?
  ) due ORDER BY target${byteOrder(dialect)}`;
const INSERT_DIGEST = `
  INSERT INTO digests (target, period, period_start, period_end, body, next_attempt_at, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (target, period, period_end) DO NOTHING
  RETURNING id`;

/**
 * The delivery worker's own bookkeeping beside the alerts outbox: a record of every send
 * attempt (written before the request, completed after), the digests outbox, and the queries
 * that span both. On SQLite one worker per database; on PostgreSQL several instances' workers
 * share it through the claims (each row is claimed by one of them at a time).
 */
export function createDeliveriesRepo(db: SqlDb) {
  // The same single-statement claim as the alerts outbox, so nothing is handed out twice.
  const claimDigests = claimSql('digests', db);

  function mustChange(changes: number, what: string): void {
    if (changes === 0) throw new Error(`unknown ${what}`);
  }

  return {
    /**
     * Records that a request carrying these alerts is about to leave (the "before" record).
     * Call it, and let it commit, before the request.
     */
    async beginSend(alertIds: readonly number[], nonce: string, folded: boolean, at: string): Promise<void> {
      const atIso = toIso(at);
      await db.transaction(async () => {
        for (const alertId of alertIds) await db.run(BEGIN, [alertId, nonce, folded ? 1 : 0, atIso]);
      });
    },

    /** The outcome is known (delivered, or refused): the "after" record. */
    async finishSend(alertIds: readonly number[], at: string): Promise<void> {
      const atIso = toIso(at);
      await db.transaction(async () => {
        for (const id of alertIds) await db.run('UPDATE alert_sends SET finished_at = ? WHERE alert_id = ?', [atIso, id]);
      });
    },

    async sendRecord(alertId: number): Promise<SendRecord | null> {
      const r = await db.get<SendRow>('SELECT * FROM alert_sends WHERE alert_id = ?', [alertId]);
      if (!r) return null;
      return { alertId: r.alert_id, nonce: r.nonce, folded: r.folded === 1, startedAt: r.started_at, finishedAt: r.finished_at };
    },

    /** The story's first 'new' alert for a target that did not fail for good, with its send record. */
    async firstAlertOfStory(storyId: number, target: string): Promise<StoryFirstAlert | null> {
      const r = await db.get<{
        id: number;
        article_id: number;
        status: OutboxStatus;
        remote_id: string | null;
        folded: number | null;
        next_attempt_at: string;
      }>(FIRST_OF_STORY, [storyId, target]);
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
    async dueTargets(now: string): Promise<string[]> {
      const nowIso = toIso(now);
      return (await db.all<{ target: string }>(dueTargets(db.dialect), [nowIso, nowIso])).map((r) => r.target);
    },

    /**
     * Makes every in-flight claim due at once. Called when the worker starts: claims left over
     * then belong to a process that died, and waiting for them to lapse would only delay the
     * resend past Discord's nonce window. Returns how many rows it released. Only for a single
     * process per database (SQLite): with several instances on one PostgreSQL, another
     * instance's live claims must be left to expire instead.
     */
    async releaseClaims(now: string): Promise<number> {
      const nowIso = toIso(now);
      return db.transaction(async () => {
        const a = await db.run("UPDATE alerts SET next_attempt_at = ? WHERE status = 'sending'", [nowIso]);
        const d = await db.run("UPDATE digests SET next_attempt_at = ? WHERE status = 'sending'", [nowIso]);
        return a.changes + d.changes;
      });
    },

    /** Queues a digest; null when this target already has one for the period. */
    async enqueueDigest(d: NewDigest): Promise<number | null> {
      const at = toIso(d.at);
      const row = await db.get<{ id: number }>(INSERT_DIGEST, [d.target, d.period, toIso(d.periodStart), toIso(d.periodEnd), d.body, at, at]);
      return row === undefined ? null : Number(row.id);
    },

    /** Like AlertsRepo.claimDue, for digests. */
    async claimDigests(target: string, now: string, limit: number, claimMs: number = DEFAULT_CLAIM_MS): Promise<DigestRecord[]> {
      const nowIso = toIso(now);
      const until = new Date(Date.parse(nowIso) + claimMs).toISOString();
      return (await db.all<DigestRow>(claimDigests, [until, target, nowIso, Math.max(0, Math.floor(limit))]))
        .map(digestFromRow)
        .sort((x, y) => x.id - y.id);
    },

    /** The "before" record for a digest. */
    async beginDigestSend(id: number, at: string): Promise<void> {
      mustChange((await db.run('UPDATE digests SET send_started_at = ? WHERE id = ?', [toIso(at), id])).changes, `digest: ${id}`);
    },

    async markDigestSent(id: number, remoteId: string | null, at: string): Promise<void> {
      const info = await db.run("UPDATE digests SET status = 'sent', remote_id = ?, sent_at = ?, last_error = NULL WHERE id = ?", [
        remoteId,
        toIso(at),
        id,
      ]);
      mustChange(info.changes, `digest: ${id}`);
    },

    /** As AlertsRepo.markFailed: back to pending at `retryAt`, or failed for good with null. */
    async markDigestFailed(id: number, error: string, retryAt: string | null): Promise<void> {
      const info = await db.run(
        `UPDATE digests SET status = ?, last_error = ?,
           next_attempt_at = coalesce(?, next_attempt_at), send_started_at = NULL
         WHERE id = ?`,
        [retryAt === null ? 'failed' : 'pending', error, retryAt === null ? null : toIso(retryAt), id],
      );
      mustChange(info.changes, `digest: ${id}`);
    },

    async getDigest(id: number): Promise<DigestRecord | null> {
      const r = await db.get<DigestRow>('SELECT * FROM digests WHERE id = ?', [id]);
      return r ? digestFromRow(r) : null;
    },

    async pendingDigests(): Promise<number> {
      return (await db.get<{ n: number }>("SELECT count(*) AS n FROM digests WHERE status IN ('pending', 'sending')"))!.n;
    },
  };
}
