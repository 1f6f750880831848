/**
 * A local news site on 127.0.0.1 for the article-stage tests: the generated article pages,
 * three feeds of the same items (full leads, titles only, leads cut after eight words), a
 * robots.txt, the feeds at /feeds/<kind>.xml, and the pages that go wrong (404, 500, a paywall stub, a 10 MB page, a page
 * that drips, a PDF, a redirect to a private address, a path robots.txt disallows).
 * Counts the requests per path, so a test can say no page was fetched twice.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ARTICLES, type ArticleText } from './articles';
import { paywallPage, renderArticlePage, type RenderedPage } from './pages';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export type FeedKind = 'full' | 'title-only' | 'cut-off';

/** The feed text an item carries in each kind of feed. */
export function feedText(a: ArticleText, kind: FeedKind): string {
  if (kind === 'full') return a.lead;
  if (kind === 'title-only') return '';
  return `${a.lead.split(' ').slice(0, 8).join(' ')} …`;
}

export function renderFeed(base: string, items: Array<{ title: string; link: string; text: string; guid: string }>): string {
  const published = new Date(Date.now() - 3600_000).toUTCString();
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Local</title><link>${base}/</link>${items
    .map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid>${esc(i.guid)}</guid><pubDate>${published}</pubDate>${i.text ? `<description>${esc(i.text)}</description>` : ''}</item>`)
    .join('')}</channel></rss>`;
}

export interface ArticleWorld {
  url: string;
  /** Requests received per path. */
  hits: Map<string, number>;
  pageUrl(a: ArticleText): string;
  feedXml(kind: FeedKind, articles?: ArticleText[]): string;
  close(): Promise<void>;
}

export async function startArticleWorld(options: { dripMs?: number; extraPages?: Record<string, RenderedPage> } = {}): Promise<ArticleWorld> {
  const hits = new Map<string, number>();
  const bySlug = new Map(ARTICLES.map((a, i) => [a.slug, { a, i }]));
  let base = '';
  const pageUrl = (a: ArticleText) => `${base}/a/${a.slug}.html`;
  const feedXml = (kind: FeedKind, articles = ARTICLES) =>
    renderFeed(base, articles.map((a) => ({ title: a.title, link: pageUrl(a), text: feedText(a, kind), guid: `${kind}:${a.slug}` })));
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const page = /^\/(?:a|private)\/([\w-]+)\.html$/.exec(path);
    const extra = options.extraPages?.[path];
    if (extra) {
      res.writeHead(200, { 'content-type': extra.contentType }).end(extra.bytes);
    } else if (/^\/feeds\/(full|title-only|cut-off)\.xml$/.test(path)) {
      const kind = path.slice(7, -4) as FeedKind;
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feedXml(kind));
    } else if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\nDisallow: /search\n');
    } else if (page && bySlug.has(page[1])) {
      const { a, i } = bySlug.get(page[1])!;
      const r = renderArticlePage(a, i);
      res.writeHead(200, { 'content-type': r.contentType }).end(r.bytes);
    } else if (path === '/bad/500.html') {
      res.writeHead(500).end('oops');
    } else if (path === '/bad/paywall.html') {
      const r = paywallPage('Ekskluzivno: šta kriju kamere');
      res.writeHead(200, { 'content-type': r.contentType }).end(r.bytes);
    } else if (path === '/bad/huge.html') {
      // 10 MB of paragraphs, sent without a Content-Length.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const chunk = Buffer.from('<p>' + 'kamere '.repeat(1400) + '</p>\n'.padEnd(10, ' '));
      let sent = 0;
      const write = (): void => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', write);
        }
        res.end();
      };
      res.on('error', () => undefined);
      write();
    } else if (path === '/feeds/drip.xml') {
      // Title-only items whose pages drip, on whatever host name the feed was asked by.
      const host = `http://${req.headers.host}`;
      const items = [1, 2, 3].map((n) => ({ title: `Sporo ${n}: nove kamere`, link: `${host}/bad/drip-${n}.html`, text: '', guid: `drip-${n}` }));
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(renderFeed(host, items));
    } else if (/^\/bad\/drip(-\d+)?\.html$/.test(path)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const t = setInterval(() => res.write('<p>.</p>'), options.dripMs ?? 200);
      timers.add(t);
      res.on('close', () => clearInterval(t));
    } else if (path === '/bad/doc.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from('%PDF-1.7\n% kamere prepoznavanje lica\n'));
    } else if (path === '/bad/redirect.html') {
      // A redirect into the operator's network: localhost is not the trusted feed host.
      res.writeHead(302, { location: `${base.replace('127.0.0.1', 'localhost')}/secret` }).end();
    } else {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<p>not found</p>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    hits,
    pageUrl,
    feedXml,
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearInterval);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
