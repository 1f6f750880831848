/**
 * The few requests the extension ever makes, all to the server the reader configured and
 * none without one. Requests carry no cookies and no referrer; answers are validated and
 * trimmed before anything shows them, and they are only ever shown as text.
 */
import { TOPICS, type Topic } from '../../shared/model/types';
import { httpHref } from '../../shared/url/http-url';

/** An article as the server reports it, after validation. */
export interface RelatedArticle {
  title: string;
  /** Always an http(s) URL. */
  url: string;
  outlet: string;
  published: string | null;
  score: number | null;
  topics: Topic[];
}

export interface CoverageRow {
  bucket: string;
  key: string;
  articles: number;
  stories: number;
}

export interface RelatedQuery {
  topics: readonly Topic[];
  terms: readonly string[];
  lang: 'sr' | 'en';
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const TIMEOUT_MS = 8000;
const MAX_ITEMS = 10;

/** The URL if it is absolute http(s), else null (no javascript:, data: or relative URLs). */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  return httpHref(value);
}

function text(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  // Control characters out, whitespace collapsed: the value is shown as plain text.
  const s = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return s === '' ? null : s.length > max ? s.slice(0, max - 1) + '…' : s;
}

function parseArticle(raw: unknown): RelatedArticle | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const title = text(r.title, 300);
  const url = safeHttpUrl(r.url);
  if (title === null || url === null) return null;
  const topics = Array.isArray(r.topics)
    ? r.topics.filter((t): t is Topic => typeof t === 'string' && (TOPICS as readonly string[]).includes(t))
    : [];
  const published = text(r.published, 40);
  return {
    title,
    url,
    outlet: text(r.outlet, 120) ?? new URL(url).hostname,
    published: published !== null && !Number.isNaN(Date.parse(published)) ? published : null,
    score: typeof r.score === 'number' && Number.isFinite(r.score) ? r.score : null,
    topics: [...new Set(topics)],
  };
}

/** The articles of an `{ articles: [...] }` answer; invalid items are dropped. */
export function parseArticles(json: unknown): RelatedArticle[] {
  const list = (json as { articles?: unknown } | null)?.articles;
  if (!Array.isArray(list)) throw new Error('answer has no articles list');
  const out: RelatedArticle[] = [];
  for (const item of list) {
    const a = parseArticle(item);
    if (a) out.push(a);
    if (out.length >= MAX_ITEMS) break;
  }
  return out;
}

/** The rows of a coverage answer; invalid rows are dropped. */
export function parseCoverage(json: unknown): CoverageRow[] {
  const rows = (json as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) throw new Error('answer has no rows list');
  const count = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);
  const out: CoverageRow[] = [];
  for (const raw of rows.slice(0, 500)) {
    const r = (raw ?? {}) as Record<string, unknown>;
    const bucket = text(r.bucket, 40);
    const key = text(r.key, 80);
    const articles = count(r.articles);
    const stories = count(r.stories);
    if (bucket !== null && key !== null && articles !== null && stories !== null) out.push({ bucket, key, articles, stories });
  }
  return out;
}

/** `GET /api/related`: only topics, title terms and the language: never the page URL or text. */
export function relatedUrl(server: string, query: RelatedQuery): string {
  const url = new URL(server.replace(/\/*$/, '/') + 'api/related');
  url.searchParams.set('topics', query.topics.join(','));
  url.searchParams.set('terms', query.terms.join(','));
  url.searchParams.set('lang', query.lang);
  return url.href;
}

async function getJson(url: string, fetchImpl: FetchLike): Promise<unknown> {
  const res = await fetchImpl(url, {
    method: 'GET',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    cache: 'no-store',
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`server answered ${res.status}`);
  return res.json();
}

export async function fetchRelated(server: string, query: RelatedQuery, fetchImpl: FetchLike = fetch): Promise<RelatedArticle[]> {
  return parseArticles(await getJson(relatedUrl(server, query), fetchImpl));
}

/** The latest relevant articles (`/api/articles?relevant=true&limit=5`), with the total. */
export async function fetchLatestAlerts(
  server: string,
  fetchImpl: FetchLike = fetch,
): Promise<{ articles: RelatedArticle[]; total: number | null }> {
  const url = new URL(server.replace(/\/*$/, '/') + 'api/articles');
  url.searchParams.set('relevant', 'true');
  url.searchParams.set('limit', '5');
  const json = await getJson(url.href, fetchImpl);
  const total = (json as { total?: unknown } | null)?.total;
  return { articles: parseArticles(json).slice(0, 5), total: typeof total === 'number' && Number.isInteger(total) ? total : null };
}

/** Weekly coverage by scope between two dates (`/api/coverage`). */
export async function fetchCoverage(server: string, from: Date, to: Date, fetchImpl: FetchLike = fetch): Promise<CoverageRow[]> {
  const url = new URL(server.replace(/\/*$/, '/') + 'api/coverage');
  url.searchParams.set('from', from.toISOString().slice(0, 10));
  url.searchParams.set('to', to.toISOString().slice(0, 10));
  url.searchParams.set('interval', 'week');
  url.searchParams.set('by', 'scope');
  return parseCoverage(await getJson(url.href, fetchImpl));
}

/** Totals per key ("domestic", "international") over all buckets. */
export function totalsByKey(rows: readonly CoverageRow[]): Map<string, { articles: number; stories: number }> {
  const totals = new Map<string, { articles: number; stories: number }>();
  for (const r of rows) {
    const t = totals.get(r.key) ?? { articles: 0, stories: 0 };
    t.articles += r.articles;
    t.stories += r.stories;
    totals.set(r.key, t);
  }
  return totals;
}
