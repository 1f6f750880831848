/**
 * Article-page benchmark (`npm run bench -- pages`): title-only items whose pages are served
 * on 127.0.0.1, each page about 150 KB of HTML (the article among a mega-menu, a sidebar and a
 * footer, in windows-1250, windows-1251 or UTF-8), read by the real article stage (robots.txt,
 * fetch, charset, Readability over linkedom) and processed (classify on title + page, store).
 * Prints pages per second and peak memory; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArticleStage } from '../reader/article';
import { ARTICLES } from '../reader/article/testdata/articles';
import { renderArticlePage, type RenderedPage } from '../reader/article/testdata/pages';
import { startArticleWorld } from '../reader/article/testdata/world';
import { createHostGate } from '../reader/pool';
import { createProcessor, type IncomingItem } from '../reader/processor';
import { openStorage } from '../storage';

export async function runPagesBench(pageCount = 400, padKb = 150): Promise<void> {
  const extra: Record<string, RenderedPage> = {};
  const items: IncomingItem[] = [];
  const published = new Date(Date.now() - 3600_000).toISOString();
  for (let i = 0; i < pageCount; i++) {
    const a = ARTICLES[i % ARTICLES.length];
    extra[`/bench/${i}.html`] = renderArticlePage(a, i, padKb);
  }
  const world = await startArticleWorld({ extraPages: extra });
  for (let i = 0; i < pageCount; i++) {
    const a = ARTICLES[i % ARTICLES.length];
    items.push({ id: `b${i}`, url: `${world.url}/bench/${i}.html`, title: `${a.title} (${i})`, summary: '', content: '', published, updated: null, author: null, enclosures: [] });
  }
  const dir = mkdtempSync(join(tmpdir(), 'nadzor-bench-pages-'));
  const storage = openStorage(dir);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const stage = createArticleStage({ storage, hosts: createHostGate(), perHostGapMs: 0, concurrency: 4, waitMs: 600_000, hostBudgetPerDay: pageCount + 1, trustedHost: (h) => h === '127.0.0.1' });
    const processor = createProcessor({ storage });
    const feed = { url: `${world.url}/feeds/bench.xml`, outlet: 'Bench', scope: 'domestic' as const, language: 'sr' };
    const start = process.hrtime.bigint();
    const ready = await stage.prepare(feed, items, { firstRead: false });
    const result = await processor.processItems(feed, ready, { firstRead: false });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const ok = ready.filter((i) => i.page?.status === 'ok').length;
    const methods: Record<string, number> = {};
    for (const i of ready) if (i.page?.method) methods[i.page.method] = (methods[i.page.method] ?? 0) + 1;
    console.log(
      `pages: ${pageCount} pages of ~${padKb} KB (one host, no spacing) fetched, extracted, classified and stored in ${seconds.toFixed(1)} s: ` +
        `${(pageCount / seconds).toFixed(0)} pages/s; ${ok} read (${Object.entries(methods).map(([k, v]) => `${k} ${v}`).join(', ')}), ` +
        `${result.relevant} relevant; peak RSS ${(peak / 1048576).toFixed(0)} MB (${((peak - rssBefore) / 1048576).toFixed(0)} MB above the start)`,
    );
  } finally {
    clearInterval(sampler);
    await storage.close();
    await world.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
