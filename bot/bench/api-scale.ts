/**
 * The API over 1,000,000 articles (`npm run bench -- api-scale`, issue 12), on SQLite and on
 * PostgreSQL: the same generated three years of coverage (bot/bench/scale-data.ts) is loaded
 * into each backend with bulk multi-row inserts, one transaction per chunk of 5,000 articles
 * (never all in memory), then the search and organisation indexes are built (timed), the
 * database analysed (SQLite ANALYZE; PostgreSQL VACUUM ANALYZE, the state autovacuum keeps a
 * long-lived database in), and each request is timed in-process through `app.request` (the
 * query and JSON work, not the network): one warm-up, then `runs` runs, median and p95.
 * The answers of both backends are compared byte for byte.
 *
 * BENCH_SCALE_ARTICLES (default 1,000,000), BENCH_SCALE_RUNS (default 9) and
 * BENCH_SCALE_BACKENDS (default "sqlite,postgres") change the run. Asserts nothing.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPgCluster, type PgCluster } from '../../test/pg-cluster';
import { createApp } from '../api/app';
import { syncSearchIndex } from '../api/search-index';
import { syncOrgIndex } from '../api/org-index';
import { defaultOrgs } from '../orgs';
import { DB_FILE, openPostgresStorage, openStorage, type Storage } from '../storage';
import { ARTICLE_INSERT_COLUMNS, generateScaleData, type ScaleChunk } from './scale-data';

const END = new Date('2025-04-01T00:00:00.000Z');
const DAYS = 3 * 365;

const YEAR = 'from=2024-04-01&to=2025-03-31';
/** What is timed: the issue's four queries, the dashboard's overview, and a few neighbours. */
export const SCALE_PATHS: Array<{ label: string; path: string }> = [
  { label: 'weekly coverage, a year, relevant', path: `/api/coverage?${YEAR}&interval=week&relevant=true` },
  { label: 'weekly coverage, a year, all articles', path: `/api/coverage?${YEAR}&interval=week&relevant=all` },
  { label: 'weekly coverage by outlet, a year', path: `/api/coverage?${YEAR}&interval=week&relevant=true&by=outlet&rows=false` },
  { label: 'mentions, a year per week', path: `/api/mentions?${YEAR}&interval=week&relevant=true` },
  { label: 'latest page of articles', path: '/api/articles' },
  { label: 'latest page, relevant', path: '/api/articles?relevant=true' },
  { label: 'search "kamere beograd"', path: '/api/articles?q=kamere+beograd' },
  { label: 'search "шер фондација" (Cyrillic)', path: `/api/articles?q=${encodeURIComponent('шер фондација')}` },
  { label: 'search "procena uticaja", a year', path: `/api/articles?q=procena+uticaja&${YEAR}` },
  { label: 'dashboard overview, a year per week', path: `/api/overview?${YEAR}&interval=week&relevant=true` },
  { label: 'stories of a year (dashboard list)', path: `/api/stories?${YEAR}&relevant=true&limit=10` },
];

export interface ScaleFigure {
  label: string;
  path: string;
  medianMs: number;
  p95Ms: number;
  bytes: number;
  /** sha256 of the first answer, to compare backends. */
  digest: string;
}

export interface ScaleResult {
  backend: 'sqlite' | 'postgres';
  articles: number;
  stories: number;
  loadMs: number;
  indexMs: number;
  /** Building the organisation index (org-index.ts) for the default organisations. */
  orgIndexMs: number;
  analyzeMs: number;
  /** Database size on disk after indexing, MB. */
  sizeMb: number;
  figures: ScaleFigure[];
  dashboardMs: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

/** Bulk loading: multi-row INSERTs on SQLite, unnest() of column arrays on PostgreSQL. */
export function loader(storage: Storage): (c: ScaleChunk) => Promise<void> {
  const cols = ARTICLE_INSERT_COLUMNS.join(', ');
  if (storage.dialect === 'postgres') {
    const types = ['bigint', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'bigint', 'integer', 'float8', 'text', 'text', 'text', 'text', 'text'];
    const insertArticles = `INSERT INTO articles (${cols}) SELECT * FROM unnest(${types.map((t) => `?::${t}[]`).join(', ')})`;
    const insertStories = "INSERT INTO stories (id, title, first_seen, last_seen, signature) SELECT i, t, f, l, '[]' FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) AS s(i, t, f, l)";
    return (c) =>
      storage.transaction(async () => {
        if (c.stories.length) {
          await storage.db.run(insertStories, [c.stories.map((s) => s.id), c.stories.map((s) => s.title), c.stories.map((s) => s.firstSeen), c.stories.map((s) => s.lastSeen)]);
        }
        await storage.db.run(insertArticles, ARTICLE_INSERT_COLUMNS.map((_, k) => c.articles.map((a) => a[k])));
      });
  }
  const db = storage.db.sqlite!;
  const ROWS = 100;
  const row = `(${ARTICLE_INSERT_COLUMNS.map(() => '?').join(', ')})`;
  const many = db.prepare(`INSERT INTO articles (${cols}) VALUES ${Array(ROWS).fill(row).join(', ')}`);
  const one = db.prepare(`INSERT INTO articles (${cols}) VALUES ${row}`);
  const story = db.prepare("INSERT INTO stories (id, title, first_seen, last_seen, signature) VALUES (?, ?, ?, ?, '[]')");
  const load = db.transaction((c: ScaleChunk) => {
    for (const s of c.stories) story.run(s.id, s.title, s.firstSeen, s.lastSeen);
    let i = 0;
    for (; i + ROWS <= c.articles.length; i += ROWS) many.run(c.articles.slice(i, i + ROWS).flat());
    for (; i < c.articles.length; i++) one.run(c.articles[i]);
  });
  return async (c) => load(c);
}

async function benchOne(backend: 'sqlite' | 'postgres', n: number, runs: number, cluster: () => Promise<PgCluster>): Promise<ScaleResult> {
  let dir: string | null = null;
  let storage: Storage;
  if (backend === 'sqlite') {
    dir = mkdtempSync(join(tmpdir(), 'nadzor-api-scale-'));
    storage = openStorage(dir);
  } else {
    storage = await openPostgresStorage(await (await cluster()).createDatabase(`api_scale_${Date.now()}`));
  }
  const log = (m: string) => console.log(`api-scale: ${backend}: ${m}`);
  try {
    let t = performance.now();
    const load = loader(storage);
    const { stories } = await generateScaleData(n, { end: END, days: DAYS }, load);
    if (backend === 'postgres') {
      // Explicit ids were inserted: move the identity sequences past them.
      for (const table of ['articles', 'stories']) {
        await storage.db.get(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
      }
    }
    const loadMs = performance.now() - t;
    log(`${n} articles, ${stories} stories loaded in ${(loadMs / 1000).toFixed(1)} s`);
    t = performance.now();
    await syncSearchIndex(storage.db);
    const indexMs = performance.now() - t;
    log(`search index built in ${(indexMs / 1000).toFixed(1)} s`);
    t = performance.now();
    await syncOrgIndex(storage.db, defaultOrgs());
    const orgIndexMs = performance.now() - t;
    log(`organisation index built in ${(orgIndexMs / 1000).toFixed(1)} s`);
    t = performance.now();
    await storage.db.exec(backend === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');
    const analyzeMs = performance.now() - t;
    const sizeMb =
      backend === 'sqlite'
        ? statSync(join(dir!, DB_FILE)).size / 1e6
        : (await storage.db.get<{ n: number }>('SELECT pg_database_size(current_database())::bigint AS n'))!.n / 1e6;

    const app = createApp({ storage, config: { apiToken: null }, now: () => END, logger: { info() {}, warn() {}, error: (m) => console.error(m) } });
    const request = async (path: string) => {
      const start = performance.now();
      const res = await app.request(path);
      const body = new Uint8Array(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${new TextDecoder().decode(body)}`);
      return { ms: performance.now() - start, body };
    };
    const figures: ScaleFigure[] = [];
    for (const { label, path } of SCALE_PATHS) {
      const first = await request(path);
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) ms.push((await request(path)).ms);
      const f = { label, path, medianMs: quantile(ms, 0.5), p95Ms: quantile(ms, 0.95), bytes: first.body.length, digest: createHash('sha256').update(first.body).digest('hex') };
      figures.push(f);
      log(`${f.medianMs.toFixed(0).padStart(6)} ms median, p95 ${f.p95Ms.toFixed(0).padStart(6)} ms ${String(f.bytes).padStart(8)} B  ${label}`);
    }
    // One dashboard load: what the page asks at once (client/api.ts loadView).
    const dashboard = [
      `/api/overview?${YEAR}&interval=week&relevant=true`,
      `/api/stories?${YEAR}&relevant=true&limit=10`,
      '/api/coverage?from=2023-04-02&to=2024-03-31&interval=month&relevant=true&by=scope&rows=false',
      '/api/freshness',
    ];
    const loads: number[] = [];
    for (let i = 0; i < Math.min(runs, 5); i++) {
      const start = performance.now();
      await Promise.all(dashboard.map(async (p) => (await app.request(p)).arrayBuffer()));
      loads.push(performance.now() - start);
    }
    const dashboardMs = quantile(loads, 0.5);
    log(`one dashboard load (${dashboard.length} requests at once): ${dashboardMs.toFixed(0)} ms median of ${loads.length}; database ${sizeMb.toFixed(0)} MB`);
    return { backend, articles: n, stories, loadMs, indexMs, orgIndexMs, analyzeMs, sizeMb, figures, dashboardMs };
  } finally {
    await storage.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export async function runApiScaleBench(options: { articles?: number; runs?: number; backends?: Array<'sqlite' | 'postgres'> } = {}): Promise<ScaleResult[]> {
  const n = options.articles ?? Number(process.env.BENCH_SCALE_ARTICLES ?? 1_000_000);
  const runs = options.runs ?? Number(process.env.BENCH_SCALE_RUNS ?? 9);
  const backends = options.backends ?? ((process.env.BENCH_SCALE_BACKENDS ?? 'sqlite,postgres').split(',') as Array<'sqlite' | 'postgres'>);
  let cluster: PgCluster | null = null;
  const results: ScaleResult[] = [];
  try {
    for (const b of backends) results.push(await benchOne(b, n, runs, async () => (cluster ??= await startPgCluster())));
  } finally {
    (cluster as PgCluster | null)?.stop();
  }
  if (results.length === 2) {
    const [a, b] = results;
    const differ = a.figures.filter((f, i) => f.digest !== b.figures[i].digest).map((f) => f.label);
    console.log(`api-scale: same answers on both backends: ${differ.length === 0 ? 'yes, all' : `no: ${differ.join('; ')}`}`);
  }
  console.log(`api-scale: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  return results;
}
