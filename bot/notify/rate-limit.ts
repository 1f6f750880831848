import type { Clock } from './clock';
import type { RateWindow } from './types';

/**
 * Sliding-window limits per key, shared by every target that names the key. In memory: after a
 * restart the first messages may meet a limit the previous process had used up, and then the
 * destination's 429 (which the worker honours) takes over.
 */
export class RateLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();

  /**
   * @param clock time source
   * @param marginMs added to every wait, so timer jitter can never put two requests a hair
   *   inside one window by the destination's clock
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

  /** Milliseconds until every window admits one more request at time `at`, given `stamps`. */
  private waitAt(windows: readonly RateWindow[], at: number, stamps: (key: string) => number[]): number {
    let wait = 0;
    for (const w of windows) {
      const paused = this.pausedUntil.get(w.key);
      if (paused !== undefined && paused > at) wait = Math.max(wait, paused - at);
      const inWindow = stamps(w.key).filter((s) => s > at - w.windowMs);
      if (inWindow.length >= w.limit) {
        const freeAt = inWindow[inWindow.length - w.limit] + w.windowMs + this.marginMs;
        wait = Math.max(wait, freeAt - at);
      }
    }
    return wait;
  }

  /** How long one more request would wait now. */
  waitTime(windows: readonly RateWindow[]): number {
    return this.waitAt(windows, this.clock.now(), (k) => this.stamps(k));
  }

  /** Waits until every window admits one more request, then counts it against all of them. */
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

  /**
   * How many requests these windows would admit starting now and within `horizonMs`: the
   * number of alerts worth sending one by one before the rest are folded into a summary.
   */
  capacity(windows: readonly RateWindow[], horizonMs: number): number {
    const start = this.clock.now();
    const virtual = new Map(windows.map((w) => [w.key, [...this.stamps(w.key)]]));
    let at = start;
    let n = 0;
    while (n < 1000) {
      at += this.waitAt(windows, at, (k) => virtual.get(k)!);
      if (at - start >= horizonMs) break;
      for (const w of windows) virtual.get(w.key)!.push(at);
      n++;
    }
    return n;
  }

  /** No request for these keys before `untilMs` (a 429's retry_after). */
  pause(keys: readonly string[], untilMs: number): void {
    for (const key of keys) this.pausedUntil.set(key, Math.max(untilMs, this.pausedUntil.get(key) ?? 0));
  }
}
