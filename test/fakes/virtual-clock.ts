import type { Clock } from '../../bot/notify/clock';

/**
 * A clock that only moves when someone sleeps (or the test advances it), so rate-limit waits
 * of seconds or minutes take no real time and every timestamp is exact. Share it with the fake
 * servers (their `now`) so both sides agree on when a message was sent.
 */
export interface VirtualClock extends Clock {
  advance(ms: number): void;
  iso(): string;
}

export function virtualClock(start = '2025-03-10T10:00:00.000Z'): VirtualClock {
  let t = Date.parse(start);
  return {
    now: () => t,
    sleep: async (ms) => {
      t += Math.max(0, ms);
      // Let other tasks (the fake server's handlers, other targets) run, as a real sleep would.
      await new Promise((resolve) => setImmediate(resolve));
    },
    advance: (ms) => {
      t += ms;
    },
    iso: () => new Date(t).toISOString(),
  };
}
