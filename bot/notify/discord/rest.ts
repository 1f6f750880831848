import { DiscordAPIError, HTTPError, RateLimitError, REST, type RESTOptions } from 'discord.js';
import { DeliveryError, kindForStatus } from '../errors';

export interface DiscordRestOptions {
  /** REST base without the version, e.g. https://discord.com/api (DISCORD_API_URL). */
  api: string;
  /** Bot token; omit for webhook-only use (webhook routes carry their own token). */
  token?: string | null;
  /** Per request. Default 15 s. */
  timeoutMs?: number;
}

/**
 * Reads Discord's answer to a 429 before discord.js does. discord.js only looks at the
 * Retry-After header (whole seconds) and would wait in-process; we want the body's precise
 * `retry_after` and the decision in the delivery worker, which reschedules the alert and
 * pauses the channel instead of holding a request open.
 */
async function fetchWithRateLimits(url: string, init: RequestInit): Promise<Response> {
  const res = await fetch(url, init);
  if (res.status !== 429) return res;
  const body = (await res.json().catch(() => null)) as { retry_after?: number; global?: boolean } | null;
  const header = Number(res.headers.get('retry-after'));
  const seconds = typeof body?.retry_after === 'number' ? body.retry_after : Number.isFinite(header) && header > 0 ? header : 1;
  const global = body?.global === true || res.headers.get('x-ratelimit-global') === 'true';
  throw new DeliveryError('rate-limited', `Discord HTTP 429: retry after ${seconds}s${global ? ' (global)' : ''}`, {
    status: 429,
    retryAfterMs: Math.ceil(seconds * 1000),
    global,
  });
}

/**
 * A discord.js REST client for delivery: no retries of its own (the worker retries with its
 * own backoff, durably), rate limits surfaced as errors rather than waited out.
 */
export function createDiscordRest(options: DiscordRestOptions): REST {
  const rest = new REST({
    api: options.api,
    version: '10',
    retries: 0,
    timeout: options.timeoutMs ?? 15_000,
    rejectOnRateLimit: () => true,
    // discord.js types this with undici's fetch types; Node's global fetch is undici at run time.
    makeRequest: fetchWithRateLimits as unknown as RESTOptions['makeRequest'],
  });
  if (options.token) rest.setToken(options.token);
  return rest;
}

/** Any failure of a Discord REST call, classified for the worker. */
export function discordError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof RateLimitError) {
    return new DeliveryError('rate-limited', `Discord rate limit on ${err.route}: retry after ${err.retryAfter} ms`, {
      status: 429,
      retryAfterMs: Math.max(1, err.retryAfter),
      global: err.global,
    });
  }
  if (err instanceof DiscordAPIError) {
    return new DeliveryError(kindForStatus(err.status), `Discord HTTP ${err.status} (code ${err.code}): ${err.message}`, {
      status: err.status,
    });
  }
  if (err instanceof HTTPError) {
    return new DeliveryError(kindForStatus(err.status), `Discord HTTP ${err.status}`, { status: err.status });
  }
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new DeliveryError('transient', `Discord request failed: ${message}`);
}
