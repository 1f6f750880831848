/** The dashboard's reads from this server's API: one typed function per endpoint it uses. */
import { apiParams, previousPeriod, type View } from './state';

export interface CoverageRow {
  bucket: string;
  key: string;
  articles: number;
  stories: number;
}
export interface Coverage {
  from: string;
  to: string;
  buckets: string[];
  partial: string[];
  rows: CoverageRow[];
  totals: Array<{ key: string; articles: number; stories: number }>;
  total: { articles: number; stories: number };
}
export interface OrgName {
  en: string;
  sr: string;
}
export interface Mentions {
  buckets: string[];
  partial: string[];
  total: { articles: number };
  orgs: Array<{ id: string; name: OrgName; articles: number; share: number; shareOfVoice: number; series: Array<{ bucket: string; articles: number }> }>;
}
export interface Article {
  id: number;
  title: string;
  url: string | null;
  outlet: string;
  scope: string;
  published: string | null;
  fetchedAt: string;
  topics: string[];
  reasons: string[];
  /** Which text the decision used (bot/reader/article); null for older articles. */
  decidedOn?: string | null;
  pageStatus?: string | null;
}
export interface Story {
  id: number | null;
  title: string;
  firstSeen: string;
  lastSeen: string;
  articleCount: number;
  matching: number;
  outlets: string[];
  articles: Article[];
}
export interface StoryPage {
  stories: Story[];
  total: number;
}
export interface Freshness {
  feeds: number;
  ok: number;
  failing: number;
  paused: number;
  lastReadAt: string | null;
}
export interface Org {
  id: string;
  name: OrgName;
}

/** GET /api/overview: every coverage chart of a view from one scan. */
interface Overview {
  from: string;
  to: string;
  buckets: string[];
  partial: string[];
  coverage: { rows: CoverageRow[]; total: { articles: number; stories: number } };
  scope: { rows: CoverageRow[]; totals: Coverage['totals'] };
  outlets: Array<{ key: string; articles: number; stories: number; scope: string }>;
  lang: Coverage['totals'];
  script: Coverage['totals'];
  topic: Coverage['totals'];
  mentions: Mentions;
}

export interface Data {
  coverage: Coverage;
  scope: Coverage;
  /** Outlet totals with their kind of media. */
  outlets: Array<{ key: string; articles: number; stories: number; scope: 'domestic' | 'international' }>;
  lang: Coverage;
  script: Coverage;
  topic: Coverage;
  mentions: Mentions;
  latest: StoryPage;
  previous: Coverage;
  freshness: Freshness;
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new Error(body.error ?? `${res.status} ${res.statusText}`);
  return body as T;
}

let orgs: Promise<Org[]> | undefined;

/** The tracked organisations (read once). */
export function loadOrgs(): Promise<Org[]> {
  orgs ??= getJson<{ orgs: Org[] }>('/api/orgs').then((r) => r.orgs);
  orgs.catch(() => (orgs = undefined));
  return orgs;
}

/** Everything one view shows, in parallel (4 requests; `npm run bench -- api` times them). */
export async function loadView(v: View): Promise<Data> {
  const prev = previousPeriod(v.from, v.to);
  const [o, latest, previous, freshness] = await Promise.all([
    getJson<Overview>(`/api/overview?${apiParams(v, { interval: v.interval })}`),
    getJson<StoryPage>(`/api/stories?${apiParams(v, { limit: '10' })}`),
    getJson<Coverage>(`/api/coverage?${apiParams(v, { from: prev.from, to: prev.to, by: 'scope', rows: 'false', interval: 'month' })}`),
    getJson<Freshness>('/api/freshness'),
  ]);
  const base = { from: o.from, to: o.to, buckets: o.buckets, partial: o.partial };
  const none = { articles: 0, stories: 0 };
  const totalsOnly = (totals: Coverage['totals']): Coverage => ({ ...base, rows: [], totals, total: none });
  return {
    coverage: { ...base, rows: o.coverage.rows, totals: [], total: o.coverage.total },
    scope: { ...base, rows: o.scope.rows, totals: o.scope.totals, total: none },
    outlets: o.outlets.map((x) => ({ ...x, scope: x.scope === 'international' ? 'international' : 'domestic' })),
    lang: totalsOnly(o.lang),
    script: totalsOnly(o.script),
    topic: totalsOnly(o.topic),
    mentions: o.mentions,
    latest,
    previous,
    freshness,
  };
}

/**
 * One page of the stories behind a count, and the number of articles behind it (a lower
 * bound when `articlesExact` is false: a text search counts its matches only up to a cap).
 */
export async function loadDrill(
  v: View,
  overrides: Record<string, string | undefined>,
  offset: number,
): Promise<{ page: StoryPage; articles: number; articlesExact: boolean }> {
  const [page, articles] = await Promise.all([
    getJson<StoryPage>(`/api/stories?${apiParams(v, { ...overrides, limit: '50', offset: String(offset) })}`),
    getJson<{ total: number; totalExact?: boolean }>(`/api/articles?${apiParams(v, { ...overrides, limit: '1' })}`),
  ]);
  return { page, articles: articles.total, articlesExact: articles.totalExact !== false };
}
