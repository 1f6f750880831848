/**
 * The two indexes filled from JavaScript after the fact (search-index.ts, org-index.ts) share
 * how they catch up: batches of BATCH articles, each its own transaction, until a limit or
 * until nothing is left; and, at start, in the background, one batch per event-loop turn.
 */
import type { SqlDb } from '../storage/index';

/** Articles per batch, each its own transaction: short write locks, so the feed processor never waits long. */
export const BATCH = 2000;

/**
 * Runs `batch(size)` (which indexes up to `size` articles and returns how many it did) until
 * `limit` articles are done or a batch finds none; returns how many were done.
 */
export async function inBatches(batch: (size: number) => Promise<number>, limit: number): Promise<number> {
  let done = 0;
  while (done < limit) {
    const n = await batch(Math.min(BATCH, limit - done));
    done += n;
    if (n === 0) break;
  }
  return done;
}

/**
 * Calls `sync(BATCH)` once per event-loop turn while it does a whole batch, so a large existing
 * database does not hold up start-up. Returns a function that stops it.
 */
export function inBackground(db: SqlDb, sync: (limit: number) => Promise<number>, onError: (err: unknown) => void): () => void {
  let stopped = false;
  let timer: NodeJS.Immediate | undefined;
  const step = async () => {
    if (stopped || !db.open) return;
    try {
      if ((await sync(BATCH)) === BATCH && !stopped) timer = setImmediate(() => void step());
    } catch (err) {
      if (!stopped && db.open) onError(err);
    }
  };
  timer = setImmediate(() => void step());
  return () => {
    stopped = true;
    if (timer) clearImmediate(timer);
  };
}
