/**
 * The dashboard in headless Chromium (Debian's, through playwright-core), served by the real
 * server on 127.0.0.1 over a seeded database: the view read from and written to the URL, each
 * filter, the calendar periods, the drill-down behind charts and counts, 390 px without
 * horizontal overflow, no console errors or CSP violations, an axe accessibility scan, the
 * language switch, feed text kept as text. Screenshots go to test-artifacts/dashboard-*.png.
 */
import AxeBuilder from '@axe-core/playwright';
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
const TIME_CHARTS = ['chart-coverage', 'chart-scope', 'chart-mentions'];
const BAR_CHARTS = ['chart-outlet', 'chart-topic', 'chart-lang', 'chart-script'];
const HOSTILE_TITLE = 'Kamere <img src=x onerror="window.__pwned=1"> i <script>window.__pwned=2</script>';
const VIEW = '/?from=2024-04-01&to=2025-03-31&interval=week&ui=sr-Latn';

if (!existsSync(CHROMIUM)) console.warn(`dashboard e2e skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

describe.skipIf(!existsSync(CHROMIUM))('dashboard in Chromium', { timeout: 30_000 }, () => {
  let dir: string | undefined;
  let storage: Storage;
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const offsite: string[] = [];
  const apiCalls: string[] = [];

  const ready = () => page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  const open = async (query: string) => {
    await page.goto(`${api.url}${query}`);
    await ready();
  };
  const params = () => new URL(page.url()).searchParams;
  /** Waits for the next load after an action that changes the view. */
  const reloadAfter = async (action: () => Promise<unknown>) => {
    await page.evaluate(() => (document.documentElement.dataset.state = 'stale'));
    await action();
    await ready();
  };
  const card = (i: number) => page.locator('.card .value').nth(i).textContent();
  const number = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // Not await tempStorage(): that one is removed after each test, and this suite shares one server.
    dir = mkdtempSync(path.join(os.tmpdir(), 'nadzor-dashboard-'));
    storage = openStorage(dir);
    await seedBulk(storage, 3000, { end: new Date('2025-04-01T00:00:00Z'), days: 365 });
    await seedArticles(storage, [
      ...MARCH_2025,
      { title: HOSTILE_TITLE, text: 'Šer fondacija', outlet: 'Evil <b>Outlet</b>', published: '2025-03-31T18:00:00.000Z', url: 'javascript:alert(1)', topics: ['cameras'] },
      { title: 'Övervakning i Belgrad', outlet: 'SVT', scope: 'international', lang: 'sv', published: '2025-03-20T10:00:00.000Z', topics: ['cameras'] },
    ]);
    api = await startApi({ storage, config: { httpHost: '127.0.0.1', httpPort: 0, apiToken: null }, logger: { info() {}, warn() {}, error: (m) => problems.push(`server: ${m}`) } });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    // A context of our own: the axe scan opens pages in it.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Belgrade' });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => {
      // Downloads started by export links are cancelled by the test on purpose.
      if (!r.url().includes('/api/export')) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(api.url) && !r.url().startsWith('data:')) offsite.push(r.url());
      if (r.url().startsWith(`${api.url}/api/`)) apiCalls.push(r.url().slice(api.url.length));
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await open(VIEW);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await storage?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws every chart, with legends that name their series and bars with their values', async () => {
    for (const id of TIME_CHARTS) {
      const canvas = page.locator(`#${id} .chart canvas`);
      expect(await canvas.count(), id).toBe(1);
      expect((await canvas.boundingBox())!.width, id).toBeGreaterThan(200);
      expect(await page.locator(`#${id} .chart`).getAttribute('aria-label'), id).toMatch(/\d/);
      // The legend names the series; no "–" placeholders before the mouse is over the chart.
      const legend = await page.locator(`#${id} .u-legend`).innerText();
      expect(legend, id).not.toMatch(/–|--/);
    }
    expect(await page.locator('#chart-coverage .u-legend').innerText()).toMatch(/Članci[\s\S]*Priče/);
    for (const id of BAR_CHARTS) {
      const values = await page.locator(`#${id} .bar-value`).allTextContents();
      expect(values.length, id).toBeGreaterThan(0);
      for (const v of values) expect(v, id).toMatch(/^\d[\d.]*$/);
    }
    // Years with every bucket (the axis uses the same labels as the table).
    expect(await page.locator('#chart-coverage details tbody th').first().textContent()).toMatch(/2024/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-sr-Latn.png'), fullPage: true });
  });

  it('shows counts equal to the API, each with its change from the previous period', async () => {
    const cov = await (await page.request.get(`${api.url}/api/coverage?from=2024-04-01&to=2025-03-31&relevant=true`)).json();
    expect(number(await card(0))).toBe(cov.total.articles);
    expect(number(await card(1))).toBe(cov.total.stories);
    expect(await page.locator('.card .change').first().textContent()).toMatch(/prethodnih 365 dana/);
    expect(await page.locator('#mentions-body tr').count()).toBeGreaterThan(5);
    expect(await page.locator('#freshness').textContent()).not.toBe('');
  });

  it('lists the latest stories one row each, with their outlets and grammatical reasons', async () => {
    const items = page.locator('#latest-list > li');
    expect(await items.count()).toBe(10);
    const titles = await page.locator('#latest-list > li .title').allTextContents();
    expect(new Set(titles).size).toBe(titles.length);
    const slavija = page.locator('#latest-list > li', { hasText: 'Kamere za prepoznavanje lica na Slaviji' });
    if (await slavija.count()) expect(await slavija.locator('.outlets').textContent()).toContain('N1, RTS');
    expect(await page.locator('#latest-list .why').first().textContent()).toMatch(/^Zašto: /);
    expect(await page.locator('body').innerText()).not.toMatch(/ekavski|uprkos druga/);
  });

  it('keeps feed text as text: no markup, no script, no javascript: link', async () => {
    const hostile = page.locator('#latest-list > li', { hasText: 'onerror' }).first();
    expect(await hostile.locator('.title').textContent()).toBe(HOSTILE_TITLE);
    expect(await hostile.locator('.title a').count()).toBe(0);
    expect(await page.locator('#latest-list img, #latest-list script, #latest-list b').count()).toBe(0);
    expect(await hostile.locator('.outlets').textContent()).toContain('Evil <b>Outlet</b>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('lists every outlet, domestic and international, and names languages', async () => {
    const outlets = await (await page.request.get(`${api.url}/api/coverage?from=2024-04-01&to=2025-03-31&by=outlet&rows=false`)).json();
    const table = page.locator('#chart-outlet details tbody tr');
    expect(await table.count()).toBe(outlets.totals.length);
    const notes = await page.locator('#chart-outlet .bar-note').allTextContents();
    expect(notes.join(' ')).toMatch(/Domaći/);
    expect(notes.join(' ')).toMatch(/Strani/);
    expect(await page.locator('#chart-lang').innerText()).toContain('švedski');
    expect(await page.locator('#chart-lang').innerText()).not.toMatch(/\bsv\b/);
  });

  it('reads the view from the URL and passes every filter to every API call', async () => {
    apiCalls.length = 0;
    await open('/?from=2025-03-01&to=2025-03-31&interval=day&topic=cameras&scope=domestic&outlet=N1&lang=sr&script=Latn&org=share-foundation&q=kamere&relevant=true&ui=en');
    const form = page.locator('#filters');
    expect(await form.locator('select[name=topic]').inputValue()).toBe('cameras');
    expect(await form.locator('select[name=scope]').inputValue()).toBe('domestic');
    expect(await form.locator('input[name=outlet]').inputValue()).toBe('N1');
    expect(await form.locator('select[name=lang]').inputValue()).toBe('sr');
    expect(await form.locator('select[name=script]').inputValue()).toBe('Latn');
    expect(await form.locator('select[name=org]').inputValue()).toBe('share-foundation');
    expect(await form.locator('input[name=q]').inputValue()).toBe('kamere');
    // overview (every chart and the mentions) and stories; the previous period differs in dates only.
    const data = apiCalls.filter((u) => /\/api\/(overview|coverage|articles|stories|mentions)\?/.test(u));
    expect(data.filter((u) => u.includes('from=2025-01-29&to=2025-02-28')).length).toBe(1);
    expect(data.filter((u) => u.startsWith('/api/overview?')).length).toBe(1);
    expect(data.filter((u) => u.startsWith('/api/stories?')).length).toBe(1);
    for (const u of data) {
      const q = new URL(u, api.url).searchParams;
      for (const [k, v] of Object.entries({ topic: 'cameras', outlet: 'N1', lang: 'sr', script: 'Latn', org: 'share-foundation', q: 'kamere', relevant: 'true' })) {
        expect(q.get(k), `${k} in ${u}`).toBe(v);
      }
      expect(q.get('from'), u).toMatch(/^2025-(03-01|01-29)$/);
    }
    const api1 = await (await page.request.get(`${api.url}/api/coverage?from=2025-03-01&to=2025-03-31&topic=cameras&scope=domestic&outlet=N1&lang=sr&script=Latn&org=share-foundation&q=kamere&relevant=true`)).json();
    expect(number(await card(0))).toBe(api1.total.articles);
    expect(api1.total.articles).toBeGreaterThan(0);
  });

  it('applies each filter from the page and writes it back to the URL', async () => {
    await open('/?from=2025-03-01&to=2025-03-31&interval=week&ui=en');
    const all = number(await card(0));
    const steps: Array<[string, string, string]> = [
      ['select[name=topic]', 'cameras', 'topic'],
      ['select[name=scope]', 'domestic', 'scope'],
      ['select[name=lang]', 'sr', 'lang'],
      ['select[name=script]', 'Latn', 'script'],
      ['select[name=org]', 'share-foundation', 'org'],
      ['select[name=relevant]', 'all', 'relevant'],
    ];
    for (const [selector, value, name] of steps) {
      await reloadAfter(() => page.selectOption(selector, value));
      expect(params().get(name), name).toBe(value);
    }
    await reloadAfter(() => page.fill('input[name=outlet]', 'N1').then(() => page.press('input[name=outlet]', 'Enter')));
    expect(params().get('outlet')).toBe('N1');
    // Keyword search in either script finds the same articles.
    await reloadAfter(() => page.click('#reset'));
    expect(params().get('topic')).toBeNull();
    expect(number(await card(0))).toBe(all);
    await reloadAfter(() => page.fill('input[name=q]', 'камере').then(() => page.press('input[name=q]', 'Enter')));
    const cyrillic = number(await card(0));
    await reloadAfter(() => page.fill('input[name=q]', 'kamere').then(() => page.press('input[name=q]', 'Enter')));
    expect(params().get('q')).toBe('kamere');
    expect(number(await card(0))).toBe(cyrillic);
    expect(cyrillic).toBeGreaterThan(0);
    expect(cyrillic).toBeLessThan(all);
  });

  it('answers the quarter question: a calendar quarter, domestic and international, and the outlets', async () => {
    await open('/?from=2025-01-01&to=2025-03-31&interval=week&ui=en');
    expect(await page.locator('select[name=period]').inputValue()).toBe('custom');
    // 2025-01-01..03-31 is a calendar quarter; the preset of "last quarter" is relative to today,
    // so check that choosing a preset writes a whole quarter into the URL.
    await reloadAfter(() => page.selectOption('select[name=period]', 'last-quarter'));
    const from = params().get('from')!;
    const to = params().get('to')!;
    expect(from).toMatch(/-(01|04|07|10)-01$/);
    expect(params().get('period')).toBe('last-quarter');
    const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
    expect(months).toBe(2);
    await open('/?from=2025-01-01&to=2025-03-31&interval=week&topic=cameras&ui=en');
    const api1 = await (await page.request.get(`${api.url}/api/coverage?from=2025-01-01&to=2025-03-31&topic=cameras&by=scope&rows=false`)).json();
    const byScope = new Map(api1.totals.map((r: { key: string; articles: number }) => [r.key, r.articles]));
    expect(number(await card(2))).toBe(byScope.get('domestic'));
    expect(number(await card(3))).toBe(byScope.get('international'));
    expect(await page.locator('.card .change').first().textContent()).toMatch(/previous 90 days/);
  });

  it('drills down from a chart point and from a count to the stories behind it', async () => {
    await open('/?from=2025-03-01&to=2025-03-31&interval=week&ui=en');
    // The week of 3 March: 3 articles in 2 stories (MARCH_2025) plus the bulk articles.
    const cov = await (await page.request.get(`${api.url}/api/coverage?from=2025-03-03&to=2025-03-09&relevant=true`)).json();
    await page.focus('#chart-coverage .chart');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#chart-coverage .chart-tip').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('drill')?.dataset.state === 'ready');
    expect(await page.locator('#drill-count').textContent()).toBe(`${cov.total.articles} articles in ${cov.total.stories} stories`);
    expect(await page.locator('#drill-list > li').count()).toBe(Math.min(50, cov.total.stories));
    expect(await page.locator('#drill-csv').getAttribute('href')).toContain('from=2025-03-03&to=2025-03-09');

    // A count: the international card.
    await page.evaluate(() => (document.getElementById('drill')!.dataset.state = ''));
    await page.locator('.card').nth(3).locator('.value button').click();
    await page.waitForFunction(() => document.getElementById('drill')?.dataset.state === 'ready');
    const intl = number(await card(3));
    expect(await page.locator('#drill-count').textContent()).toMatch(new RegExp(`^${intl} articles`));
  });

  it('marks partial buckets and shows an empty state', async () => {
    await open('/?from=2025-03-05&to=2025-03-20&interval=week&ui=en');
    expect(await page.locator('#chart-coverage .chart-extra').innerText()).toContain('partial');
    await open('/?from=2030-01-01&to=2030-01-31&interval=week&ui=en');
    expect(await page.locator('#chart-coverage .empty').textContent()).toMatch(/no articles/i);
    expect(await page.locator('#chart-coverage canvas').count()).toBe(0);
  });

  it('fits a 390 px phone without horizontal overflow', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(VIEW);
    await page.locator('#chart-outlet details summary').click();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('has no serious or critical accessibility violations (axe)', { timeout: 90_000 }, async () => {
    await open(VIEW);
    await page.locator('#chart-coverage details summary').click();
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });

  it('switches the language: sr-Latn -> sr-Cyrl -> en', async () => {
    await open(VIEW);
    const heading = () => page.locator('h1').textContent();
    const caption = () => page.locator('#chart-coverage figcaption').textContent();
    expect(await heading()).toBe('Nadzor Watch: medijsko praćenje');
    expect(await caption()).toBe('Izveštavanje kroz vreme');

    await page.click('button[data-lang="sr-Cyrl"]');
    expect(await heading()).toBe('Nadzor Watch: медијско праћење');
    expect(await caption()).toBe('Извештавање кроз време');
    expect(await page.locator('html').getAttribute('lang')).toBe('sr-Cyrl');
    expect(await page.locator('#chart-coverage .u-legend').textContent()).toContain('Чланци');
    expect(await page.locator('#filters select[name=topic]').innerText()).toContain('Huawei „Безбедан град“');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-sr-Cyrl.png'), fullPage: true });

    await page.click('button[data-lang="en"]');
    expect(await heading()).toBe('Nadzor Watch: coverage');
    expect(await caption()).toBe('Coverage over time');
    expect(await page.locator('#chart-coverage .u-legend').textContent()).toContain('Articles');
    expect(await page.locator('#latest-list .why').first().textContent()).toMatch(/^Why: /);
    expect(page.url()).toContain('ui=en');
    const csv = await page.locator('#export-links a').first().getAttribute('href');
    expect(csv).toContain('ui=en');
    expect(csv).toContain('sep=comma');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-en.png'), fullPage: true });
  });

  it('prints a one-page report', async () => {
    await open('/?from=2025-01-01&to=2025-03-31&interval=week&ui=en');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#report-head').isVisible()).toBe(true);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-print.png'), fullPage: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  });

  it('logged no console errors, loaded nothing from elsewhere', () => {
    expect(problems).toEqual([]);
    expect(offsite).toEqual([]);
  });
});
