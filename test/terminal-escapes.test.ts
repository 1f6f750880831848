/**
 * Issue 10, "terminal escapes from feeds": an OSC window title in a root element name and
 * colours in an HTTP reason phrase reached stderr and `npm run feeds -- status` raw. Here the
 * real monitor reads such feeds from a raw server on 127.0.0.1 and logs through the bot's one
 * logger: no line, and no stored error, may carry a control character, and URL query strings
 * (a feed URL may carry a key) stay out of the log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedEntry } from '../shared/model/types';
import { createLogger } from '../bot/log';
import { createMonitor } from '../bot/monitor';
import { createProcessor } from '../bot/reader/processor';
import { openStorage, type Storage } from '../bot/storage';

/** Anything a terminal acts on: C0 but newline, DEL, C1, bidi controls. */
const TERMINAL_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const RESPONSES: Record<string, string> = {
  '/osc.xml': httpResponse('200 OK', `<?xml version="1.0"?><x\x1b]0;owned\x07y><item>a</item></x\x1b]0;owned\x07y>`),
  '/colour.xml': httpResponse('503 \x1b[31mService\x1b[0m \x1b]0;owned\x07Unavailable', 'down'),
  '/bidi.xml': httpResponse('500 Internal \u202Erorre\u202C', 'x'),
};

function httpResponse(status: string, body: string): string {
  const bytes = Buffer.from(body, 'latin1');
  return `HTTP/1.1 ${status}\r\nContent-Type: application/rss+xml\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n${body}`;
}

/** An HTTP server that writes its bytes raw: Node's own would refuse an ESC in a reason phrase. */
function rawServer(): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = createServer((socket) => {
      let head = '';
      socket.on('data', (chunk) => {
        head += chunk.toString('latin1');
        if (!head.includes('\r\n\r\n')) return;
        const path = (/^GET (\S+)/.exec(head)?.[1] ?? '/').replace(/\?.*$/, '');
        socket.end(Buffer.from(RESPONSES[path] ?? httpResponse('404 Not Found', ''), 'latin1'));
      });
      socket.on('error', () => {});
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({ server, url: `http://127.0.0.1:${address.port}` });
    });
  });
}

let dir: string;
let storage: Storage;
let raw: { server: Server; url: string };

beforeEach(async () => {
  raw = await rawServer();
  dir = mkdtempSync(join(tmpdir(), 'nadzor-escapes-'));
  storage = openStorage(dir);
});

afterEach(async () => {
  storage.close();
  await new Promise((r) => raw.server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('control characters from feeds', () => {
  it('never reach a log line or a stored error; URL queries stay out of the log', async () => {
    const feeds: FeedEntry[] = ['/osc.xml', '/colour.xml', '/bidi.xml'].map((path, i) => ({
      outlet: `Hostile ${i}`,
      url: `${raw.url}${path}?key=s3cret-feed-key`,
      language: 'sr',
      script: 'Latn',
      scope: 'domestic',
      homepage: `${raw.url}/`,
    }));
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', timestamps: false, write: (l) => lines.push(l) });
    const monitor = createMonitor({ storage, processor: createProcessor({ storage, backlogHours: 24 }), feeds, logger, perHostGapMs: 0, fetchTimeoutMs: 5000, fetchConcurrency: 3 });
    try {
      const result = await monitor.runCycle();
      expect(result).toMatchObject({ feeds: 3, ok: 0 });
    } finally {
      await monitor.stop();
    }
    const log = lines.join("\n");
    expect(lines.length).toBeGreaterThan(0);
    expect(log).not.toMatch(TERMINAL_CONTROL);
    expect(log).not.toContain('s3cret-feed-key');
    expect(log).toMatch(/HTTP 503 Service Unavailable/);
    expect(log).toMatch(/root element is <xy> \(http:\/\/127\.0\.0\.1:\d+\/osc\.xml\?…\)/);

    const errors = storage.feeds.list().map((f) => f.lastError ?? '');
    expect(errors.every((e) => e !== '')).toBe(true);
    for (const e of errors) expect(e).not.toMatch(TERMINAL_CONTROL);
  });
});
