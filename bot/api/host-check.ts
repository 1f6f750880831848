/**
 * The Host-header allow list, against DNS rebinding: a web page on evil.example can make its
 * name resolve to 127.0.0.1 and then read this API from the visitor's browser as if it were
 * its own origin. Such requests carry "Host: evil.example", so the API answers only requests
 * whose Host is one of its own names (HTTP_ALLOWED_HOSTS; by default the bind address and
 * localhost, 127.0.0.1 and [::1], with the port the server listens on).
 */
import type { MiddlewareHandler } from 'hono';
import { networkInterfaces } from 'node:os';

/** One allowed host: a name or address, and a port (null: any port). */
export interface AllowedHost {
  host: string;
  port: number | null;
}

/**
 * Splits "name", "name:port", "[v6]" or "[v6]:port" (a Host header or an allow-list entry)
 * into a lower-case host without brackets and a port; null when it is not of that shape.
 */
export function parseHostPort(value: string): AllowedHost | null {
  const m = /^(?:\[([0-9a-f:.]+)\]|([^\s:/?#@[\]]+))(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m) return null;
  const port = m[3] === undefined ? null : Number(m[3]);
  if (port !== null && port > 65535) return null;
  // A fully qualified name may end with a dot ("localhost."): the same host.
  return { host: (m[1] ?? m[2]).toLowerCase().replace(/\.$/, ''), port };
}

const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '']);

/**
 * The default allow list for a server bound to `bindHost`:`port`: the bind address itself and
 * the loopback names; on a wildcard bind (0.0.0.0, ::) also every address of this machine,
 * which is how people on the local network reach it. Addresses are never a rebinding vector:
 * a page that reaches the API by address has that address as its origin.
 */
export function defaultAllowedHosts(bindHost: string, port: number): AllowedHost[] {
  const hosts = new Set(['localhost', '127.0.0.1', '::1']);
  const bind = bindHost.toLowerCase().replace(/^\[|\]$/g, '');
  if (WILDCARD_BINDS.has(bind)) {
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) hosts.add(a.address.toLowerCase().replace(/%.*$/, ''));
  } else {
    hosts.add(bind);
  }
  return [...hosts].map((host) => ({ host, port }));
}

/**
 * Whether a request's Host header names this server. `port` is the port the server listens
 * on: a Host without a port means 80, which an entry with a port must match.
 */
export function hostAllowed(header: string | undefined, allowed: readonly AllowedHost[]): boolean {
  // Browsers always send Host, and only browsers can be steered by DNS rebinding: a request
  // without one (a test's app.request(), some tools over HTTP/1.0) is not what this guards.
  if (header === undefined || header === '') return true;
  const h = parseHostPort(header);
  if (!h) return false;
  const port = h.port ?? 80;
  return allowed.some((a) => a.host === h.host && (a.port === null || a.port === port));
}

/**
 * Middleware answering 421 Misdirected Request to a Host outside the list. The list is read
 * per request, because the real port is known only once the server listens (HTTP_PORT=0).
 */
export function hostCheck(allowed: () => readonly AllowedHost[]): MiddlewareHandler {
  return async (c, next) => {
    if (!hostAllowed(c.req.header('Host'), allowed())) {
      return c.json({ error: 'this server does not answer for that host name (see HTTP_ALLOWED_HOSTS)' }, 421);
    }
    await next();
  };
}
