import { resolve } from 'node:path';
import { validate as validateCron } from 'node-cron';
import { parseHostPort, type AllowedHost } from './api/host-check';
import { readNotifyEnv, type NotifyEnv } from './notify/settings';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The bot's settings, read once at start from the environment. */
export interface Config {
  /** DATA_DIR, resolved to an absolute path. Default `./data`. Holds `nadzor.db`. */
  dataDir: string;
  /**
   * DATABASE_URL: postgres://user:password@host:port/db to store everything in PostgreSQL
   * (several instances may then share it), or null (the default) for SQLite in DATA_DIR.
   * Not enumerable (it may hold a password), and its password is one of `secrets`.
   */
  readonly databaseUrl: string | null;
  /** POLL_CRON: when to poll due feeds. Default every 10 minutes; a 6-field form adds seconds. */
  pollCron: string;
  /** ALERT_BACKLOG_HOURS (>= 0): on a feed's first read, items older than this are stored, not alerted. Default 24. */
  alertBacklogHours: number;
  /** ALERT_MIN_SCORE in 0..1, or null (the default) to alert on the classifier's own `relevant`. */
  alertMinScore: number | null;
  /** FEEDS_FILE: a JSON/YAML list replacing the default feeds, or null for the defaults. */
  feedsFile: string | null;
  /** HTTP_HOST for the API and dashboard. Default 127.0.0.1 (not exposed unless asked). */
  httpHost: string;
  /** HTTP_PORT. Default 8787; 0 picks a free port (tests). */
  httpPort: number;
  /**
   * HTTP_ALLOWED_HOSTS: the host names (optionally with a port) the API answers for, against
   * DNS rebinding; undefined (the default) for the bind address and localhost, 127.0.0.1 and
   * [::1] with the port it listens on (bot/api/host-check.ts).
   */
  allowedHosts?: AllowedHost[];
  /** FETCH_TIMEOUT_MS: a whole feed request, headers to last byte. Default 20 000. */
  fetchTimeoutMs: number;
  /** FETCH_CONCURRENCY: feeds fetched at once, 1..64. Default 4. */
  fetchConcurrency: number;
  /** FEED_MAX_BYTES (>= 1024): a larger response is cut off and counted as a failure. Default 5 MiB. */
  feedMaxBytes: number;
  /**
   * ARTICLE_WAIT_MS: how long a short or undecided item waits for its article page before it
   * is decided on its feed text (bot/reader/article). Default 30 000; 0 reads no pages.
   */
  articleWaitMs: number;
  /** ARTICLE_HOST_BUDGET: article pages read from one host in 24 hours, at most. Default 200. */
  articleHostBudget: number;
  /** FEED_MAX_ITEMS (1..10 000): items read per feed, the newest; the rest are counted. Default 500. */
  feedMaxItems: number;
  /** FEED_MAX_ALERTS (>= 0): alerts one feed may queue per cycle; later relevant items are stored, not alerted. Default 20. */
  feedMaxAlerts: number;
  /** FEED_SLOW_MS: a read that succeeds but takes longer than this backs off like a failure. Default 10 000. */
  feedSlowMs: number;
  /**
   * FEED_LEASE_MS (PostgreSQL, several instances): how long a leased feed stays one instance's
   * unless it records the read; a killed instance's feeds go to the others after this.
   * Default 600 000 (10 minutes). Unused on SQLite.
   */
  feedLeaseMs: number;
  /**
   * FEED_MIN_REFETCH_MS (PostgreSQL): a feed read less than this long ago is not due, so
   * instances whose cycles start a few seconds apart do not read it once each. Keep it below
   * the poll interval. Default 300 000 (5 minutes). Unused on SQLite.
   */
  feedMinRefetchMs: number;
  /**
   * DELIVERY_CLAIM_MS: how long a claimed alert or digest stays one delivery worker's; a
   * killed instance's claims are taken again after this. It must outlast a batch's sends
   * with their rate-limit waits. Default 120 000 (2 minutes).
   */
  deliveryClaimMs: number;
  /** LOG_LEVEL: debug, info, warn or error. Default info. */
  logLevel: LogLevel;
  /**
   * API_TOKEN: the bearer token for the API's write endpoints (POST /api/articles), or null
   * (the default) to disable them. At least 12 characters. Not enumerable, like `secrets`, so
   * logging or serialising the config never prints it.
   */
  readonly apiToken: string | null;
  /** ORGS_FILE: a JSON/YAML list replacing the tracked organisations (bot/orgs), or undefined for the defaults. */
  orgsFile?: string;
  /**
   * EXTENSION_ORIGINS: comma-separated browser-extension origins (chrome-extension://<id>,
   * moz-extension://<uuid>) allowed to call the API cross-origin, or undefined to allow any
   * chrome-extension:// and moz-extension:// origin.
   */
  extensionOrigins?: string[];
  /**
   * Every secret value found in the environment (see `secretValues`), for `redact`. Not
   * enumerable, so logging or serialising the config never prints them.
   */
  readonly secrets: readonly string[];
  /**
   * Alert delivery: ALERT_LANGUAGE, DISCORD_*, TELEGRAM_*, DIGEST_* (bot/notify/settings.ts;
   * checked as a whole by createNotifiers). Not enumerable for the same reason as `secrets`:
   * it holds tokens.
   */
  readonly notify: NotifyEnv;
}

export const DEFAULTS = {
  dataDir: './data',
  pollCron: '*/10 * * * *',
  alertBacklogHours: 24,
  httpHost: '127.0.0.1',
  httpPort: 8787,
  fetchTimeoutMs: 20_000,
  fetchConcurrency: 4,
  feedMaxBytes: 5 * 1024 * 1024,
  articleWaitMs: 30_000,
  articleHostBudget: 200,
  feedMaxItems: 500,
  feedMaxAlerts: 20,
  feedSlowMs: 10_000,
  feedLeaseMs: 10 * 60_000,
  feedMinRefetchMs: 5 * 60_000,
  deliveryClaimMs: 2 * 60_000,
  logLevel: 'info' as LogLevel,
} as const;

/** API_TOKEN shorter than this is refused: a guessable token protects nothing. */
export const API_TOKEN_MIN_LENGTH = 12;

/** One browser-extension origin: scheme plus the extension's id (Chrome) or internal UUID (Firefox). */
const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Invalid settings: every bad variable, by name, with what it should be. Start-up stops on it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: ReadonlyArray<{ variable: string; message: string }>;

  constructor(problems: ReadonlyArray<{ variable: string; message: string }>) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

/**
 * Names whose values are secrets: tokens, webhook URLs (a Discord webhook URL is its own
 * credential), passwords and keys. Matched on the whole name, so DISCORD_TOKEN, API_TOKEN,
 * TELEGRAM_BOT_TOKEN and any future *_SECRET are covered without a list to keep in step.
 */
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|WEBHOOK|API_KEY|PRIVATE_KEY|CREDENTIALS?)/i;

/**
 * Values shorter than this are not redacted: no real token is that short, and replacing "1" or
 * "on" everywhere would make every log line unreadable.
 */
const MIN_SECRET_LENGTH = 6;

/** The values of all secret-looking variables in `env`, longest first (see `redact`). */
export function secretValues(env: Env = process.env): string[] {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (!value || !SECRET_NAME.test(name)) continue;
    const trimmed = value.trim();
    if (trimmed.length >= MIN_SECRET_LENGTH) values.add(trimmed);
  }
  return [...values].sort((a, b) => b.length - a.length);
}

/**
 * `text` with every secret replaced by "***", also in its URL-encoded form (tokens end up in
 * request URLs: Telegram puts the bot token in the path). Longest first, so a secret that
 * contains another is hidden whole.
 */
export function redact(text: string, source: Pick<Config, 'secrets'> | readonly string[]): string {
  const secrets = Array.isArray(source) ? (source as readonly string[]) : (source as Pick<Config, 'secrets'>).secrets;
  const forms = new Set<string>();
  for (const s of secrets) {
    forms.add(s);
    forms.add(encodeURIComponent(s));
  }
  let out = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join('***');
  return out;
}

/**
 * Reads and checks the settings. Unset or blank variables take their defaults (so an env file
 * with `FEEDS_FILE=` means "no file"). Throws one ConfigError listing every invalid variable.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: Array<{ variable: string; message: string }> = [];
  const raw = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const bad = (variable: string, message: string) => problems.push({ variable, message });

  /** A number read from `name`, or the default; checks integer-ness and bounds. */
  const num = (name: string, fallback: number, opts: { min: number; max?: number; integer?: boolean }): number => {
    const value = raw(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    const range = opts.max === undefined ? `>= ${opts.min}` : `between ${opts.min} and ${opts.max}`;
    const what = `${opts.integer ? 'an integer' : 'a number'} ${range}`;
    if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n)) || n < opts.min || (opts.max !== undefined && n > opts.max)) {
      bad(name, `must be ${what}, got ${JSON.stringify(value)}`);
      return fallback;
    }
    return n;
  };

  const pollCron = raw('POLL_CRON') ?? DEFAULTS.pollCron;
  if (!validateCron(pollCron)) {
    bad('POLL_CRON', `must be a cron expression with 5 fields (or 6, seconds first), got ${JSON.stringify(pollCron)}`);
  }

  const minScore = raw('ALERT_MIN_SCORE');
  const alertMinScore = minScore === undefined ? null : num('ALERT_MIN_SCORE', 0, { min: 0, max: 1 });

  const logLevel = (raw('LOG_LEVEL')?.toLowerCase() ?? DEFAULTS.logLevel) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) bad('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(raw('LOG_LEVEL'))}`);

  const httpHost = raw('HTTP_HOST') ?? DEFAULTS.httpHost;
  if (/\s|\//.test(httpHost)) bad('HTTP_HOST', `must be a host name or IP address, got ${JSON.stringify(httpHost)}`);

  const hostsRaw = raw('HTTP_ALLOWED_HOSTS');
  let allowedHosts: AllowedHost[] | undefined;
  if (hostsRaw !== undefined) {
    const entries = hostsRaw.split(',').map((h) => h.trim()).filter((h) => h !== '');
    const parsed = entries.map(parseHostPort);
    const wrong = entries.filter((_, i) => parsed[i] === null);
    if (wrong.length || entries.length === 0) {
      bad('HTTP_ALLOWED_HOSTS', `must be a comma-separated list of host names or addresses, each with an optional :port (e.g. "localhost:8787,nadzor.lan"), got ${JSON.stringify(hostsRaw)}`);
    } else {
      allowedHosts = parsed as AllowedHost[];
    }
  }

  const apiToken = raw('API_TOKEN') ?? null;
  // The bearer token syntax of RFC 6750 (what Hono's bearer-auth accepts): letters, digits, -._~+/ and trailing "=".
  if (apiToken !== null && (apiToken.length < API_TOKEN_MIN_LENGTH || !/^[A-Za-z0-9._~+/-]+=*$/.test(apiToken))) {
    // The value itself is never echoed: it is a secret even when it is a bad one.
    bad('API_TOKEN', `must be at least ${API_TOKEN_MIN_LENGTH} characters of letters, digits and - . _ ~ + / (e.g. from \`openssl rand -hex 24\`)`);
  }

  const orgsFile = raw('ORGS_FILE');

  const databaseUrl = raw('DATABASE_URL') ?? null;
  let databasePassword: string | null = null;
  if (databaseUrl !== null) {
    let ok = false;
    try {
      const u = new URL(databaseUrl);
      ok = (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '' && u.pathname.length > 1;
      if (u.password) databasePassword = decodeURIComponent(u.password);
    } catch {
      ok = false;
    }
    // The value is not echoed: it may carry a password.
    if (!ok) bad('DATABASE_URL', 'must be a PostgreSQL URL such as postgres://nadzor:PASSWORD@127.0.0.1:5432/nadzor');
  }

  const originsRaw = raw('EXTENSION_ORIGINS');
  let extensionOrigins: string[] | undefined;
  if (originsRaw !== undefined) {
    extensionOrigins = originsRaw.split(',').map((o) => o.trim()).filter((o) => o !== '');
    const wrong = extensionOrigins.filter((o) => !EXTENSION_ORIGIN.test(o));
    if (wrong.length || extensionOrigins.length === 0) {
      bad('EXTENSION_ORIGINS', `must be a comma-separated list of chrome-extension://<id> or moz-extension://<uuid> origins, got ${JSON.stringify(originsRaw)}`);
    }
  }

  const config = {
    dataDir: resolve(raw('DATA_DIR') ?? DEFAULTS.dataDir),
    pollCron,
    alertBacklogHours: num('ALERT_BACKLOG_HOURS', DEFAULTS.alertBacklogHours, { min: 0 }),
    alertMinScore,
    feedsFile: raw('FEEDS_FILE') ?? null,
    httpHost,
    httpPort: num('HTTP_PORT', DEFAULTS.httpPort, { min: 0, max: 65535, integer: true }),
    fetchTimeoutMs: num('FETCH_TIMEOUT_MS', DEFAULTS.fetchTimeoutMs, { min: 1, integer: true }),
    fetchConcurrency: num('FETCH_CONCURRENCY', DEFAULTS.fetchConcurrency, { min: 1, max: 64, integer: true }),
    feedMaxBytes: num('FEED_MAX_BYTES', DEFAULTS.feedMaxBytes, { min: 1024, integer: true }),
    articleWaitMs: num('ARTICLE_WAIT_MS', DEFAULTS.articleWaitMs, { min: 0, max: 600_000, integer: true }),
    articleHostBudget: num('ARTICLE_HOST_BUDGET', DEFAULTS.articleHostBudget, { min: 1, integer: true }),
    feedMaxItems: num('FEED_MAX_ITEMS', DEFAULTS.feedMaxItems, { min: 1, max: 10_000, integer: true }),
    feedMaxAlerts: num('FEED_MAX_ALERTS', DEFAULTS.feedMaxAlerts, { min: 0, integer: true }),
    feedSlowMs: num('FEED_SLOW_MS', DEFAULTS.feedSlowMs, { min: 1, integer: true }),
    feedLeaseMs: num('FEED_LEASE_MS', DEFAULTS.feedLeaseMs, { min: 1000, integer: true }),
    feedMinRefetchMs: num('FEED_MIN_REFETCH_MS', DEFAULTS.feedMinRefetchMs, { min: 0, integer: true }),
    deliveryClaimMs: num('DELIVERY_CLAIM_MS', DEFAULTS.deliveryClaimMs, { min: 1000, integer: true }),
    logLevel,
    // Optional settings stay absent (undefined) when unset.
    ...(orgsFile !== undefined ? { orgsFile } : {}),
    ...(extensionOrigins !== undefined ? { extensionOrigins } : {}),
    ...(allowedHosts !== undefined ? { allowedHosts } : {}),
  };
  const notify = readNotifyEnv(raw, bad);
  if (problems.length) throw new ConfigError(problems);
  const secrets = secretValues(env);
  if (databasePassword && databasePassword.length >= MIN_SECRET_LENGTH && !secrets.includes(databasePassword)) {
    secrets.push(databasePassword);
    secrets.sort((a, b) => b.length - a.length);
  }
  Object.defineProperty(config, 'secrets', { value: Object.freeze(secrets), enumerable: false });
  Object.defineProperty(config, 'databaseUrl', { value: databaseUrl, enumerable: false });
  Object.defineProperty(config, 'notify', { value: notify, enumerable: false });
  Object.defineProperty(config, 'apiToken', { value: apiToken, enumerable: false });
  return config as Config;
}
