/**
 * The hostile-feed run (issue 10): the real monitor, parse worker, processor, storage, delivery
 * worker and API in one process, against generated hostile feeds on 127.0.0.1 beside two
 * normal ones, with `/healthz` probed every 100 ms and the event loop's delay recorded.
 * test/hostile-feeds.test.ts asserts on its outcome (with generous bounds); `npm run bench --
 * hostile` prints the exact figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FeedEntry } from '../../shared/model/types';
import { latinToCyrillic } from '../../shared/text/transliterate';
import { startApi } from '../api';
import { loadConfig } from '../config';
import { silentLogger } from '../log';
import { createMonitor, type CycleSummary } from '../monitor';
import { notifyRepos } from '../notify/repos';
import type { AlertMessage, Notifier } from '../notify/types';
import { startDeliveryWorker } from '../notify/worker';
import { createProcessor } from '../reader/processor';
import { openStorage, type Storage } from '../storage';
import * as hostile from './hostile-feeds';

/** Stories the classifier finds relevant (written for the tests, not real articles). */
export const RELEVANT = [
  { title: 'MUP postavlja nove kamere sa prepoznavanjem lica na beogradskim raskrsnicama', text: 'Ministarstvo unutrašnjih poslova Srbije proširuje sistem video nadzora u Beogradu kamerama kompanije Huawei koje mogu da prepoznaju lica, iako Poverenik nije odobrio procenu uticaja.' },
  { title: 'Povučen Nacrt zakona o unutrašnjim poslovima koji uvodi biometrijski nadzor', text: 'Vlada Srbije povukla je iz procedure nacrt zakona koji bi policiji omogućio masovni biometrijski nadzor javnih prostora, posle kritika civilnog društva i SHARE fondacije.' },
  { title: 'Novi Sad nabavlja pametne kamere za škole i javne površine', text: 'Grad Novi Sad raspisao je javnu nabavku za video nadzor sa softverom za prepoznavanje lica u dvorištima osnovnih škola, a stručnjaci upozoravaju na biometrijske podatke dece.' },
];

interface Route {
  body: string | Buffer;
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface HostileOptions {
  /** Items in the big feed. Default 100,000. */
  bigFeedItems?: number;
  /** Probe interval in ms. Default 100. */
  probeMs?: number;
}

export interface HostileRun {
  storage: Storage;
  cycles: CycleSummary[];
  /** /healthz answer times in ms, in probe order. */
  healthz: number[];
  /** Largest event-loop delay seen, in ms. */
  loopDelayMaxMs: number;
  /** Largest resident set sampled during the run, in MB. */
  peakRssMb: number;
  /** Alerts the delivery worker sent, by article title. */
  delivered: string[];
  /** Requests the feed server saw, by path. */
  hits: Map<string, number>;
  feedUrl(path: string): string;
  close(): Promise<void>;
}

export const MAX_ALERTS = 5;
export const SLOW_MS = 1000;

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

export async function runHostile(options: HostileOptions = {}): Promise<HostileRun> {
  const routes = new Map<string, Route>();
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (!route) return void res.writeHead(404).end();
    const answer = () => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...route.headers }).end(route.body);
    if (route.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  // Bodies encoded once, not on every request.
  const setRoute = (path: string, route: Route) => routes.set(path, { ...route, body: Buffer.from(route.body) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const feedUrl = (path: string) => `http://127.0.0.1:${port}${path}`;

  // Two normal feeds, whose alerts must still go out.
  const normal = (n: number, stories: typeof RELEVANT) =>
    hostile.rss(stories.map((s, i) => ({ guid: `n${n}-${i}`, title: s.title, description: s.text, link: `http://127.0.0.1/n${n}/${i}`, published: hoursAgo(1) })));
  setRoute('/normal-1.xml', { body: normal(1, RELEVANT.slice(0, 2)) });
  setRoute('/normal-2.xml', { body: normal(2, RELEVANT.slice(2)) });
  setRoute('/amplification.xml', { body: hostile.entityAmplification() });
  setRoute('/open-tags.xml', { body: hostile.manyOpenTags() });
  setRoute('/end-tags.xml', { body: hostile.unterminatedEndTags() });
  setRoute('/channels.xml', { body: hostile.manyChannels() });
  setRoute('/categories.xml', { body: hostile.manyCategories() });
  setRoute('/items.xml', { body: hostile.manyItems(options.bigFeedItems ?? 100_000) });
  setRoute('/title.xml', { body: hostile.hugeTitle() });
  setRoute('/slow.xml', { body: normal(3, []), delayMs: SLOW_MS + 500 });
  // One feed with 30 relevant new items: only MAX_ALERTS of them may be alerted in a cycle.
  setRoute('/alerts.xml', {
    body: hostile.rss(Array.from({ length: 30 }, (_, i) => {
      const s = RELEVANT[i % RELEVANT.length];
      return { guid: `a-${i}`, title: `${s.title} (${i})`, description: `${s.text} Izveštaj ${i}.`, link: `http://127.0.0.1/alerts/${i}`, published: hoursAgo(1) };
    })),
  });
  // Valid UTF-8 Cyrillic under a header that says windows-1252.
  setRoute('/utf8.xml', {
    body: Buffer.from(hostile.rss([{ guid: 'u-1', title: latinToCyrillic(RELEVANT[0].title), description: latinToCyrillic(RELEVANT[0].text), link: 'http://127.0.0.1/utf8/1', published: hoursAgo(1) }]), 'utf8'),
    headers: { 'content-type': 'application/rss+xml; charset=windows-1252' },
  });
  setRoute('/chat.xml', { body: normal(4, RELEVANT.slice(0, 1)) });

  const paths = ['/normal-1.xml', '/normal-2.xml', '/amplification.xml', '/open-tags.xml', '/end-tags.xml', '/channels.xml',
    '/categories.xml', '/items.xml', '/title.xml', '/slow.xml', '/alerts.xml', '/utf8.xml'];
  const feeds: FeedEntry[] = paths.map((p) => ({ outlet: p.slice(1, -4), url: feedUrl(p), language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'http://127.0.0.1/' }));

  const dir = mkdtempSync(join(tmpdir(), 'nadzor-hostile-'));
  const storage = openStorage(dir);
  const config = loadConfig({ DATA_DIR: dir, HTTP_PORT: '0' });
  const api = await startApi({ storage, config, logger: { info() {}, warn() {}, error() {} } as never });

  const delivered: string[] = [];
  const recorder: Notifier = {
    name: 'console',
    limits: [],
    idempotent: true,
    async send(m: AlertMessage) {
      delivered.push(m.article.title);
      return { remoteId: null };
    },
    async sendSummary(s) {
      for (const m of s.alerts) delivered.push(m.article.title);
      return { remoteId: null };
    },
    async sendDigest() {
      return { remoteId: null };
    },
  };
  const worker = startDeliveryWorker({ storage, notifiers: [recorder], logger: silentLogger, pollMs: 200 });

  const processor = createProcessor({ storage, backlogHours: 24 });
  const monitor = createMonitor({
    storage, processor, feeds, logger: silentLogger,
    perHostGapMs: 0, fetchConcurrency: 4, fetchTimeoutMs: 30_000,
    // The 100,000-item feed is 6 MB.
    feedMaxBytes: 8 * 1024 * 1024, feedMaxItems: 500, feedMaxAlerts: MAX_ALERTS, feedSlowMs: SLOW_MS,
  });

  // The probes: /healthz answer times, the event loop's delay, the resident set.
  const healthz: number[] = [];
  let peakRss = process.memoryUsage().rss;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let probing = true;
  const probeLoop = (async () => {
    while (probing) {
      const started = performance.now();
      const res = await fetch(`${api.url}/healthz`);
      await res.arrayBuffer();
      healthz.push(performance.now() - started);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      await new Promise((resolve) => setTimeout(resolve, options.probeMs ?? 100));
    }
  })();

  const cycles: CycleSummary[] = [];
  try {
    cycles.push(await monitor.runCycle());
    // A chat adds a feed while the monitor runs; it was public when added, and now resolves to
    // 127.0.0.1 (here: it is on 127.0.0.1). It must not be fetched.
    await notifyRepos(storage).chatFeeds.add(
      { outlet: 'From a chat', url: `http://localhost:${port}/chat.xml`, language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'http://localhost/' },
      'telegram:1:2', new Date().toISOString(),
    );
    cycles.push(await monitor.runCycle());
    await worker.drain();
  } finally {
    probing = false;
    await probeLoop;
    loop.disable();
  }

  return {
    storage, cycles, healthz, delivered, hits, feedUrl,
    loopDelayMaxMs: loop.max / 1e6,
    peakRssMb: peakRss / 1024 / 1024,
    async close() {
      await monitor.stop();
      await worker.stop();
      await api.close();
      await new Promise((resolve) => server.close(resolve));
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

/** `npm run bench -- hostile`: the figures of one hostile run. */
export async function runHostileBench(): Promise<void> {
  const run = await runHostile();
  try {
    const h = run.healthz;
    console.log(
      `hostile: ${run.cycles.length} cycles (${run.cycles.map((c) => `${c.seconds.toFixed(1)} s`).join(', ')}); /healthz ${h.length} probes: ` +
        `median ${median(h).toFixed(1)} ms, max ${Math.max(...h).toFixed(1)} ms (goals < 250 ms, none > 2000 ms); ` +
        `event-loop delay max ${run.loopDelayMaxMs.toFixed(0)} ms; peak RSS ${run.peakRssMb.toFixed(0)} MB (goal < 400 MB); ` +
        `${run.delivered.length} alerts delivered`,
    );
  } finally {
    await run.close();
  }
}
