/**
 * A local feed server on 127.0.0.1 for the integration tests, the demo and the pipeline
 * benchmark. Each feed is a path with a list of items rendered as RSS 2.0 (with ETag and
 * Last-Modified, answering conditional GETs with 304), or a failure mode: a 500, garbage
 * bytes, or a response that never comes (to exercise timeouts). Feeds can change while it
 * runs, so tests can add items between cycles.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';

export interface FakeItem {
  guid: string;
  title: string;
  description: string;
  link: string;
  /** ISO date; rendered as RFC 822 in pubDate. */
  published: string;
}

export type FeedMode = 'ok' | 'error500' | 'garbage' | 'hang';

interface FeedState {
  title: string;
  items: FakeItem[];
  mode: FeedMode;
  language: string;
  /** Milliseconds to wait before answering (a slow but working server). */
  delayMs: number;
}

export interface FeedServer {
  url: string;
  /** URL of the feed at `path` (e.g. "/danas.xml"). */
  feedUrl(path: string): string;
  setFeed(path: string, feed: { title?: string; items: FakeItem[]; mode?: FeedMode; language?: string; delayMs?: number }): void;
  addItems(path: string, items: FakeItem[]): void;
  setMode(path: string, mode: FeedMode): void;
  /** Requests received per path. */
  hits(path: string): number;
  /** When each request for `path` arrived (Date.now()), oldest first. */
  hitTimes(path: string): number[];
  /** Changes how long the feed at `path` waits before answering. */
  setDelay(path: string, delayMs: number): void;
  close(): Promise<void>;
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderRss(title: string, items: FakeItem[], language = 'sr'): string {
  const body = items
    .map(
      (i) => `    <item>
      <title>${escapeXml(i.title)}</title>
      <link>${escapeXml(i.link)}</link>
      <guid isPermaLink="false">${escapeXml(i.guid)}</guid>
      <pubDate>${new Date(i.published).toUTCString()}</pubDate>
      <description>${escapeXml(i.description)}</description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${escapeXml(title)}</title>
    <link>http://127.0.0.1/</link>
    <language>${language}</language>
${body}
  </channel>
</rss>
`;
}

export async function startFeedServer(): Promise<FeedServer> {
  const feeds = new Map<string, FeedState>();
  const hits = new Map<string, number>();
  const hitTimes = new Map<string, number[]>();
  const answer = (feed: FeedState, req: http.IncomingMessage, res: http.ServerResponse): void => {
    switch (feed.mode) {
      case 'hang':
        return; // never answer: the fetcher's timeout must fire
      case 'error500':
        return void res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      case 'garbage':
        return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x3c, 0x21, 0x2d]));
      case 'ok': {
        const xml = renderRss(feed.title, feed.items, feed.language);
        const etag = `"${createHash('sha1').update(xml).digest('hex').slice(0, 16)}"`;
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
        return void res.end(xml);
      }
    }
  };
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    hits.set(path, (hits.get(path) ?? 0) + 1);
    let times = hitTimes.get(path);
    if (!times) hitTimes.set(path, (times = []));
    times.push(Date.now());
    const feed = feeds.get(path);
    if (!feed) return void res.writeHead(404).end('no such feed');
    if (feed.delayMs > 0) setTimeout(() => answer(feed, req, res), feed.delayMs);
    else answer(feed, req, res);
  });
  // Keep-alive off: each feed read is one short connection, like most real servers answer us.
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    feedUrl: (path) => base + path,
    setFeed(path, f) {
      feeds.set(path, { title: f.title ?? path, items: [...f.items], mode: f.mode ?? 'ok', language: f.language ?? 'sr', delayMs: f.delayMs ?? 0 });
    },
    addItems(path, items) {
      const f = feeds.get(path);
      if (!f) throw new Error(`no feed at ${path}`);
      f.items.unshift(...items);
    },
    setMode(path, mode) {
      const f = feeds.get(path);
      if (!f) throw new Error(`no feed at ${path}`);
      f.mode = mode;
    },
    hits: (path) => hits.get(path) ?? 0,
    hitTimes: (path) => [...(hitTimes.get(path) ?? [])],
    setDelay(path, delayMs) {
      const f = feeds.get(path);
      if (!f) throw new Error(`no feed at ${path}`);
      f.delayMs = delayMs;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
