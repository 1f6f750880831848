import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_USER_AGENT, fetchFeed, FetchError, redirectTarget, type FetchResult } from './fetcher';
import { readFeed } from './index';
import { startServer, type LocalServer } from './testdata/local-server';

const RSS = readFileSync(path.join(__dirname, 'testdata/rss2-latin.xml'), 'utf8');
const CYRILLIC_RSS = (decl: string): string =>
  `<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>Надзор и камере</title>` +
  '<item><title>Препознавање лица у Београду</title></item></channel></rss>';
const LATIN_RSS = (decl: string): string =>
  `<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>Čačak, Šabac, Đakovica, Žabalj, Ćuprija</title>` +
  '</channel></rss>';

let server: LocalServer;

function ok(r: FetchResult): Extract<FetchResult, { notModified: false }> {
  if (r.notModified) throw new Error('expected a body, got 304');
  return r;
}

async function failure(p: Promise<unknown>): Promise<FetchError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

beforeAll(async () => {
  server = await startServer({
    '/etag': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { ETag: '"v1"' }).end();
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: '"v1"' }).end(RSS);
    },
    '/last-modified': (req, res) => {
      const stamp = 'Tue, 14 Jan 2025 08:00:00 GMT';
      if (req.headers['if-modified-since'] === stamp) return res.writeHead(304).end();
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Last-Modified': stamp }).end(RSS);
    },
    '/gzip': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Encoding': 'gzip' }).end(zlib.gzipSync(RSS)),
    '/br': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Encoding': 'br' }).end(zlib.brotliCompressSync(RSS)),
    '/deflate': (_req, res) => res.writeHead(200, { 'Content-Encoding': 'deflate' }).end(zlib.deflateSync(RSS)),
    '/deflate-raw': (_req, res) => res.writeHead(200, { 'Content-Encoding': 'deflate' }).end(zlib.deflateRawSync(RSS)),
    '/bad-gzip': (_req, res) => res.writeHead(200, { 'Content-Encoding': 'gzip' }).end('this is not gzip at all'),
    '/cp1251-header': (_req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=windows-1251' })
        .end(iconv.encode(CYRILLIC_RSS(''), 'windows-1251')),
    '/cp1251-decl': (_req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/xml' })
        .end(iconv.encode(CYRILLIC_RSS(' encoding="windows-1251"'), 'windows-1251')),
    '/cp1250-header': (_req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/xml; charset="windows-1250"' })
        .end(iconv.encode(LATIN_RSS(''), 'windows-1250')),
    '/cp1250-decl': (_req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/xml' }).end(iconv.encode(LATIN_RSS(' encoding="windows-1250"'), 'windows-1250')),
    '/iso-8859-2-decl': (_req, res) =>
      res.writeHead(200).end(iconv.encode(LATIN_RSS(' encoding="ISO-8859-2"'), 'iso-8859-2')),
    '/utf16-bom': (_req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/xml' })
        .end(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CYRILLIC_RSS(' encoding="utf-16"'), 'utf-16le')])),
    '/slow': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.write('<rss version="2.0"><channel>');
      const t = setInterval(() => res.write('<!-- still here -->'), 50);
      res.on('close', () => clearInterval(t));
    },
    '/silent': () => {
      // Accepts the connection and never answers.
    },
    '/huge': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = (): void => {
        while (res.write(chunk)) { /* keep writing until the socket pushes back */ }
      };
      res.on('drain', pump);
      res.on('close', () => res.off('drain', pump));
      pump();
    },
    '/huge-declared': (_req, res) => res.writeHead(200, { 'Content-Length': String(50 * 1024 * 1024) }).end(),
    '/bomb': (_req, res) => res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(zlib.gzipSync(Buffer.alloc(3 * 1024 * 1024, 0x20))),
    '/loop': (_req, res) => res.writeHead(302, { Location: '/loop' }).end(),
    '/hop1': (_req, res) => res.writeHead(301, { Location: '/hop2' }).end(),
    '/hop2': (_req, res) => res.writeHead(307, { Location: '/etag' }).end(),
    '/to-ftp': (_req, res) => res.writeHead(302, { Location: 'ftp://example.com/feed' }).end(),
    '/error': (_req, res) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('boom'),
    '/busy': (_req, res) => res.writeHead(503, { 'Retry-After': '120' }).end(),
    '/cut': (_req, res) => {
      res.writeHead(200, { 'Content-Length': '1000' });
      res.write('<rss>');
      setTimeout(() => res.destroy(), 20);
    },
    '/ua': (req, res) => res.writeHead(200).end(`<rss><channel><title>${req.headers['user-agent']}</title></channel></rss>`),
  });
});

afterAll(async () => {
  await server.close();
});

describe('fetchFeed: conditional GET', () => {
  it('returns the body with its ETag, then 304 when the ETag is sent back', async () => {
    const first = ok(await fetchFeed(`${server.url}/etag`));
    expect(first.status).toBe(200);
    expect(first.etag).toBe('"v1"');
    expect(first.text).toContain('Kamere za prepoznavanje lica');

    const second = await fetchFeed(`${server.url}/etag`, { etag: first.etag });
    expect(second.notModified).toBe(true);
    expect(second.status).toBe(304);
    expect(second.etag).toBe('"v1"');
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe('"v1"');
  });

  it('sends Last-Modified back as If-Modified-Since and keeps it on a 304 without one', async () => {
    const first = ok(await fetchFeed(`${server.url}/last-modified`));
    expect(first.lastModified).toBe('Tue, 14 Jan 2025 08:00:00 GMT');
    const second = await fetchFeed(`${server.url}/last-modified`, { lastModified: first.lastModified });
    expect(second.notModified).toBe(true);
    expect(second.lastModified).toBe('Tue, 14 Jan 2025 08:00:00 GMT');
    expect(server.requests.at(-1)!.headers['if-modified-since']).toBe('Tue, 14 Jan 2025 08:00:00 GMT');
  });

  it('identifies itself, and the User-Agent can be overridden', async () => {
    expect(ok(await fetchFeed(`${server.url}/ua`)).text).toContain(DEFAULT_USER_AGENT);
    expect(ok(await fetchFeed(`${server.url}/ua`, { userAgent: 'Test/1.0' })).text).toContain('Test/1.0');
    expect(server.requests.at(-1)!.headers['accept-encoding']).toBe('gzip, deflate, br');
  });
});

describe('fetchFeed: compression', () => {
  it.each(['gzip', 'br', 'deflate', 'deflate-raw'])('decompresses %s bodies', async (route) => {
    const r = ok(await fetchFeed(`${server.url}/${route}`));
    expect(r.text).toBe(RSS);
  });

  it('reports a corrupt compressed body as a decode error', async () => {
    const err = await failure(fetchFeed(`${server.url}/bad-gzip`));
    expect(err.kind).toBe('decode');
  });
});

describe('fetchFeed: charsets', () => {
  it('decodes windows-1251 declared in Content-Type', async () => {
    const r = ok(await fetchFeed(`${server.url}/cp1251-header`));
    expect(r.encoding).toBe('windows-1251');
    expect(r.text).toContain('Препознавање лица у Београду');
  });

  it('decodes windows-1251 declared in the XML declaration', async () => {
    const r = ok(await fetchFeed(`${server.url}/cp1251-decl`));
    expect(r.encoding).toBe('windows-1251');
    expect(r.text).toContain('Надзор и камере');
  });

  it('decodes windows-1250 declared in Content-Type (quoted charset)', async () => {
    const r = ok(await fetchFeed(`${server.url}/cp1250-header`));
    expect(r.encoding).toBe('windows-1250');
    expect(r.text).toContain('Čačak, Šabac, Đakovica, Žabalj, Ćuprija');
  });

  it('decodes windows-1250 and ISO-8859-2 declared in the XML declaration', async () => {
    expect(ok(await fetchFeed(`${server.url}/cp1250-decl`)).text).toContain('Čačak, Šabac, Đakovica');
    const iso = ok(await fetchFeed(`${server.url}/iso-8859-2-decl`));
    expect(iso.encoding).toBe('iso-8859-2');
    expect(iso.text).toContain('Žabalj, Ćuprija');
  });

  it('decodes UTF-16 with a byte order mark', async () => {
    const r = ok(await fetchFeed(`${server.url}/utf16-bom`));
    expect(r.encoding).toBe('utf-16le');
    expect(r.text.startsWith('<?xml')).toBe(true);
    expect(r.text).toContain('Препознавање лица');
  });
});

describe('fetchFeed: limits and failures', () => {
  it('gives up when the whole fetch takes longer than timeoutMs', async () => {
    const started = Date.now();
    const err = await failure(fetchFeed(`${server.url}/slow`, { timeoutMs: 300 }));
    expect(err.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up when no response headers arrive within connectTimeoutMs', async () => {
    const err = await failure(fetchFeed(`${server.url}/silent`, { connectTimeoutMs: 200, timeoutMs: 5000 }));
    expect(err.kind).toBe('timeout');
    expect(err.message).toMatch(/no response headers/);
  });

  it('aborts a body larger than maxBytes without buffering it', async () => {
    const err = await failure(fetchFeed(`${server.url}/huge`, { maxBytes: 256 * 1024 }));
    expect(err.kind).toBe('too-large');
  });

  it('refuses a declared Content-Length above maxBytes before reading', async () => {
    const err = await failure(fetchFeed(`${server.url}/huge-declared`));
    expect(err.kind).toBe('too-large');
  });

  it('applies maxBytes to the decompressed size too', async () => {
    const err = await failure(fetchFeed(`${server.url}/bomb`, { maxBytes: 1024 * 1024 }));
    expect(err.kind).toBe('too-large');
  });

  it('stops a redirect loop at maxRedirects', async () => {
    const before = server.requests.length;
    const err = await failure(fetchFeed(`${server.url}/loop`, { maxRedirects: 3 }));
    expect(err.kind).toBe('too-many-redirects');
    expect(server.requests.length - before).toBe(4);
  });

  it('follows redirects and reports the final URL', async () => {
    const r = ok(await fetchFeed(`${server.url}/hop1`));
    expect(r.url).toBe(`${server.url}/etag`);
    expect(r.redirects).toBe(2);
  });

  it('refuses redirects to other schemes', async () => {
    expect((await failure(fetchFeed(`${server.url}/to-ftp`))).kind).toBe('invalid-url');
  });

  it('reports HTTP errors with their status and Retry-After', async () => {
    const err = await failure(fetchFeed(`${server.url}/error`));
    expect(err.kind).toBe('http');
    expect(err.status).toBe(500);
    const busy = await failure(fetchFeed(`${server.url}/busy`));
    expect(busy.status).toBe(503);
    expect(busy.retryAfter).toBe('120');
  });

  it('reports a connection cut mid-body as a network error', async () => {
    expect((await failure(fetchFeed(`${server.url}/cut`))).kind).toBe('network');
  });

  it('reports a refused connection as a network error', async () => {
    const closed = await startServer({});
    const url = closed.url;
    await closed.close();
    expect((await failure(fetchFeed(`${url}/feed`))).kind).toBe('network');
  });

  it('rejects non-http URLs', async () => {
    expect((await failure(fetchFeed('file:///etc/passwd'))).kind).toBe('invalid-url');
    expect((await failure(fetchFeed('not a url'))).kind).toBe('invalid-url');
  });

  it('can be aborted', async () => {
    const controller = new AbortController();
    const p = fetchFeed(`${server.url}/silent`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(p)).kind).toBe('aborted');
  });
});

describe('readFeed', () => {
  it('fetches and parses, returning validators, final URL and encoding', async () => {
    const r = await readFeed(`${server.url}/hop1`);
    expect(r.notModified).toBe(false);
    if (r.notModified) return;
    expect(r.finalUrl).toBe(`${server.url}/etag`);
    expect(r.etag).toBe('"v1"');
    expect(r.encoding).toBe('utf-8');
    expect(r.feed.title).toBe('Vesti – Društvo');
    expect(r.feed.items).toHaveLength(2);
  });

  it('passes a 304 through without parsing', async () => {
    const r = await readFeed(`${server.url}/etag`, { etag: '"v1"' });
    expect(r).toMatchObject({ notModified: true, feed: null, etag: '"v1"' });
  });

  it('decodes a windows-1251 feed end to end', async () => {
    const r = await readFeed(`${server.url}/cp1251-header`);
    expect(r.feed?.title).toBe('Надзор и камере');
    expect(r.feed?.items[0].title).toBe('Препознавање лица у Београду');
  });

  it('reads a local file by path or file:// URL', async () => {
    const file = path.join(__dirname, 'testdata/atom-cyrillic.xml');
    const r = await readFeed(file);
    expect(r.feed?.title).toBe('Новине – Друштво');
    expect(r.finalUrl).toMatch(/^file:\/\//);
    const again = await readFeed(r.finalUrl);
    expect(again.feed?.items[0].id).toBe(r.feed?.items[0].id);
  });

  it('reports a missing file as a FetchError of kind file', async () => {
    const err = await failure(readFeed('/nonexistent/feed.xml'));
    expect(err.kind).toBe('file');
  });
});

describe('fetchFeed: publicOnly (feeds added from a chat)', () => {
  it('refuses a loopback address given as an IP, before connecting', async () => {
    const before = server.requests.length;
    const err = await fetchFeed(`${server.url}/etag`, { publicOnly: true }).catch((e: FetchError) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).kind).toBe('forbidden-address');
    expect(server.requests.length).toBe(before);
  });

  it('refuses a name that resolves to loopback (checked at connect time, not only when added)', async () => {
    const url = `${server.url.replace('127.0.0.1', 'localhost')}/etag`;
    const err = await fetchFeed(url, { publicOnly: true }).catch((e: FetchError) => e);
    expect((err as FetchError).kind).toBe('forbidden-address');
  });

  it('leaves operator feeds alone: the same URL without publicOnly is fetched', async () => {
    const res = await fetchFeed(`${server.url}/etag`);
    expect(res.status).toBe(200);
  });
});

describe('redirectTarget (issue 10)', () => {
  it('follows http->https, https->https and http->http', () => {
    expect(redirectTarget('https://b.example/x', new URL('http://a.example/')).href).toBe('https://b.example/x');
    expect(redirectTarget('/y', new URL('https://a.example/x')).href).toBe('https://a.example/y');
    expect(redirectTarget('http://b.example/', new URL('http://a.example/')).href).toBe('http://b.example/');
  });

  it('refuses https->http, and says so without the query string', () => {
    let err: unknown;
    try {
      redirectTarget('http://b.example/feed?key=SECRET', new URL('https://a.example/feed?token=SECRET'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).kind).toBe('invalid-url');
    expect((err as FetchError).message).toMatch(/https to http refused/);
    expect((err as FetchError).message).not.toMatch(/SECRET/);
  });
});

describe('errors name URLs without their query string (issue 10)', () => {
  it('FetchError keeps the full URL as a property, not in the message', () => {
    const err = new FetchError('http', 'HTTP 500', 'https://user:pw@a.example/feed.xml?api_key=SECRET#x');
    expect(err.message).toBe('HTTP 500 (https://a.example/feed.xml?…)');
    expect(err.url).toContain('SECRET');
  });
});
