/**
 * Who may do what: CORS for the browser extension, response headers, the throttle on wrong
 * write tokens. (The token check itself is Hono's bearer-auth, the headers Hono's
 * secure-headers, and the Host allow list is in host-check.ts.)
 */

const ANY_EXTENSION = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;

/**
 * The CORS origin check: only browser extensions, never web pages. With `pinned` (the
 * EXTENSION_ORIGINS setting) only those exact origins; otherwise any Chrome or Firefox
 * extension origin. Returns the origin to echo, or null for no CORS headers at all.
 */
export function allowedOrigin(origin: string, pinned: readonly string[] | undefined): string | null {
  if (!origin) return null;
  if (pinned && pinned.length) return pinned.includes(origin) ? origin : null;
  return ANY_EXTENSION.test(origin) ? origin : null;
}

/**
 * The dashboard's Content-Security-Policy: its own script and styles only, data from its own
 * API, nothing inline, no frames. Feed text shown on the page is inserted as text, and this
 * policy stops any script that a mistake might let through.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** For everything that is not the page: nothing may load from a JSON or CSV response. */
export const API_CSP_DIRECTIVES = { defaultSrc: ["'none'"], frameAncestors: ["'none'"] };
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Options for Hono's secure-headers on every response: its defaults (nosniff, no-referrer,
 * same-origin opener and resource policy, no DNS prefetch, ...) with frames denied outright.
 * HSTS is off: the API speaks plain HTTP on 127.0.0.1, and a proxy that adds TLS sets its own.
 * (Cross-Origin-Resource-Policy: same-origin stops no-cors embedding of the JSON; the browser
 * extension's CORS requests are not subject to it.)
 */
export const SECURE_HEADERS = {
  xFrameOptions: 'DENY',
  strictTransportSecurity: false,
} as const;

/**
 * Guessing the write token: after `maxFailures` wrong tokens from one client within
 * `windowMs`, that client gets 429 on every write, right token or not, until the window has
 * passed since its last failure. Kept in memory: a restart forgets, which is fine for a
 * throttle whose job is to make guessing slow.
 */
export function createAuthThrottle(options: { maxFailures?: number; windowMs?: number; now?: () => number } = {}) {
  const maxFailures = options.maxFailures ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const failures = new Map<string, number[]>();
  const recent = (client: string): number[] => {
    const cutoff = now() - windowMs;
    const list = (failures.get(client) ?? []).filter((t) => t > cutoff);
    if (list.length) failures.set(client, list);
    else failures.delete(client);
    return list;
  };
  return {
    /** Seconds until `client` may try again, or 0 when it may try now. */
    blockedFor(client: string): number {
      const list = recent(client);
      if (list.length < maxFailures) return 0;
      return Math.max(1, Math.ceil((list[list.length - 1] + windowMs - now()) / 1000));
    },
    recordFailure(client: string): void {
      const list = recent(client);
      list.push(now());
      failures.set(client, list);
      // Bounded: a flood of distinct clients must not grow the map without limit.
      if (failures.size > 10_000) failures.delete(failures.keys().next().value as string);
    },
  };
}
