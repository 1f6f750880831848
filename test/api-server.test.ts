import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../bot/api';
import { DASHBOARD_CSP } from '../bot/api/security';
import { seededApp } from '../bot/api/testdata/api-fixture';
import { tempStorage } from '../bot/storage/testdata/temp-storage';
import { seedArticles, MARCH_2025 } from '../bot/api/testdata/seed';
import { metrics } from '../bot/metrics';

const running: RunningApi[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.close();
});

describe('GET /healthz and /metrics', () => {
  it('reports health', async () => {
    const { app } = seededApp();
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('renders Prometheus text with the monitor metrics and fresh storage gauges', async () => {
    const { app, storage } = seededApp();
    storage.feeds.upsertFromRegistry([
      { outlet: 'A', url: 'https://a.example/feed', language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'https://a.example/' },
      { outlet: 'B', url: 'https://b.example/feed', language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'https://b.example/' },
    ]);
    storage.feeds.recordSuccess('https://a.example/feed', { itemsSeen: 3, at: '2025-03-01T00:00:00Z' });
    storage.feeds.recordFailure('https://b.example/feed', 'timeout', '2025-03-01T00:00:00Z');
    storage.alerts.enqueue({ articleId: 1, storyId: null, kind: 'new', target: 'console', at: '2025-03-01T00:00:00Z' });
    metrics.itemsFetched.inc({}, 0);
    const res = await app.request('/metrics');
    expect(res.headers.get('Content-Type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    for (const name of [
      'nadzor_feeds_ok 1',
      'nadzor_feeds_failing 1',
      'nadzor_outbox_depth 1',
      '# TYPE nadzor_items_fetched_total counter',
      '# TYPE nadzor_articles_stored_total counter',
      '# TYPE nadzor_alerts_sent_total counter',
      '# TYPE nadzor_alerts_failed_total counter',
      '# TYPE nadzor_cycle_duration_seconds gauge',
    ]) {
      expect(text).toContain(name);
    }
  });
});

describe('response headers', () => {
  it('sends a strict Content-Security-Policy with the dashboard and locks down the API', async () => {
    const { app } = seededApp();
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('Content-Security-Policy')).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).toContain("script-src 'self'");
    expect(DASHBOARD_CSP).not.toContain('unsafe');
    const api = await app.request('/api/articles');
    expect(api.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(api.headers.get('X-Frame-Options')).toBe('DENY');
  });

  it('answers 404 in JSON for unknown paths', async () => {
    const { app } = seededApp();
    const res = await app.request('/api/nothing');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not found' });
  });

  it('serves the dashboard script and styles, with ETags', async () => {
    const { app } = seededApp();
    const js = await app.request('/assets/dashboard.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    const etag = js.headers.get('ETag')!;
    expect((await app.request('/assets/dashboard.js', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const css = await app.request('/assets/dashboard.css');
    expect(await css.text()).toContain('.uplot');
  });
});

describe('startApi', () => {
  it('listens on 127.0.0.1 with port 0 and closes cleanly', async () => {
    const { storage } = tempStorage();
    seedArticles(storage, MARCH_2025);
    const api = await startApi({ storage, config: { httpHost: '127.0.0.1', httpPort: 0, apiToken: null }, logger: { info() {}, warn() {}, error() {} } });
    running.push(api);
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${api.url}/api/articles?limit=1`);
    expect(((await res.json()) as { total: number }).total).toBe(12);
    await api.close();
    await expect(fetch(`${api.url}/healthz`)).rejects.toThrow();
  });

  it('fills the search index of an existing database in the background', async () => {
    const { storage } = tempStorage();
    seedArticles(storage, MARCH_2025);
    const api = await startApi({ storage, config: { httpHost: '127.0.0.1', httpPort: 0, apiToken: null }, logger: { info() {}, warn() {}, error() {} } });
    running.push(api);
    const indexed = () => (storage.db.prepare('SELECT last_article_id AS n FROM article_search_state').get() as { n: number }).n;
    for (let i = 0; i < 50 && indexed() !== 12; i++) await new Promise((r) => setTimeout(r, 10));
    expect(indexed()).toBe(12);
  });

  it('answers only requests whose Host is its own (DNS rebinding): 421 otherwise', async () => {
    const { storage } = tempStorage();
    const api = await startApi({ storage, config: { httpHost: '127.0.0.1', httpPort: 0, apiToken: null }, logger: { info() {}, warn() {}, error() {} } });
    running.push(api);
    const port = new URL(api.url).port;
    const withHost = (host: string) => new Promise<number>((resolve, reject) => {
      // fetch() sets Host from the URL; node:http lets the test send the rebinding page's name.
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/orgs', headers: { Host: host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(await withHost(`127.0.0.1:${port}`)).toBe(200);
    expect(await withHost(`localhost:${port}`)).toBe(200);
    expect(await withHost(`evil.example:${port}`)).toBe(421);
    expect(await withHost('127.0.0.1:1')).toBe(421);
  });

  it('takes HTTP_ALLOWED_HOSTS instead of the defaults', async () => {
    const { storage } = tempStorage();
    const config = { httpHost: '127.0.0.1', httpPort: 0, apiToken: null, allowedHosts: [{ host: 'nadzor.lan', port: null }] };
    const api = await startApi({ storage, config, logger: { info() {}, warn() {}, error() {} } });
    running.push(api);
    expect((await fetch(`${api.url}/healthz`)).status).toBe(421);
    const { app } = seededApp({ config: { allowedHosts: [{ host: 'nadzor.lan', port: null }] } });
    expect((await app.request('http://nadzor.lan/healthz', { headers: { Host: 'nadzor.lan' } })).status).toBe(200);
    expect((await app.request('http://x/healthz', { headers: { Host: 'other.lan' } })).status).toBe(421);
  });

  it('rejects when the port is taken', async () => {
    const { storage } = tempStorage();
    const quiet = { info() {}, warn() {}, error() {} };
    const first = await startApi({ storage, config: { httpHost: '127.0.0.1', httpPort: 0, apiToken: null }, logger: quiet });
    running.push(first);
    const port = Number(new URL(first.url).port);
    await expect(startApi({ storage, config: { httpHost: '127.0.0.1', httpPort: port, apiToken: null }, logger: quiet })).rejects.toThrow(/cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
  });
});
