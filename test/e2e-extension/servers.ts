/**
 * The two local servers of the extension's end-to-end suite, both on 127.0.0.1 with port 0:
 * the fixture news pages, and a fake Nadzor Watch API that records every request it gets.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface LocalServer {
  origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closer(server: http.Server): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

/**
 * Serves the files of `dir`, and `generated` pages (path without the leading slash -> HTML);
 * anything else is a 404.
 */
export async function startFixtureServer(dir: string, generated: Record<string, () => string> = {}): Promise<LocalServer> {
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const page = Object.hasOwn(generated, pathname.slice(1)) ? generated[pathname.slice(1)] : undefined;
    if (page) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      res.end(page());
      return;
    }
    const file = path.join(dir, path.normalize(pathname).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dir + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return { origin: await listen(server), close: closer(server) };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
}

export interface FakeApi extends LocalServer {
  requests: RecordedRequest[];
}

/** Related coverage as a server would answer it, with markup in the text to prove it stays text. */
export const RELATED_ARTICLE = {
  title: '<img src=x onerror="window.__pwned=1">Kamere sa prepoznavanjem lica i u Nišu',
  url: 'https://example.org/related-1',
  outlet: 'Test <b>outlet</b>',
  published: '2024-05-01T10:00:00Z',
  score: 0.91,
  topics: ['cameras', 'face-recognition'],
};

/** A fake `/api/related`, `/api/articles` and `/api/coverage`, with CORS open like a public API. */
export async function startFakeApi(): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers });
    const headers = { 'content-type': 'application/json', 'access-control-allow-origin': '*' };
    if (url.pathname === '/api/related') {
      res.writeHead(200, headers).end(JSON.stringify({ articles: [RELATED_ARTICLE] }));
    } else if (url.pathname === '/api/articles') {
      res.writeHead(200, headers).end(JSON.stringify({ articles: [RELATED_ARTICLE], total: 1 }));
    } else if (url.pathname === '/api/coverage') {
      res.writeHead(200, headers).end(JSON.stringify({ rows: [{ bucket: '2024-05-06', key: 'domestic', articles: 5, stories: 3 }] }));
    } else {
      res.writeHead(404, headers).end('{}');
    }
  });
  return { origin: await listen(server), close: closer(server), requests };
}
