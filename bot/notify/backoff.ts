/** Retry schedule for transient failures (network errors, 5xx). */
export interface RetryPolicy {
  /** Delay after the first failure; doubles with each further one. */
  baseMs: number;
  capMs: number;
  /** Delay for a destination that refuses us as a whole (bad token, deleted channel). */
  unavailableMs: number;
}

/**
 * 10 s, 20 s, 40 s ... capped at 30 min. Alerts are never given up on: the issue says nothing is
 * dropped, and an operator can see stuck ones in nadzor_outbox_depth.
 */
export const DEFAULT_RETRY: RetryPolicy = { baseMs: 10_000, capMs: 30 * 60_000, unavailableMs: 30 * 60_000 };

/**
 * Delay before attempt `attempts + 1`, with up to 20% random extra so destinations coming back
 * from an outage do not get every queued retry in the same second.
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy = DEFAULT_RETRY, random: () => number = Math.random): number {
  const exp = Math.max(0, Math.min(attempts - 1, 30));
  const base = Math.min(policy.capMs, policy.baseMs * 2 ** exp);
  return Math.round(base * (1 + 0.2 * random()));
}
