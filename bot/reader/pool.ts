/**
 * Politeness for many feeds at once: a bounded number of fetches in flight, at most one
 * request per host at a time, and a minimum gap between the end of one request to a host
 * and the start of the next. Outlets often serve a dozen section feeds from one host; this
 * keeps us from hitting it with all of them in the same second.
 */

export interface FetchPoolOptions {
  /** Fetches in flight across all hosts. Default 8. */
  concurrency?: number;
  /** Minimum time between a request to a host finishing and the next one starting. Default 1000 ms. */
  perHostGapMs?: number;
  /**
   * Host state shared with other pools (feeds and article pages): one request per host at a
   * time and the gap between them hold across all pools given the same gate.
   */
  hosts?: HostGate;
}

/**
 * Which hosts are busy and when each was last done with, shared by pools; a pool that frees a
 * host wakes the others, whose jobs may have been waiting for it.
 */
export interface HostGate {
  readonly busy: Set<string>;
  readonly lastDone: Map<string, number>;
  /** Pools with queued jobs, woken whenever any pool frees a host. */
  readonly waiting: Set<() => void>;
  /**
   * Other processes' share of the spacing (several instances on one PostgreSQL,
   * bot/reader/shared-hosts.ts): resolves when a request to `host` may start, at least
   * `gapMs` after any instance's last start there. Called once this process's own gate admits
   * the request.
   */
  admit?: (host: string, gapMs: number) => Promise<void>;
}

export function createHostGate(admit?: HostGate['admit']): HostGate {
  return { busy: new Set(), lastDone: new Map(), waiting: new Set(), ...(admit ? { admit } : {}) };
}

export interface FetchPool {
  /** Runs `task` when a slot is free and `url`'s host is due; resolves or rejects with the task. */
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
  /** Resolves once nothing is queued or running. */
  onIdle(): Promise<void>;
  readonly active: number;
  readonly queued: number;
}

interface Job {
  host: string;
  start: () => void;
}

/** The key hosts are spaced by: the host name, lower case (any port). */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
}

/** Creates a pool; see FetchPoolOptions for the defaults. */
export function createFetchPool(options: FetchPoolOptions = {}): FetchPool {
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const gap = Math.max(0, options.perHostGapMs ?? 1000);
  const queue: Job[] = [];
  const gate = options.hosts ?? createHostGate();
  const { busy, lastDone } = gate;
  let active = 0;
  let timer: NodeJS.Timeout | null = null;
  let idleWaiters: Array<() => void> = [];

  const pump = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    let wait = Infinity;
    // Start, in queue order, every job whose host is free and due, while slots remain.
    for (let i = 0; i < queue.length && active < concurrency; ) {
      const job = queue[i];
      const dueIn = (lastDone.get(job.host) ?? -Infinity) + gap - Date.now();
      if (busy.has(job.host) || dueIn > 0) {
        if (!busy.has(job.host)) wait = Math.min(wait, dueIn);
        i++;
        continue;
      }
      queue.splice(i, 1);
      active++;
      busy.add(job.host);
      job.start();
    }
    if (wait !== Infinity && active < concurrency) timer = setTimeout(pump, wait);
    if (queue.length > 0) gate.waiting.add(pump);
    else gate.waiting.delete(pump);
    if (active === 0 && queue.length === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((w) => w());
    }
  };

  return {
    run<T>(url: string, task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const host = hostOf(url);
        queue.push({
          host,
          start: () => {
            Promise.resolve()
              .then(() => (gap > 0 ? gate.admit?.(host, gap) : undefined))
              .then(task)
              .then(resolve, reject)
              .finally(() => {
                active--;
                busy.delete(host);
                lastDone.set(host, Date.now());
                pump();
                // Other pools on the same gate may have a job waiting for this host.
                for (const wake of [...gate.waiting]) if (wake !== pump) wake();
              });
          },
        });
        pump();
      });
    },
    onIdle(): Promise<void> {
      if (active === 0 && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    get active() {
      return active;
    },
    get queued() {
      return queue.length;
    },
  };
}
