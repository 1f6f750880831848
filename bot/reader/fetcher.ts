/**
 * Fetching one feed over HTTP(S), politely and defensively:
 *
 * - conditional GET (If-None-Match / If-Modified-Since from the last response, RFC 9110
 *   section 13.1): an unchanged feed costs the outlet a 304 and us nothing;
 * - two timeouts: `connectTimeoutMs` until the response headers arrive (covers DNS, connect,
 *   TLS and a server that accepts and then says nothing) and `timeoutMs` for the whole fetch,
 *   redirects and body included (covers a server that trickles bytes forever);
 * - a size cap on the body as sent and as decompressed (a small gzip can inflate to
 *   gigabytes): past the cap the stream is destroyed, never buffered whole;
 * - redirects followed by hand, so the cap is ours and the final URL is known;
 * - gzip, deflate (zlib-wrapped or raw, both occur) and brotli via node:zlib;
 * - the charset decided by `decodeFeedBytes` (encoding.ts), the same function the parser
 *   uses for bytes.
 *
 * Every failure is a FetchError with a `kind`; nothing here throws past the promise.
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress } from './public-address';
import type { Transform } from 'node:stream';
import { decodeFeedBytes } from './encoding';
import { urlForLog } from '../redact-url';
import { quoted } from '../terminal-text';

export const DEFAULT_USER_AGENT = 'NadzorWatch/0.1 (+https://github.com/nadzor-watch; feed monitor)';

/**
 * timeout: connect/headers or total time exceeded; too-large: body over maxBytes (raw or
 * decompressed); too-many-redirects; http: a non-2xx, non-304 status (see `status`);
 * network: DNS, refused, reset or cut connections; decode: corrupt or unsupported
 * Content-Encoding; invalid-url: not http(s), a redirect to such, or from https to http; aborted: the caller's
 * signal; file: a local file (readFeed) that cannot be read; forbidden-address: with
 * `publicOnly`, the host is or resolves to a loopback, private or link-local address.
 */
export type FetchErrorKind =
  | 'forbidden-address'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http'
  | 'network'
  | 'decode'
  | 'invalid-url'
  | 'aborted'
  | 'file';

/** Why a fetch failed. `status` is set for kind 'http'; `retryAfter` when the server sent one. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly status?: number;
  readonly retryAfter?: string;

  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    /** The URL being fetched when it failed (after redirects). */
    readonly url: string,
    options: { status?: number; retryAfter?: string; cause?: unknown } = {},
  ) {
    // The message is logged and stored: the URL in it goes without its query string (a key?).
    super(`${message} (${urlForLog(url)})`, { cause: options.cause });
    this.status = options.status;
    this.retryAfter = options.retryAfter;
  }
}

export interface FetchOptions {
  /** ETag from the previous response, sent as If-None-Match. */
  etag?: string | null;
  /** Last-Modified from the previous response, sent as If-Modified-Since. */
  lastModified?: string | null;
  /** Time allowed until the response headers arrive. Default 10 s. */
  connectTimeoutMs?: number;
  /** Time allowed for the whole fetch, redirects and body included. Default 30 s. */
  timeoutMs?: number;
  /** Largest body accepted, compressed and decompressed. Default 5 MB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** Default DEFAULT_USER_AGENT. */
  userAgent?: string;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Cancels the fetch (e.g. on shutdown); the error kind is then 'aborted'. */
  signal?: AbortSignal;
  /**
   * Connect only to public addresses, checked on every connection including redirects (feeds
   * added from a chat: their name may resolve somewhere else than when they were added).
   */
  publicOnly?: boolean;
  /**
   * With `publicOnly`, hosts (by name as written in the URL, lower case) that may still be
   * private: article pages on the host of an operator's own feed. Asked at every connection,
   * so a redirect from such a host to another private one is still refused.
   */
  trustedHost?: (hostname: string) => boolean;
}

interface Common {
  /** Final URL after redirects. */
  url: string;
  status: number;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
  /** Validators to store for the next conditional GET (the old ones are kept on a 304 without them). */
  etag: string | null;
  lastModified: string | null;
  redirects: number;
}

export type FetchResult =
  | (Common & { notModified: true })
  | (Common & {
      notModified: false;
      /** The body after decompression. */
      body: Buffer;
      /** The body decoded to text. */
      text: string;
      /** The charset used to decode it. */
      encoding: string;
      contentType: string | null;
      /** Charset problems found while decoding. */
      warnings: string[];
    });

const DEFAULTS = {
  connectTimeoutMs: 10_000,
  timeoutMs: 30_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
};

const ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type Settings = typeof DEFAULTS & FetchOptions;

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  location?: string;
  body?: Buffer;
}

function flattenHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** A decompressor for a Content-Encoding; for deflate the first byte tells zlib from raw. */
function decompressor(encoding: string, first: Buffer): Transform | null {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'br':
      return zlib.createBrotliDecompress();
    case 'deflate':
      // RFC 9110 means zlib format, but some servers send raw deflate; a zlib header has
      // compression method 8 in the low nibble of its first byte.
      return (first[0] & 0x0f) === 8 ? zlib.createInflate() : zlib.createInflateRaw();
    default:
      return null;
  }
}

/**
 * A DNS lookup for `publicOnly` fetches: refuses a name any of whose addresses is not public,
 * so the connection can never land on one.
 */
const publicLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '', 0);
    const list = addresses as LookupAddress[];
    const blocked = list.find((a) => !isPublicAddress(a.address));
    if (blocked || list.length === 0) {
      const e = Object.assign(new Error(`${hostname} resolves to a non-public address ${blocked?.address ?? '(none)'}`), { code: 'EFORBIDDEN' });
      return callback(e, '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, list[0].address, list[0].family);
  });
};

/** One GET, no redirects followed. Resolves with the body for 2xx, or status/location otherwise. */
function requestOnce(url: URL, s: Settings, deadline: number): Promise<RawResponse> {
  // An IP literal is never looked up, so publicOnly checks it here, before any connection.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (s.publicOnly && s.trustedHost?.(url.hostname.toLowerCase())) s = { ...s, publicOnly: false };
  if (s.publicOnly && isIP(host) && !isPublicAddress(host)) {
    return Promise.reject(new FetchError('forbidden-address', `${host} is not a public address`, url.href));
  }
  return new Promise<RawResponse>((resolve, reject) => {
    const href = url.href;
    const headers: Record<string, string> = {
      'user-agent': s.userAgent ?? DEFAULT_USER_AGENT,
      accept: ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
      ...(s.etag ? { 'if-none-match': s.etag } : {}),
      ...(s.lastModified ? { 'if-modified-since': s.lastModified } : {}),
      ...Object.fromEntries(Object.entries(s.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    };
    let settled = false;
    let res: http.IncomingMessage | undefined;
    let stream: Transform | null = null;
    const timers: NodeJS.Timeout[] = [];

    const cleanup = (): void => {
      timers.forEach(clearTimeout);
      s.signal?.removeEventListener('abort', onAbort);
    };
    const fail = (err: FetchError): void => {
      if (settled) return;
      settled = true;
      cleanup();
      stream?.destroy();
      res?.destroy();
      req.destroy();
      reject(err);
    };
    const succeed = (value: RawResponse): void => {
      if (settled) return;
      settled = true;
      cleanup();
      resolve(value);
    };
    const onAbort = (): void => fail(new FetchError('aborted', 'fetch aborted', href));

    const mod = url.protocol === 'https:' ? https : http;
    // agent: false: one connection per fetch, nothing pooled that could outlive a timeout.
    const req = mod.request(url, { method: 'GET', headers, agent: false, ...(s.publicOnly ? { lookup: publicLookup } : {}) });

    req.on('error', (err) => {
      const forbidden = (err as NodeJS.ErrnoException).code === 'EFORBIDDEN';
      fail(new FetchError(forbidden ? 'forbidden-address' : 'network', `request failed: ${err.message}`, href, { cause: err }));
    });
    req.on('response', (response) => {
      res = response;
      const status = response.statusCode ?? 0;
      const resHeaders = flattenHeaders(response.headers);
      if (REDIRECTS.has(status) && resHeaders.location) {
        response.resume();
        return succeed({ status, headers: resHeaders, location: resHeaders.location });
      }
      if (status === 304) {
        response.resume();
        return succeed({ status, headers: resHeaders });
      }
      if (status < 200 || status >= 300) {
        return fail(new FetchError('http', `HTTP ${status} ${quoted(response.statusMessage ?? '')}`.trim(), href, {
          status,
          retryAfter: resHeaders['retry-after'],
        }));
      }
      const declared = Number(resHeaders['content-length']);
      if (Number.isFinite(declared) && declared > s.maxBytes) {
        return fail(new FetchError('too-large', `body of ${declared} bytes exceeds the ${s.maxBytes}-byte limit`, href));
      }

      const encoding = (resHeaders['content-encoding'] ?? 'identity').trim().toLowerCase();
      if (!['identity', '', 'gzip', 'x-gzip', 'br', 'deflate'].includes(encoding)) {
        return fail(new FetchError('decode', `unsupported Content-Encoding "${encoding}"`, href));
      }
      const chunks: Buffer[] = [];
      let rawBytes = 0;
      let outBytes = 0;
      const tooLarge = (): void => fail(new FetchError('too-large', `body exceeds the ${s.maxBytes}-byte limit`, href));
      const onOut = (chunk: Buffer): void => {
        outBytes += chunk.length;
        if (outBytes > s.maxBytes) return tooLarge();
        chunks.push(chunk);
      };
      const finish = (): void => succeed({ status, headers: resHeaders, body: Buffer.concat(chunks) });

      response.on('data', (chunk: Buffer) => {
        if (settled) return;
        rawBytes += chunk.length;
        if (rawBytes > s.maxBytes) return tooLarge();
        if (encoding === 'identity' || encoding === '') return onOut(chunk);
        if (!stream) {
          stream = decompressor(encoding, chunk);
          stream!.on('data', onOut);
          stream!.on('end', finish);
          stream!.on('error', (err: Error) => fail(new FetchError('decode', `cannot decompress ${encoding} body: ${err.message}`, href, { cause: err })));
        }
        stream!.write(chunk);
      });
      response.on('end', () => {
        if (stream) stream.end();
        else finish();
      });
      response.on('error', (err) => fail(new FetchError('network', `response failed: ${err.message}`, href, { cause: err })));
      response.on('close', () => {
        if (!response.complete) fail(new FetchError('network', 'connection closed before the body was complete', href));
      });
    });

    const remaining = Math.max(0, deadline - Date.now());
    timers.push(setTimeout(() => fail(new FetchError('timeout', `no complete response within ${s.timeoutMs} ms`, href)), remaining));
    if (s.connectTimeoutMs < remaining) {
      timers.push(setTimeout(() => {
        if (!res) fail(new FetchError('timeout', `no response headers within ${s.connectTimeoutMs} ms`, href));
      }, s.connectTimeoutMs));
    }
    if (s.signal?.aborted) return onAbort();
    s.signal?.addEventListener('abort', onAbort);
    req.end();
  });
}

function parseUrl(raw: string, base?: string): URL | null {
  try {
    const u = new URL(raw, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/**
 * Where a redirect from `current` to `location` leads; throws FetchError for a location that
 * is not http(s), and for a step from https down to http: what was asked for over TLS must
 * not continue in clear text (a key in the URL, a tampered body).
 */
export function redirectTarget(location: string, current: URL): URL {
  const next = parseUrl(location, current.href);
  if (!next) throw new FetchError('invalid-url', `redirect to an unusable location "${urlForLog(location)}"`, current.href);
  if (current.protocol === 'https:' && next.protocol === 'http:') {
    throw new FetchError('invalid-url', `redirect from https to http refused (${urlForLog(next.href)})`, current.href);
  }
  return next;
}

/**
 * Fetches a feed. Resolves with `notModified: true` on 304, else with the decompressed body
 * and its decoded text; rejects with a FetchError.
 */
export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const s: Settings = {
    ...options,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    maxBytes: options.maxBytes ?? DEFAULTS.maxBytes,
    maxRedirects: options.maxRedirects ?? DEFAULTS.maxRedirects,
  };
  let current = parseUrl(url);
  if (!current) throw new FetchError('invalid-url', 'not an http(s) URL', url);
  const deadline = Date.now() + s.timeoutMs;

  for (let redirects = 0; ; redirects++) {
    const res = await requestOnce(current, s, deadline);
    if (res.location !== undefined) {
      if (redirects >= s.maxRedirects) {
        throw new FetchError('too-many-redirects', `more than ${s.maxRedirects} redirects`, current.href);
      }
      current = redirectTarget(res.location, current);
      continue;
    }
    const common: Common = {
      url: current.href,
      status: res.status,
      headers: res.headers,
      etag: res.headers.etag ?? (res.status === 304 ? options.etag ?? null : null),
      lastModified: res.headers['last-modified'] ?? (res.status === 304 ? options.lastModified ?? null : null),
      redirects,
    };
    if (res.status === 304) return { ...common, notModified: true };
    const body = res.body ?? Buffer.alloc(0);
    const contentType = res.headers['content-type'] ?? null;
    const decoded = decodeFeedBytes(body, contentType);
    return {
      ...common,
      notModified: false,
      body,
      text: decoded.text,
      encoding: decoded.encoding,
      contentType,
      warnings: decoded.warnings,
    };
  }
}
