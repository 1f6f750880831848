/**
 * The built extension in headless Chromium (Debian's, through playwright-core) on local
 * fixture pages: the panel appears exactly on the pages about the subject, in the page's
 * script, with glossary highlights; the page's layout does not move; single-page navigation is
 * followed; nothing goes over the network without a server, and with one only topics and title
 * terms do. Screenshots go to test-artifacts/extension/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildExtensionForTests } from './build-extension';
import { RELATED_ARTICLE, startFakeApi, startFixtureServer, type FakeApi, type LocalServer } from './servers';
import { SITE_PAGES, sitePage } from './site-pages';

/** The extension APIs used inside `worker.evaluate` (they run in the service worker). */
declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGES = path.join(ROOT, 'test/fixtures/pages');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/extension');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 900 };
const PANEL = '[data-nadzor-panel]';
const TERM = '[data-nadzor-term]';

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

if (!existsSync(CHROMIUM)) console.warn(`extension e2e skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

describe.skipIf(!existsSync(CHROMIUM))('browser extension in Chromium', () => {
  let tmp: string;
  let fixtures: LocalServer;
  let api: FakeApi;
  let context: BrowserContext;
  let baseline: Browser;
  let worker: Worker;
  let extensionId: string;
  const networkRequests: string[] = [];
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'nadzor-e2e-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const [extension, fixtureServer, fakeApi] = await Promise.all([
      buildExtensionForTests(ROOT, path.join(tmp, 'build')),
      startFixtureServer(PAGES, Object.fromEntries(Object.keys(SITE_PAGES).map((host) => [`sites/${host}.html`, () => sitePage(host)]))),
      startFakeApi(),
    ]);
    fixtures = fixtureServer;
    api = fakeApi;
    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: VIEWPORT,
      args: [...BASE_ARGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
    });
    context.on('request', (r) => networkRequests.push(r.url()));
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(worker.url()).host;
    // The same pages without the extension, for the layout comparison.
    baseline = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BASE_ARGS });
  });

  afterAll(async () => {
    await context?.close();
    await baseline?.close();
    await fixtures?.close();
    await api?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** Opens a fixture page; the panel starts closed unless `keepOpenSites` keeps what was remembered. */
  async function open(name: string, options: { keepOpenSites?: boolean } = {}): Promise<Page> {
    if (!options.keepOpenSites) await worker.evaluate(() => chrome.storage.local.set({ panelOpenSites: [] }));
    page = await context.newPage();
    problems = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${fixtures.origin}/${name}`);
    return page;
  }

  afterEach(async () => {
    await page?.close();
  });

  /** The content script's verdict for the open article page, asked the way the popup asks. */
  async function verdict(): Promise<{ relevant: boolean; score: number; topics: string[]; reasons: string[]; uiLang: string; badge: string }> {
    let found: Awaited<ReturnType<typeof verdict>> | undefined;
    await expect
      .poll(
        async () => {
          found = await worker.evaluate(async () => {
            const tabs = await chrome.tabs.query({});
            for (const tab of tabs) {
              try {
                const r = (await chrome.tabs.sendMessage(tab.id!, { type: 'get-verdict' })) as Record<string, unknown> | null;
                if (r) return { ...(r as { relevant: boolean; score: number; topics: string[]; reasons: string[]; uiLang: string }), badge: await chrome.action.getBadgeText({ tabId: tab.id! }) };
              } catch {
                // no content script in this tab
              }
            }
            return undefined;
          });
          return found !== undefined;
        },
        { timeout: 15_000, interval: 200 },
      )
      .toBe(true);
    return found!;
  }

  /** Positions of the page's own elements (not ours), rounded to half pixels. */
  function layoutOf(p: Page): Promise<unknown> {
    return p.evaluate(() => {
      const round = (n: number) => Math.round(n * 2) / 2;
      const els = document.querySelectorAll('header.site, header.site a, article h1, article p, aside.sidebar, aside.sidebar li, footer.site');
      return {
        scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
        boxes: [...els].map((e) => {
          const r = e.getBoundingClientRect();
          return [e.tagName.toLowerCase(), round(r.x), round(r.y), round(r.width), round(r.height)];
        }),
      };
    });
  }

  async function baselineLayout(name: string): Promise<{ layout: unknown; text: string }> {
    const ctx = await baseline.newContext({ viewport: VIEWPORT });
    const p = await ctx.newPage();
    await p.goto(`${fixtures.origin}/${name}`);
    const layout = await layoutOf(p);
    const text = await p.locator('article').innerText();
    await ctx.close();
    return { layout, text };
  }

  const scriptShare = (text: string) => {
    const cyr = (text.match(/[\u0400-\u04ff]/g) ?? []).length;
    const lat = (text.match(/[A-Za-z\u00c0-\u024f]/g) ?? []).length;
    return { cyr, lat };
  };

  const relevantPages = [
    { name: 'cyrillic-article.html', lang: 'sr-Cyrl' },
    { name: 'latin-article.html', lang: 'sr-Latn' },
    { name: 'english-article.html', lang: 'en' },
  ];

  /** The closed tab's box, and the boxes of the page's fixed controls and article text. */
  async function firstAppearance(p: Page) {
    const toggle = p.locator(`${PANEL} button.toggle`);
    await toggle.waitFor({ timeout: 15_000 });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // The tab is placed again once measured (after 300 ms of quiet): wait until it settles.
    await p.waitForTimeout(600);
    const tab = (await p.locator(`${PANEL} aside.panel`).boundingBox())!;
    const page = await p.evaluate(() => {
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, what: `${e.tagName.toLowerCase()}.${e.className}` };
      };
      const fixed = [...document.querySelectorAll('body *')].filter((e) => ['fixed', 'sticky'].includes(getComputedStyle(e).position) && !e.closest('[data-nadzor-panel]'));
      const text = [...document.querySelectorAll('article p, article h1, article li')];
      return { fixed: fixed.map(box), text: text.map(box) };
    });
    return { tab, ...page };
  }

  const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  /** At most 8% of the window, over no fixed control and no article text. */
  async function expectCalmFirstAppearance(p: Page, name: string) {
    const { tab, fixed, text } = await firstAppearance(p);
    expect((tab.width * tab.height) / (VIEWPORT.width * VIEWPORT.height), name).toBeLessThanOrEqual(0.08);
    expect(tab.x + tab.width).toBeLessThanOrEqual(VIEWPORT.width);
    expect(tab.y + tab.height).toBeLessThanOrEqual(VIEWPORT.height);
    for (const f of fixed) expect(overlaps(tab, f), `${name}: tab over ${f.what}`).toBe(false);
    for (const t of text) expect(overlaps(tab, t), `${name}: tab over ${t.what}`).toBe(false);
    return tab;
  }

  it.each(relevantPages)('$name: a small tab first, then the panel in $lang, popovers, badge, layout unchanged, no errors', async ({ name, lang }) => {
    const base = await baselineLayout(name);
    const p = await open(name);
    await p.locator(PANEL).waitFor({ state: 'attached', timeout: 15_000 });
    const v = await verdict();
    expect(v).toMatchObject({ relevant: true, uiLang: lang, badge: '●' });
    expect(v.score).toBeGreaterThan(0.5);
    expect(v.topics.length).toBeGreaterThan(0);
    expect(v.reasons.length).toBeGreaterThan(0);

    // One panel, on <html>, in the page's language, visible despite hostile CSS: a closed tab.
    expect(await p.locator(PANEL).count()).toBe(1);
    expect(await p.evaluate((sel) => document.querySelector(sel)!.parentElement === document.documentElement, PANEL)).toBe(true);
    const panel = p.locator(`${PANEL} aside.panel`);
    expect(await panel.getAttribute('lang')).toBe(lang);
    await expect.poll(() => panel.isVisible()).toBe(true);
    await expectCalmFirstAppearance(p, name);
    await p.screenshot({ path: path.join(ARTIFACTS, name.replace('.html', '-tab.png')) });

    // One click opens it: summary, latest events, law, figures, actions, sources, all events.
    await p.locator(`${PANEL} button.toggle`).click();
    expect(await p.locator(`${PANEL} button.toggle`).getAttribute('aria-expanded')).toBe('true');
    const box = (await panel.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height);
    const { cyr, lat } = scriptShare(await panel.innerText());
    if (lang === 'sr-Cyrl') expect(cyr).toBeGreaterThan(lat * 2);
    else expect(lat).toBeGreaterThan(cyr * 10);
    for (const section of ['summary', 'latest', 'law', 'figures', 'actions', 'sources', 'timeline']) {
      expect(await p.locator(`${PANEL} [data-section="${section}"]`).count(), section).toBe(1);
    }
    expect(await p.locator(`${PANEL} [data-section="latest"] li.event`).count()).toBe(3);
    expect(await p.locator(`${PANEL} .as-of`).innerText()).toMatch(/20\d\d/);
    expect(await panel.innerText()).not.toMatch(/seed|untitled/i);
    // No server: no related-coverage section.
    expect(await p.locator(`${PANEL} [data-section="related"]`).isHidden()).toBe(true);

    // Glossary terms underlined; their popover on hover, in the panel's language.
    const terms = p.locator(`article ${TERM}`);
    expect(await terms.count()).toBeGreaterThan(2);
    expect(await terms.first().getAttribute('title')).toBeNull();
    await terms.first().hover();
    const popover = p.locator(`${PANEL} .popover`);
    await expect.poll(() => popover.isVisible()).toBe(true);
    const explained = await popover.locator('.term-text').innerText();
    expect(explained.length).toBeGreaterThan(20);
    expect(explained.length).toBeLessThanOrEqual(161);
    const t = scriptShare(explained);
    if (lang === 'sr-Cyrl') expect(t.cyr).toBeGreaterThan(t.lat);
    else expect(t.lat).toBeGreaterThan(t.cyr);
    await p.screenshot({ path: path.join(ARTIFACTS, name.replace('.html', '.png')) });
    await p.mouse.move(5, 5);
    await expect.poll(() => popover.isVisible()).toBe(false);

    // The page: same text, same boxes as without the extension.
    expect(await p.locator('article').innerText()).toBe(base.text);
    expect(await layoutOf(p)).toEqual(base.layout);
    expect(problems).toEqual([]);
  });

  const sitePages = Object.keys(SITE_PAGES);

  it.each(sitePages)('%s test page: the closed tab takes at most 8 per cent of the window, clear of fixed bars and text', async (host) => {
    const p = await open(`sites/${host}.html`);
    await p.locator(PANEL).waitFor({ state: 'attached', timeout: 15_000 });
    const tab = await expectCalmFirstAppearance(p, host);
    const bottomBar = await p.evaluate(() => {
      const bar = document.querySelector('[data-fixed="bottom"]');
      return bar ? bar.getBoundingClientRect().top : null;
    });
    if (bottomBar !== null) expect(tab.y + tab.height).toBeLessThanOrEqual(bottomBar);
    // Opened, it stays above a fixed bottom bar too.
    await p.locator(`${PANEL} button.toggle`).click();
    const opened = (await p.locator(`${PANEL} aside.panel`).boundingBox())!;
    if (bottomBar !== null) expect(opened.y + opened.height).toBeLessThanOrEqual(bottomBar);
    // The theme follows the page: Telegraf's test page is dark.
    expect(await p.locator(`${PANEL} aside.panel`).getAttribute('class')).toContain(host === 'telegraf.rs' ? 'theme-dark' : 'theme-light');
    await p.screenshot({ path: path.join(ARTIFACTS, `site-${host}.png`) });
    expect(problems).toEqual([]);
  });

  it('irrelevant page full of "pravno lice", "kamera" and "Huawei 5G": no panel, no highlights, no badge', async () => {
    const p = await open('irrelevant.html');
    const v = await verdict();
    expect(v.relevant).toBe(false);
    expect(v.badge).toBe('');
    await p.waitForTimeout(500);
    expect(await p.locator(PANEL).count()).toBe(0);
    expect(await p.locator(TERM).count()).toBe(0);
    await p.screenshot({ path: path.join(ARTIFACTS, 'irrelevant.png') });
    expect(problems).toEqual([]);
  });

  it('follows single-page navigation: panel on the article, gone on the home page', async () => {
    const p = await open('spa.html');
    const home = await verdict();
    expect(home.relevant).toBe(false);
    expect(await p.locator(PANEL).count()).toBe(0);

    await p.click('#nav-article');
    await p.locator(PANEL).waitFor({ state: 'attached', timeout: 15_000 });
    expect(p.url()).toContain('?clanak=kamere');
    expect(await p.locator(`${PANEL} aside.panel`).getAttribute('lang')).toBe('sr-Latn');
    await expect.poll(() => p.locator(`article ${TERM}`).count()).toBeGreaterThan(0);
    await p.screenshot({ path: path.join(ARTIFACTS, 'spa-article.png') });

    await p.click('#nav-home');
    await p.locator(PANEL).waitFor({ state: 'detached', timeout: 15_000 });
    expect(await p.locator(TERM).count()).toBe(0);
    await expect.poll(() => p.locator('article h1').innerText()).toContain('Partizana');

    await p.goBack();
    await p.locator(PANEL).waitFor({ state: 'attached', timeout: 15_000 });
    expect(await p.locator('article h1').innerText()).toContain('kamerama');
    await p.screenshot({ path: path.join(ARTIFACTS, 'spa-back.png') });
    expect(problems).toEqual([]);
  });

  it('opens and closes by keyboard; the glossary popover opens on keyboard focus; the choice is remembered per site', async () => {
    let p = await open('english-article.html');
    const toggle = p.locator(`${PANEL} button.toggle`);
    await toggle.waitFor({ timeout: 15_000 });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // Tab from the page reaches a glossary term, which shows its popover.
    await p.locator('article h1').click();
    await p.keyboard.press('Tab');
    const focused = await p.evaluate(() => document.activeElement?.getAttribute('data-nadzor-term'));
    expect(focused).toBeTruthy();
    await expect.poll(() => p.locator(`${PANEL} .popover`).isVisible()).toBe(true);
    await p.keyboard.press('Escape');
    await expect.poll(() => p.locator(`${PANEL} .popover`).isVisible()).toBe(false);

    await toggle.focus();
    await p.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    // Escape from inside the panel closes it and puts focus back on the tab.
    await p.locator(`${PANEL} summary`).first().focus();
    await p.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await p.evaluate((sel) => document.querySelector(sel)!.shadowRoot!.activeElement?.className, PANEL)).toBe('toggle');
    await p.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await p.screenshot({ path: path.join(ARTIFACTS, 'opened.png') });
    await p.close();

    // Opened on this site: the next article of the site opens by itself.
    p = await open('latin-article.html', { keepOpenSites: true });
    const again = p.locator(`${PANEL} button.toggle`);
    await again.waitFor({ timeout: 15_000 });
    expect(await again.getAttribute('aria-expanded')).toBe('true');
    await again.click();
    await p.close();
    p = await open('cyrillic-article.html', { keepOpenSites: true });
    await p.locator(`${PANEL} button.toggle`).waitFor({ timeout: 15_000 });
    expect(await p.locator(`${PANEL} button.toggle`).getAttribute('aria-expanded')).toBe('false');
    expect(problems).toEqual([]);
  });

  it('without a server, nothing left the browser but the fixture pages', () => {
    expect(api.requests).toEqual([]);
    const foreign = networkRequests.filter((u) => !u.startsWith(fixtures.origin + '/') && !u.startsWith('data:') && !u.startsWith(`chrome-extension://${extensionId}/`));
    expect(foreign).toEqual([]);
  });

  it('with a server: only topics and title terms go to /api/related, and the answer is shown as text', async () => {
    await worker.evaluate((url) => chrome.storage.local.set({ serverUrl: url }), api.origin);
    try {
      const p = await open('latin-article.html');
      await p.locator(`${PANEL} button.toggle`).click();
      const related = p.locator(`${PANEL} [data-section="related"] ul.related a`);
      await related.waitFor({ timeout: 15_000 });
      expect(await related.innerText()).toBe(RELATED_ARTICLE.title);
      expect(await related.getAttribute('href')).toBe(RELATED_ARTICLE.url);
      expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await p.locator(`${PANEL} img, ${PANEL} b`).count()).toBe(0);

      const calls = api.requests.filter((r) => r.path === '/api/related');
      expect(calls).toHaveLength(1);
      const [call] = calls;
      expect(Object.keys(call.query).sort()).toEqual(['lang', 'terms', 'topics']);
      expect(call.query.lang).toBe('sr');
      expect(call.query.topics.split(',')).toEqual(expect.arrayContaining(['law', 'face-recognition']));
      const everything = JSON.stringify(call);
      expect(everything).not.toContain('latin-article');
      expect(everything).not.toContain(fixtures.origin);
      expect(everything).not.toContain('Poverenik');
      expect(call.headers.cookie).toBeUndefined();
      expect(call.headers.referer).toBeUndefined();
      for (const term of call.query.terms.split(',').filter(Boolean)) expect(term).toMatch(/^[a-z0-9 -]+$/);
      await related.scrollIntoViewIfNeeded();
      await p.screenshot({ path: path.join(ARTIFACTS, 'related-coverage.png') });
      expect(problems).toEqual([]);
    } finally {
      await worker.evaluate(() => chrome.storage.local.set({ serverUrl: '' }));
    }
  });

  it('popup and options pages render without errors', async () => {
    const p = await open('english-article.html');
    await p.goto(`chrome-extension://${extensionId}/options.html`);
    await expect.poll(() => p.locator('#default-sites input[type=checkbox]').count()).toBeGreaterThan(30);
    expect(await p.locator('#server-url').inputValue()).toBe('');
    await p.screenshot({ path: path.join(ARTIFACTS, 'options.png'), fullPage: true });
    await p.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect.poll(() => p.locator('main').innerText()).toContain('No server configured');
    await p.setViewportSize({ width: 360, height: 260 });
    await p.screenshot({ path: path.join(ARTIFACTS, 'popup.png') });
    expect(problems).toEqual([]);
  });
});
