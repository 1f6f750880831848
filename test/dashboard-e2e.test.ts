/**
 * The dashboard in headless Chromium (Debian's, through playwright-core), served by the real
 * server on 127.0.0.1 over a seeded database: every chart drawn, no console errors or CSP
 * violations, the language switch relabels everything (sr-Latn -> sr-Cyrl -> en), feed text
 * stays text. Screenshots go to test-artifacts/dashboard-<lang>.png.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../bot/api';
import { MARCH_2025, seedArticles, seedBulk } from '../bot/api/testdata/seed';
import { openStorage, type Storage } from '../bot/storage';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CHART_IDS = ['chart-coverage', 'chart-scope', 'chart-outlet', 'chart-topic', 'chart-lang', 'chart-script', 'chart-mentions'];
const HOSTILE_TITLE = 'Kamere <img src=x onerror="window.__pwned=1"> i <script>window.__pwned=2</script>';

if (!existsSync(CHROMIUM)) console.warn(`dashboard e2e skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

describe.skipIf(!existsSync(CHROMIUM))('dashboard in Chromium', () => {
  let dir: string | undefined;
  let storage: Storage;
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const offsite: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // Not await tempStorage(): that one is removed after each test, and this suite shares one server.
    dir = mkdtempSync(path.join(os.tmpdir(), 'nadzor-dashboard-'));
    storage = openStorage(dir);
    await seedBulk(storage, 3000, { end: new Date('2025-04-01T00:00:00Z'), days: 365 });
    await seedArticles(storage, [
      ...MARCH_2025,
      { title: HOSTILE_TITLE, text: 'Šer fondacija', outlet: 'Evil <b>Outlet</b>', published: '2025-03-31T20:00:00.000Z', url: 'javascript:alert(1)', topics: ['cameras'] },
    ]);
    api = await startApi({ storage, config: { httpHost: '127.0.0.1', httpPort: 0, apiToken: null }, logger: { info() {}, warn() {}, error: (m) => problems.push(`server: ${m}`) } });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(api.url) && !r.url().startsWith('data:')) offsite.push(r.url());
    });
    await page.goto(`${api.url}/?from=2024-04-01&to=2025-03-31&interval=week&lang=sr-Latn`);
    await page.waitForSelector('html[data-state=ready]', { timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await storage?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Each chart's canvas size and the number of uPlot instances the page holds. */
  const drawn = () =>
    page.evaluate((ids) => {
      const sizes = ids.map((id) => {
        const canvas = document.querySelector<HTMLCanvasElement>(`#${id} .chart canvas`);
        return { id, width: canvas?.width ?? 0, height: canvas?.height ?? 0, roots: document.querySelectorAll(`#${id} .uplot`).length };
      });
      const charts = window.__dashboard?.charts;
      const points = charts ? [...charts.values()].map((u) => u.data[0].length) : [];
      return { sizes, instances: charts?.size ?? 0, points };
    }, CHART_IDS);

  it('draws every chart', async () => {
    const d = await drawn();
    expect(d.instances).toBe(CHART_IDS.length);
    for (const s of d.sizes) {
      expect(s.width, s.id).toBeGreaterThan(200);
      expect(s.height, s.id).toBeGreaterThan(50);
      expect(s.roots, s.id).toBe(1);
    }
    expect(d.points.every((n) => n > 0)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-sr-Latn.png'), fullPage: true });
  });

  it('shows the counts, the mentions and the latest articles with why they were flagged', async () => {
    const cards = await page.locator('.card .value').allTextContents();
    expect(cards).toHaveLength(4);
    for (const c of cards) expect(c).toMatch(/^\d[\d.]*$/);
    expect(await page.locator('#mentions-body tr').count()).toBeGreaterThan(5);
    expect(await page.locator('#latest-list li').count()).toBe(20);
    expect(await page.locator('#latest-list li .why').first().textContent()).toMatch(/^Zašto: /);
    const exports = await page.locator('#export-links a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(exports).toContain('/api/export.csv?type=articles&since=2024-04-01&until=2025-03-31&relevant=true');
  });

  it('keeps feed text as text: no markup, no script, no javascript: link', async () => {
    const first = page.locator('#latest-list li').first();
    expect(await first.locator('.title').textContent()).toBe(HOSTILE_TITLE);
    expect(await first.locator('.title a').count()).toBe(0);
    expect(await page.locator('#latest-list img, #latest-list script, #latest-list b').count()).toBe(0);
    expect(await first.locator('.meta').textContent()).toContain('Evil <b>Outlet</b>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('switches the language: sr-Latn -> sr-Cyrl -> en', async () => {
    const heading = () => page.locator('h1').textContent();
    const caption = () => page.locator('#chart-coverage figcaption').textContent();
    expect(await heading()).toBe('Nadzor Watch: medijsko praćenje');
    expect(await caption()).toBe('Izveštavanje kroz vreme');

    await page.click('button[data-lang="sr-Cyrl"]');
    expect(await heading()).toBe('Nadzor Watch: медијско праћење');
    expect(await caption()).toBe('Извештавање кроз време');
    expect(await page.locator('html').getAttribute('lang')).toBe('sr-Cyrl');
    expect(await page.locator('#chart-coverage .u-legend').textContent()).toContain('Чланци');
    expect((await drawn()).instances).toBe(CHART_IDS.length);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-sr-Cyrl.png'), fullPage: true });

    await page.click('button[data-lang="en"]');
    expect(await heading()).toBe('Nadzor Watch: coverage');
    expect(await caption()).toBe('Coverage over time');
    expect(await page.locator('#chart-coverage .u-legend').textContent()).toContain('Articles');
    expect(await page.locator('#latest-list li .why').first().textContent()).toMatch(/^Why: /);
    const d = await drawn();
    for (const s of d.sizes) expect(s.width, s.id).toBeGreaterThan(200);
    expect(page.url()).toContain('lang=en');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-en.png'), fullPage: true });
  });

  it('reloads for another period and interval', async () => {
    await page.fill('input[name=from]', '2025-03-01');
    await page.fill('input[name=to]', '2025-03-31');
    await page.selectOption('select[name=interval]', 'day');
    await page.click('#period button[type=submit]');
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready' && location.search.includes('interval=day'));
    const x = await page.evaluate(() => window.__dashboard!.charts.get('chart-coverage')!.data[0].length);
    expect(x).toBe(31);
  });

  it('logged no console errors, loaded nothing from elsewhere', () => {
    expect(problems).toEqual([]);
    expect(offsite).toEqual([]);
  });
});
