import type { Clock } from './clock';
import type { RateWindow } from './types';

/** What the delivery worker and the command replies pace their requests with. */
export interface Limiter {
  /** Waits until every window admits one more request, then counts it against all of them. */
  acquire(windows: readonly RateWindow[]): Promise<void>;
  /** How many requests these windows would admit from now within `horizonMs` (burst folding). */
  capacity(windows: readonly RateWindow[], horizonMs: number): number | Promise<number>;
  /** No request for these keys before `untilMs` (a 429's retry_after). */
  pause(keys: readonly string[], untilMs: number): void | Promise<void>;
}

/**
 * Milliseconds until every window admits one more request at time `at`, given each key's send
 * times (`stamps`, ascending) and pauses. `marginMs` is added to every wait, so timer jitter can
 * never put two requests a hair inside one window by the destination's clock.
 */
export function waitAt(
  windows: readonly RateWindow[],
  at: number,
  stamps: (key: string) => readonly number[],
  pausedUntil: (key: string) => number | undefined,
  marginMs: number,
): number {
  let wait = 0;
  for (const w of windows) {
    const paused = pausedUntil(w.key);
    if (paused !== undefined && paused > at) wait = Math.max(wait, paused - at);
    const inWindow = stamps(w.key).filter((s) => s > at - w.windowMs);
    if (inWindow.length >= w.limit) {
      const freeAt = inWindow[inWindow.length - w.limit] + w.windowMs + marginMs;
      wait = Math.max(wait, freeAt - at);
    }
  }
  return wait;
}

/** How many requests the windows admit from `start` within `horizonMs`, given the past sends. */
export function capacityOf(
  windows: readonly RateWindow[],
  start: number,
  horizonMs: number,
  stamps: (key: string) => readonly number[],
  pausedUntil: (key: string) => number | undefined,
  marginMs: number,
): number {
  const virtual = new Map(windows.map((w) => [w.key, [...stamps(w.key)]]));
  let at = start;
  let n = 0;
  while (n < 1000) {
    at += waitAt(windows, at, (k) => virtual.get(k)!, pausedUntil, marginMs);
    if (at - start >= horizonMs) break;
    for (const w of windows) virtual.get(w.key)!.push(at);
    n++;
  }
  return n;
}

/**
 * Sliding-window limits per key, shared by every target that names the key, in this process's
 * memory (one instance: the SQLite default). After a restart the first messages may meet a
 * limit the previous process had used up, and then the destination's 429 (which the worker
 * honours) takes over. Several instances on one PostgreSQL share theirs through the database
 * instead (shared-rate-limit.ts).
 */
export class RateLimiter implements Limiter {
  private readonly sent = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();

  /**
   * @param clock time source
   * @param marginMs see waitAt
   */
  constructor(
    private readonly clock: Clock,
    private readonly marginMs = 25,
  ) {}

  private stamps(key: string): number[] {
    let s = this.sent.get(key);
    if (!s) this.sent.set(key, (s = []));
    return s;
  }

  /** How long one more request would wait now. */
  waitTime(windows: readonly RateWindow[]): number {
    return waitAt(windows, this.clock.now(), (k) => this.stamps(k), (k) => this.pausedUntil.get(k), this.marginMs);
  }

  async acquire(windows: readonly RateWindow[]): Promise<void> {
    for (;;) {
      const wait = this.waitTime(windows);
      if (wait <= 0) break;
      await this.clock.sleep(wait);
    }
    const now = this.clock.now();
    for (const w of windows) {
      const s = this.stamps(w.key);
      s.push(now);
      // Keep only what any window could still need.
      const keep = s.filter((x) => x > now - Math.max(w.windowMs, 60_000));
      this.sent.set(w.key, keep);
    }
  }

  capacity(windows: readonly RateWindow[], horizonMs: number): number {
    return capacityOf(windows, this.clock.now(), horizonMs, (k) => this.stamps(k), (k) => this.pausedUntil.get(k), this.marginMs);
  }

  pause(keys: readonly string[], untilMs: number): void {
    for (const key of keys) this.pausedUntil.set(key, Math.max(untilMs, this.pausedUntil.get(key) ?? 0));
  }
}
