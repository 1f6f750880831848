/**
 * robots.txt, read with `robots-parser` (maintained, follows RFC 9309 with wildcards) and
 * cached per origin for a day. What a robots.txt that cannot be had means, per RFC 9309
 * section 2.3.1: a 4xx ("unavailable") allows everything; a 5xx or a network failure
 * ("unreachable") disallows everything for now, and is retried after RETRY_MS.
 */
import robotsParser from 'robots-parser';
import { FetchError } from '../fetcher';

/** The product token our rules are looked up under (and the start of our User-Agent). */
export const ROBOTS_AGENT = 'NadzorWatch';
const TTL_MS = 24 * 3600_000;
const RETRY_MS = 3600_000;
/** RFC 9309 asks crawlers to read at least 500 KiB; more is ignored. */
const MAX_ROBOTS_BYTES = 512 * 1024;

type Rules = { isAllowed(url: string, ua?: string): boolean | undefined };

interface Entry {
  rules: Rules | 'allow-all' | 'disallow-all';
  until: number;
}

/** Fetches a robots.txt: resolves with its text, or rejects with a FetchError. */
export type RobotsFetch = (url: string, maxBytes: number) => Promise<string>;

export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();

  constructor(
    private readonly fetchText: RobotsFetch,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether our agent may fetch `url`; reads the origin's robots.txt once a day. */
  async allowed(url: string): Promise<boolean> {
    const origin = new URL(url).origin;
    let entry = this.entries.get(origin);
    if (!entry || entry.until <= this.now()) {
      let p = this.pending.get(origin);
      if (!p) {
        p = this.load(origin).finally(() => this.pending.delete(origin));
        this.pending.set(origin, p);
      }
      entry = await p;
      this.entries.set(origin, entry);
    }
    if (entry.rules === 'allow-all') return true;
    if (entry.rules === 'disallow-all') return false;
    return entry.rules.isAllowed(url, ROBOTS_AGENT) !== false;
  }

  private async load(origin: string): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const text = await this.fetchText(robotsUrl, MAX_ROBOTS_BYTES);
      return { rules: robotsParser(robotsUrl, text) as Rules, until: this.now() + TTL_MS };
    } catch (err) {
      const status = err instanceof FetchError ? err.status : undefined;
      if (status !== undefined && status >= 400 && status < 500 && status !== 429) return { rules: 'allow-all', until: this.now() + TTL_MS };
      return { rules: 'disallow-all', until: this.now() + RETRY_MS };
    }
  }
}
