/**
 * The spacing of requests to one host across several instances on one PostgreSQL (issue 12).
 * Each instance's fetch pool keeps one request per host at a time and a gap after it
 * (pool.ts); without this, three instances could each start one to the same outlet in the
 * same second. Here every request's start also takes a slot in the shared sliding window
 * `host:<name>` (one start per gap), kept in the database by the same SharedRateLimiter that
 * paces Discord and Telegram. No margin: this is politeness, not a limit the host enforces.
 *
 * Politeness must not cost a feed read: when the database cannot be asked, the request goes
 * ahead (this instance's own spacing still holds) and the error is reported at most once a minute.
 */
import type { SqlDb } from '../storage';
import { systemClock, type Clock } from '../notify/clock';
import { SharedRateLimiter } from '../notify/shared-rate-limit';
import type { HostGate } from './pool';

export function sharedHostSpacing(db: SqlDb, onError: (err: unknown) => void, clock: Clock = systemClock): NonNullable<HostGate['admit']> {
  const limiter = new SharedRateLimiter(db, clock, 0);
  let lastLogged = -Infinity;
  return async (host, gapMs) => {
    try {
      await limiter.acquire([{ key: `host:${host}`, limit: 1, windowMs: gapMs }]);
    } catch (err) {
      if (clock.now() - lastLogged >= 60_000) {
        lastLogged = clock.now();
        onError(err);
      }
    }
  };
}
