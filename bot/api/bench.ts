/**
 * API benchmark for `npm run bench`: 50,000 articles over a year in a temp database, then the
 * time of the queries the dashboard makes (in-process through `app.request`, so it measures
 * the query and JSON work, not the network). Figures are printed, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '../storage';
import { createApp } from './app';
import { syncSearchIndex } from './search-index';
import { seedBulk } from './testdata/seed';

export interface BenchFigure {
  name: string;
  /** Median of the timed runs, in milliseconds. */
  medianMs: number;
  maxMs: number;
  /** Response size in bytes. */
  bytes: number;
}

export interface ApiBenchResult {
  articles: number;
  seedMs: number;
  indexMs: number;
  figures: BenchFigure[];
  /** All the requests one dashboard load makes, at once (as the page sends them). */
  dashboardMs: number;
  /** The same with a topic, a search word and an organisation as filters. */
  filteredMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Seeds `articles` (default 50,000, or BENCH_API_ARTICLES) and times each endpoint `runs`
 * times after one warm-up. Prints a table unless `print` is false.
 */
export async function runApiBench(options: { articles?: number; runs?: number; print?: boolean } = {}): Promise<ApiBenchResult> {
  const n = options.articles ?? Number(process.env.BENCH_API_ARTICLES ?? 50_000);
  const runs = options.runs ?? 5;
  const dir = mkdtempSync(join(tmpdir(), 'nadzor-api-bench-'));
  const storage = openStorage(dir);
  try {
    const end = new Date('2025-04-01T00:00:00.000Z');
    let t = performance.now();
    await seedBulk(storage, n, { end, days: 365 });
    const seedMs = performance.now() - t;
    t = performance.now();
    await syncSearchIndex(storage.db);
    const indexMs = performance.now() - t;
    await storage.db.exec('ANALYZE');

    const app = createApp({ storage, config: { apiToken: null }, now: () => end, logger: { info() {}, warn() {}, error: (m) => console.error(m) } });
    const period = 'from=2024-04-01&to=2025-03-31&interval=week';
    // What one dashboard load asks (client/api.ts loadView), for a year per week.
    const dashboard = [
      `/api/overview?${period}&relevant=true`,
      '/api/stories?from=2024-04-01&to=2025-03-31&relevant=true&limit=10',
      '/api/coverage?from=2023-04-02&to=2024-03-31&interval=month&relevant=true&by=scope&rows=false',
      '/api/freshness',
    ];
    // The same view with filters (a topic, a word in Cyrillic, an organisation), and a drill-down.
    const filtered = 'from=2024-04-01&to=2025-03-31&interval=week&relevant=true&topic=cameras&q=%D0%BA%D0%B0%D0%BC%D0%B5%D1%80%D0%B5&org=share-foundation';
    const filteredLoad = [
      `/api/overview?${filtered}`,
      `/api/stories?${filtered.replace('&interval=week', '')}&limit=10`,
      `/api/coverage?${filtered.replace('from=2024-04-01&to=2025-03-31', 'from=2023-04-02&to=2024-03-31')}&by=scope&rows=false`,
      '/api/freshness',
    ];
    // The separate coverage and mentions queries the overview replaces, for comparison.
    const coverageCalls = [
      `/api/mentions?${period}&relevant=true`,
      `/api/coverage?${period}&relevant=true`,
      `/api/coverage?${period}&relevant=true&by=scope`,
      `/api/coverage?${period}&relevant=true&by=outlet&rows=false`,
      `/api/coverage?${period}&relevant=true&by=lang&rows=false`,
      `/api/coverage?${period}&relevant=true&by=script&rows=false`,
      `/api/coverage?${period}&relevant=true&by=topic&rows=false`,
    ];
    const others = [
      '/api/coverage?from=2024-04-01&to=2025-03-31&interval=day&by=outlet',
      '/api/coverage?from=2024-04-01&to=2025-03-31&interval=month&relevant=all&by=topic',
      '/api/articles?q=kamere+beograd&limit=50',
      '/api/articles?q=%D1%88%D0%B5%D1%80+%D1%84%D0%BE%D0%BD%D0%B4%D0%B0%D1%86%D0%B8%D1%98%D0%B0',
      '/api/articles?offset=40000&limit=50',
      '/api/stories?relevant=true&limit=20',
      '/api/stories?from=2025-03-03&to=2025-03-09&relevant=true&limit=50',
      '/api/related?topics=cameras,face-recognition&terms=kamere,Beograd&lang=sr',
      `/api/export.csv?type=coverage&${period}&by=outlet`,
      '/api/export.csv?relevant=true',
    ];

    const time = async (path: string): Promise<BenchFigure> => {
      const one = async () => {
        const start = performance.now();
        const res = await app.request(path);
        const body = new Uint8Array(await res.arrayBuffer());
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${new TextDecoder().decode(body)}`);
        return { ms: performance.now() - start, bytes: body.length };
      };
      await one();
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await one());
      return { name: path, medianMs: median(samples.map((s) => s.ms)), maxMs: Math.max(...samples.map((s) => s.ms)), bytes: samples[0].bytes };
    };

    const figures: BenchFigure[] = [];
    for (const path of [...dashboard, ...coverageCalls, ...others]) figures.push(await time(path));
    const load = async (paths: string[]) => {
      const loads: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await Promise.all(paths.map(async (p) => (await app.request(p)).arrayBuffer()));
        loads.push(performance.now() - start);
      }
      return median(loads);
    };
    const result: ApiBenchResult = { articles: n, seedMs, indexMs, figures, dashboardMs: await load(dashboard), filteredMs: await load(filteredLoad) };

    if (options.print !== false) {
      console.log(`api: ${n} articles seeded in ${(seedMs / 1000).toFixed(1)} s; search index built in ${(indexMs / 1000).toFixed(1)} s`);
      for (const f of figures) {
        console.log(`api: ${f.medianMs.toFixed(1).padStart(7)} ms median (max ${f.maxMs.toFixed(1)}) ${String(f.bytes).padStart(9)} B  ${f.name}`);
      }
      console.log(`api: one dashboard load (${dashboard.length} requests): ${result.dashboardMs.toFixed(0)} ms median`);
      console.log(`api: one filtered dashboard load (topic, Cyrillic word, organisation; ${filteredLoad.length} requests): ${result.filteredMs.toFixed(0)} ms median`);
    }
    return result;
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
