import type { SqlDb } from '../storage';
import type { Clock } from './clock';
import { capacityOf, waitAt, type Limiter } from './rate-limit';
import type { RateWindow } from './types';

/**
 * Added to every wait. Larger than the in-process limiter's 25 ms: a slot is taken when the
 * request is about to leave, and between that moment and its arrival one instance may be
 * slower than another (a busy machine, a new connection), so two instances' requests could
 * otherwise arrive closer together than the destination's window.
 */
export const SHARED_MARGIN_MS = 250;

/** Sends older than this are never needed by any window (the longest is Telegram's minute). */
const KEEP_MS = 10 * 60_000;

/**
 * The per-destination rate limits of several instances on one PostgreSQL (issue 12): the same
 * sliding windows as RateLimiter, but the send times and 429 pauses live in the database
 * (`rate_sends`, `rate_pauses`), so three instances posting to one Discord channel or Telegram
 * chat share its budget instead of each spending all of it.
 *
 * `acquire` decides and records in one transaction that holds an advisory lock per key (keys
 * taken in sorted order, so two instances pacing overlapping keys cannot deadlock): two
 * instances can never both take the last free slot of a window. Times are the instances' own
 * clocks (`clock.now()`), so their clocks must agree to within the margin, as on one machine
 * or with NTP.
 */
export class SharedRateLimiter implements Limiter {
  private lastPrune = 0;

  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    private readonly marginMs = SHARED_MARGIN_MS,
  ) {
    if (db.dialect !== 'postgres') throw new Error('SharedRateLimiter needs PostgreSQL');
  }

  /** Send times within KEEP_MS and pauses, per key, as this instant sees them. */
  private async load(keys: readonly string[], now: number): Promise<{ stamps: Map<string, number[]>; paused: Map<string, number> }> {
    const marks = keys.map(() => '?').join(', ');
    const sends = await this.db.all<{ key: string; at: number }>(
      `SELECT key, at FROM rate_sends WHERE key IN (${marks}) AND at > ? ORDER BY at`,
      [...keys, now - KEEP_MS],
    );
    const stamps = new Map<string, number[]>(keys.map((k) => [k, []]));
    for (const s of sends) stamps.get(s.key)!.push(Number(s.at));
    const pauses = await this.db.all<{ key: string; until_ms: number }>(`SELECT key, until_ms FROM rate_pauses WHERE key IN (${marks})`, keys);
    return { stamps, paused: new Map(pauses.map((p) => [p.key, Number(p.until_ms)])) };
  }

  async acquire(windows: readonly RateWindow[]): Promise<void> {
    const keys = [...new Set(windows.map((w) => w.key))].sort();
    if (keys.length === 0) return;
    for (;;) {
      const wait = await this.db.transaction(async () => {
        for (const key of keys) await this.db.get('SELECT pg_advisory_xact_lock(hashtext(?))', [key]);
        const now = this.clock.now();
        const { stamps, paused } = await this.load(keys, now);
        const ms = waitAt(windows, now, (k) => stamps.get(k) ?? [], (k) => paused.get(k), this.marginMs);
        if (ms > 0) return ms;
        for (const key of keys) await this.db.run('INSERT INTO rate_sends (key, at) VALUES (?, ?)', [key, now]);
        return 0;
      });
      if (wait <= 0) break;
      await this.clock.sleep(wait);
    }
    await this.prune();
  }

  async capacity(windows: readonly RateWindow[], horizonMs: number): Promise<number> {
    const keys = [...new Set(windows.map((w) => w.key))];
    if (keys.length === 0) return 1000;
    const now = this.clock.now();
    const { stamps, paused } = await this.load(keys, now);
    return capacityOf(windows, now, horizonMs, (k) => stamps.get(k) ?? [], (k) => paused.get(k), this.marginMs);
  }

  async pause(keys: readonly string[], untilMs: number): Promise<void> {
    for (const key of keys) {
      await this.db.run(
        `INSERT INTO rate_pauses (key, until_ms) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET until_ms = greatest(rate_pauses.until_ms, excluded.until_ms)`,
        [key, Math.round(untilMs)],
      );
    }
  }

  /** Drops send times no window needs any more, at most once a minute per instance. */
  private async prune(): Promise<void> {
    const now = this.clock.now();
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    await this.db.run('DELETE FROM rate_sends WHERE at < ?', [now - KEEP_MS]);
    await this.db.run('DELETE FROM rate_pauses WHERE until_ms < ?', [now - KEEP_MS]);
  }
}
