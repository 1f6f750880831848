/**
 * The HTTP API and dashboard as a Hono app. `createApp` builds it from its dependencies, so
 * tests call `app.request()` without a socket; `startApi` (server.ts) serves it.
 */
import { Hono, type Context } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { TOPICS, type Scope } from '../../shared/model/types';
import type { Config } from '../config';
import { createLogger, type Logger } from '../log';
import { metrics, renderMetrics } from '../metrics';
import { loadOrgs, orgFtsQuery, type TrackedOrg } from '../orgs';
import type { Storage } from '../storage';
import { listArticles } from './articles';
import { dayStartMs, localDay, nextDay } from './belgrade';
import { CSV_SEPARATORS, type CsvSeparator } from './csv';
import { REPORT_LANGS } from './report-words';
import { bucketOfDay, coverage, COVERAGE_BY, INTERVALS, TooManyBucketsError, type Interval } from './coverage';
import { freshness } from './freshness';
import { dashboardPage, dashboardScript, dashboardStyles, type Asset } from './dashboard/assets';
import { exportBody, exportFileName, EXPORT_TYPES, MAX_EXPORT_ARTICLES, type ExportFormat, type ExportRequest } from './export';
import type { ArticleQuery } from './filters';
import { mentions } from './mentions';
import { overview } from './overview';
import { ParamError, Params, parseInstant, SCOPES } from './params';
import { related } from './related';
import { syncSearchIndex } from './search-index';
import { hostCheck, type AllowedHost } from './host-check';
import { allowedOrigin, API_CSP_DIRECTIVES, createAuthThrottle, DASHBOARD_CSP, SECURE_HEADERS } from './security';
import { listStories } from './stories';
import { isHttpUrl } from '../../shared/url/http-url';

/** What POST /api/articles hands to the processor: an article the feeds missed. */
export interface AddArticleInput {
  title: string;
  /** http(s) URL of the article, when it has one (print and TV may not). */
  url?: string;
  text?: string;
  outlet: string;
  /** Default 'domestic'. */
  scope?: Scope;
  /** ISO UTC instant; absent means now. */
  published?: string;
  /** Language hint such as 'sr' or 'en'; the classifier detects it otherwise. */
  lang?: string;
}

export interface AddArticleResult {
  id: number;
  /** True when the article was already stored (same URL or text); nothing new was added. */
  duplicate: boolean;
  relevant: boolean;
  alerted: boolean;
}

/**
 * Runs a hand-added article through the same processing as feed items: classify,
 * de-duplicate, group into a story, store, alert if relevant. Injected (bot/main.ts wires the
 * reader's processor), so the API does not depend on the reader.
 */
export type AddArticle = (input: AddArticleInput) => Promise<AddArticleResult> | AddArticleResult;

/** What the API logs through: the bot's one logger (bot/log.ts) fits. */
export type ApiLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

/** The settings the API reads. `loadConfig()` gives all of them. */
export type ApiConfig = Pick<Config, 'apiToken'> & Partial<Pick<Config, 'extensionOrigins' | 'orgsFile' | 'secrets' | 'allowedHosts'>>;

export interface ApiDeps {
  storage: Storage;
  config: ApiConfig;
  /** The tracked organisations; default: ORGS_FILE (config.orgsFile) or the packaged list. */
  orgs?: readonly TrackedOrg[];
  /** Enables POST /api/articles (with API_TOKEN set); without it that endpoint answers 503. */
  addArticle?: AddArticle;
  /** Default: `apiLogger` (stderr, secrets redacted). Nothing about requests is logged except failures. */
  logger?: ApiLogger;
  /** The clock, for default periods and recency; tests fix it. */
  now?: () => Date;
  /**
   * The Host-header allow list, read per request (startApi gives the defaults with the real
   * port). Absent: `config.allowedHosts` when set, else no check (an app without a socket).
   */
  allowedHosts?: () => readonly AllowedHost[];
}

/** Largest accepted POST body. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Where a period without `from` starts: whole Belgrade days, weeks or months back from `to`. */
const DEFAULT_SPAN: Record<Interval, (to: Date) => Date> = {
  day: (to) => new Date(dayStartMs(nextDay(localDay(to.getTime()), -29))),
  week: (to) => new Date(dayStartMs(nextDay(bucketOfDay(localDay(to.getTime()), 'week'), -25 * 7))),
  month: (to) => {
    const [y, m] = localDay(to.getTime()).split('-').map(Number);
    const first = new Date(Date.UTC(y, m - 1 - 11, 1)).toISOString().slice(0, 10);
    return new Date(dayStartMs(first));
  },
};

/** The API's default logger: the bot's one logger, lines marked "[api]". */
export function apiLogger(secrets: readonly string[] = []): ApiLogger {
  return createLogger({ secrets, prefix: '[api]' });
}

type App = Hono;

/** Builds the app. Loads the organisations list now, so a bad ORGS_FILE fails at start. */
export function createApp(deps: ApiDeps): App {
  const { storage, config } = deps;
  const db = storage.db;
  const orgs = deps.orgs ?? loadOrgs({ ORGS_FILE: config.orgsFile });
  const log = deps.logger ?? apiLogger(config.secrets);
  const now = deps.now ?? (() => new Date());
  const authThrottle = createAuthThrottle({ now: () => now().getTime() });
  const wrongToken = (c: Context) => c.json({ error: 'missing or wrong bearer token' }, 401, { 'WWW-Authenticate': 'Bearer realm="nadzor-watch"' });
  // Every failure is the same 401 (a malformed header is not told apart from a wrong token).
  const writeAuth = config.apiToken
    ? bearerAuth({
        token: config.apiToken,
        realm: 'nadzor-watch',
        noAuthenticationHeader: { message: wrongToken },
        invalidAuthenticationHeader: { message: wrongToken },
        invalidToken: { message: wrongToken },
      })
    : null;
  const app = new Hono();

  const allowedHosts = deps.allowedHosts ?? (config.allowedHosts ? () => config.allowedHosts! : undefined);
  if (allowedHosts) app.use('*', hostCheck(allowedHosts));

  // Hono's secure-headers on every response; `overwrite: false` keeps the dashboard page's own
  // Content-Security-Policy, everything else gets the API's "nothing may load" policy.
  app.use('*', secureHeaders({ ...SECURE_HEADERS, contentSecurityPolicy: API_CSP_DIRECTIVES, overwrite: false }));

  app.use(
    '/api/*',
    cors({
      origin: (origin) => allowedOrigin(origin, config.extensionOrigins),
      allowMethods: ['GET', 'HEAD'],
      maxAge: 600,
    }),
  );

  app.onError((err, c) => {
    if (err instanceof ParamError) return c.json({ error: err.message, parameter: err.parameter }, 400);
    if (err instanceof HTTPException) return err.getResponse();
    log.error(`${c.req.method} ${new URL(c.req.url).pathname} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return c.json({ error: 'internal error' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not found' }, 404));

  /** Brings the search index up to date before a query that reads it (cheap when it is). */
  const withIndex = async (f: ArticleQuery) => {
    if (f.match !== undefined || f.orgMatch !== undefined) await syncSearchIndex(db);
  };

  const params = (c: Context) => Params.of(c.req.url);

  const orgIds = new Set(orgs.map((o) => o.id));
  const pickOrgs = (p: Params): readonly TrackedOrg[] => {
    const wanted = p.list('org', 100);
    const unknown = wanted.find((id) => !orgIds.has(id));
    if (unknown !== undefined) throw new ParamError('org', `unknown organisation ${JSON.stringify(unknown)} (see GET /api/orgs)`);
    return wanted.length ? orgs.filter((o) => wanted.includes(o.id)) : orgs;
  };
  /**
   * The article filter plus `org`: only articles naming one of those organisations (in any
   * script, as mentions count them). GET /api/mentions reads `org` itself, as the organisations
   * to count.
   */
  const articleQuery = (p: Params, options: { relevantDefault?: boolean } = {}): ArticleQuery => {
    const f = p.articleQuery(options);
    if (p.has('org')) {
      const chosen = pickOrgs(p);
      f.orgMatch = chosen.map((o) => `(${orgFtsQuery(o)})`).join(' OR ');
    }
    return f;
  };

  // ---- health and metrics -------------------------------------------------------------------

  app.get('/healthz', async (c) => {
    try {
      await db.get('SELECT 1 AS one');
      return c.json({ status: 'ok' });
    } catch (err) {
      log.error(`health check failed: ${(err as Error).message}`);
      return c.json({ status: 'error', error: 'database unavailable' }, 503);
    }
  });

  app.get('/metrics', async (c) => {
    await refreshStorageGauges(db);
    return c.body(renderMetrics(), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
  });

  // ---- reads --------------------------------------------------------------------------------

  app.get('/api/articles', async (c) => {
    const p = params(c);
    const f = articleQuery(p);
    const limit = p.int('limit', 50, 1, 500);
    const offset = p.int('offset', 0, 0, 10_000_000);
    p.done();
    await withIndex(f);
    return c.json(await listArticles(db, f, limit, offset));
  });

  app.get('/api/stories', async (c) => {
    const p = params(c);
    const f = articleQuery(p);
    const limit = p.int('limit', 20, 1, 100);
    const offset = p.int('offset', 0, 0, 10_000_000);
    p.done();
    await withIndex(f);
    return c.json(await listStories(db, f, limit, offset));
  });

  /** from/to/interval with their defaults, and the filter (relevant by default). */
  const periodQuery = (p: Params, options: { org?: boolean } = {}) => {
    const f = options.org === false ? p.articleQuery({ relevantDefault: true }) : articleQuery(p, { relevantDefault: true });
    const interval = p.oneOf('interval', INTERVALS) ?? 'week';
    const to = f.until ?? now().toISOString();
    const from = f.since ?? DEFAULT_SPAN[interval](new Date(to)).toISOString();
    delete f.since;
    delete f.until;
    return { from, to, interval, filter: f };
  };
  const bucketsOk = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof TooManyBucketsError) throw new ParamError('interval', err.message);
      throw err;
    }
  };

  app.get('/api/coverage', async (c) => {
    const p = params(c);
    const q = periodQuery(p);
    const by = p.oneOf('by', COVERAGE_BY);
    const rows = p.bool('rows') ?? true;
    p.done();
    await withIndex(q.filter);
    return c.json(await bucketsOk(() => coverage(db, { ...q, by, rows })));
  });

  // The dashboard's charts in one scan (the same numbers as the coverage calls).
  app.get('/api/overview', async (c) => {
    const p = params(c);
    const q = periodQuery(p);
    p.done();
    // `org` filters the articles (those naming it); the mentions count that organisation, or all.
    const chosen = q.filter.orgMatch === undefined ? orgs : pickOrgs(Params.of(c.req.url));
    await withIndex(q.filter);
    return c.json(await bucketsOk(() => overview(db, { ...q, mentions: { orgs: chosen, tracked: orgs } })));
  });

  app.get('/api/mentions', async (c) => {
    const p = params(c);
    const q = periodQuery(p, { org: false });
    const chosen = pickOrgs(p);
    p.done();
    await withIndex(q.filter);
    return c.json(await bucketsOk(() => mentions(db, chosen, q, orgs)));
  });

  app.get('/api/freshness', async (c) => {
    params(c).done();
    return c.json(await freshness(db, now()));
  });

  app.get('/api/orgs', (c) => {
    params(c).done();
    return c.json({ orgs });
  });

  app.get('/api/related', async (c) => {
    const p = params(c);
    const topics = p.list('topics', TOPICS.length, 40);
    const unknown = topics.find((t) => !(TOPICS as readonly string[]).includes(t));
    if (unknown !== undefined) throw new ParamError('topics', `unknown topic ${JSON.stringify(unknown)} (expected ${TOPICS.join(', ')})`);
    const terms = p.list('terms', 20, 64);
    const lang = p.lang('lang');
    const limit = p.int('limit', 5, 1, 20);
    p.done();
    if (topics.length === 0 && terms.length === 0) throw new ParamError('topics', 'give topics or terms (or both)');
    await syncSearchIndex(db);
    // The request describes a page someone is reading: keep it out of shared caches.
    c.header('Cache-Control', 'private, max-age=60');
    return c.json(await related(db, { topics: topics as typeof TOPICS[number][], terms, lang, limit, now: now() }));
  });

  const exportRoute = (format: ExportFormat) => async (c: Context) => {
    const p = params(c);
    const type = p.oneOf('type', EXPORT_TYPES) ?? 'articles';
    let r: ExportRequest;
    let chosen = orgs;
    let period: { from?: string; to?: string };
    if (type === 'articles') {
      const filter = articleQuery(p);
      const includeText = p.bool('text') ?? false;
      const limit = p.int('limit', MAX_EXPORT_ARTICLES, 1, MAX_EXPORT_ARTICLES);
      r = { type, format, filter, includeText, limit };
      period = { from: filter.since, to: filter.until };
    } else {
      const q = periodQuery(p, { org: type === 'coverage' });
      if (type === 'coverage') r = { type, format, filter: q.filter, coverage: { ...q, by: p.oneOf('by', COVERAGE_BY) } };
      else {
        chosen = pickOrgs(p);
        r = { type, format, filter: q.filter, mentions: q };
      }
      period = q;
    }
    if (format === 'csv') {
      r.ui = p.oneOf('ui', REPORT_LANGS);
      r.separator = p.oneOf('sep', Object.keys(CSV_SEPARATORS) as CsvSeparator[]);
    }
    p.done();
    // Mentions bring the organisation index up to date themselves (org-index.ts).
    await withIndex(r.filter);
    const body = await bucketsOk(() => exportBody(db, chosen, orgs, r));
    return new Response(body, { headers: exportHeaders(format, exportFileName(r, period.from, period.to)) });
  };
  app.get('/api/export.csv', exportRoute('csv'));
  app.get('/api/export.json', exportRoute('json'));

  // ---- writes -------------------------------------------------------------------------------

  app.post(
    '/api/articles',
    async (c, next) => {
      // Checked before the body is read: no token, no work.
      if (!config.apiToken || !writeAuth) {
        return c.json({ error: 'write endpoints are disabled: set API_TOKEN to enable them' }, 403);
      }
      // The client's address when served by @hono/node-server; one key for all otherwise.
      const client = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'local';
      const wait = authThrottle.blockedFor(client);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return c.json({ error: `too many wrong tokens: try again in ${wait} s` }, 429);
      }
      // Hono's bearer-auth compares in constant time; its answer (401, or a response it
      // throws) is counted as a failure. It is run with a no-op `next` so that only the
      // token check is inside the try.
      let passed = false;
      try {
        await writeAuth(c, async () => {
          passed = true;
        });
      } catch (err) {
        if (err instanceof HTTPException) authThrottle.recordFailure(client);
        throw err;
      }
      return passed ? next() : c.json({ error: 'missing or wrong bearer token' }, 401);
    },
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ error: `body larger than ${MAX_BODY_BYTES} bytes` }, 413),
    }),
    async (c) => {
      if (!deps.addArticle) return c.json({ error: 'adding articles is not available in this process' }, 503);
      if (!/^application\/json\b/i.test(c.req.header('Content-Type') ?? '')) {
        return c.json({ error: 'send the article as JSON (Content-Type: application/json)' }, 415);
      }
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json({ error: 'body is not valid JSON' }, 400);
      }
      const input = articleInput(body, now());
      const result = await deps.addArticle(input);
      return c.json(result, result.duplicate ? 200 : 201);
    },
  );

  // ---- dashboard ----------------------------------------------------------------------------

  const serve = (c: Context, a: Asset, extra: Record<string, string> = {}) => {
    // A 304 carries the same CSP: browsers update the cached page's headers from it.
    if (c.req.header('If-None-Match') === a.etag) return c.body(null, 304, { ETag: a.etag, ...extra });
    return c.body(a.body, 200, { 'Content-Type': a.type, ETag: a.etag, 'Cache-Control': 'no-cache', ...extra });
  };
  app.get('/', (c) => serve(c, dashboardPage(), { 'Content-Security-Policy': DASHBOARD_CSP }));
  app.get('/assets/dashboard.js', async (c) => serve(c, await dashboardScript()));
  app.get('/assets/dashboard.css', (c) => serve(c, dashboardStyles()));

  return app;
}

function exportHeaders(format: ExportFormat, fileName: string): Record<string, string> {
  return {
    'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Cache-Control': 'no-store',
  };
}

/** Feed and outbox gauges read from storage at scrape time, so they are right even between cycles. */
async function refreshStorageGauges(db: Storage['db']): Promise<void> {
  const f = (await db.get<{ ok: number; failing: number; paused: number }>(
    `SELECT coalesce(sum(CASE WHEN consecutive_failures = 0 AND paused = 0 AND last_ok_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS ok,
            coalesce(sum(CASE WHEN consecutive_failures > 0 OR paused = 1 THEN 1 ELSE 0 END), 0) AS failing,
            coalesce(sum(paused), 0) AS paused
     FROM feeds WHERE active = 1`,
  ))!;
  metrics.feedsOk.set(f.ok);
  metrics.feedsFailing.set(f.failing);
  metrics.feedsPaused.set(f.paused);
  const outbox = (await db.get<{ n: number }>("SELECT count(*) AS n FROM alerts WHERE status IN ('pending', 'sending')"))!;
  metrics.outboxDepth.set(outbox.n);
}

const ARTICLE_FIELDS = ['title', 'url', 'text', 'outlet', 'scope', 'published', 'lang'] as const;

/** Checks a POST body; every problem is a 400 naming the field. */
export function articleInput(body: unknown, now: Date): AddArticleInput {
  const bad = (field: string, message: string) => new ParamError(field, message, 'field');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('body', 'must be a JSON object');
  const b = body as Record<string, unknown>;
  for (const key of Object.keys(b)) {
    if (!(ARTICLE_FIELDS as readonly string[]).includes(key)) throw bad(key, `is not an article field (expected ${ARTICLE_FIELDS.join(', ')})`);
  }
  const str = (field: string, max: number, required: boolean): string | undefined => {
    const v = b[field];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      if (required) throw bad(field, 'is required');
      return undefined;
    }
    if (typeof v !== 'string') throw bad(field, 'must be a string');
    const s = v.trim();
    if (s.length > max) throw bad(field, `must be at most ${max} characters`);
    return s;
  };
  const input: AddArticleInput = { title: str('title', 1000, true)!, outlet: str('outlet', 200, true)! };
  const url = str('url', 2000, false);
  if (url !== undefined) {
    if (!isHttpUrl(url)) throw bad('url', 'must be an http(s) URL');
    input.url = url;
  }
  const text = str('text', 100_000, false);
  if (text !== undefined) input.text = text;
  const scope = str('scope', 20, false);
  if (scope !== undefined) {
    if (!(SCOPES as readonly string[]).includes(scope)) throw bad('scope', `must be "domestic" or "international"`);
    input.scope = scope as Scope;
  }
  const published = str('published', 40, false);
  if (published !== undefined) {
    const iso = parseInstant(published);
    if (typeof iso !== 'string') throw bad('published', iso.error);
    if (Date.parse(iso) > now.getTime() + 86_400_000) throw bad('published', 'is in the future');
    input.published = iso;
  }
  const lang = str('lang', 10, false);
  if (lang !== undefined) {
    if (!/^([a-z]{2,3}|und)$/.test(lang.toLowerCase())) throw bad('lang', 'must be a language code such as "sr" or "en"');
    input.lang = lang.toLowerCase();
  }
  return input;
}
