/**
 * `npm start` as a real process: killed with SIGKILL in the middle of a cycle and started
 * again, it neither repeats nor loses an alert, and it finishes the feeds it had not read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FakeItem, type FeedServer } from './fakes/feed-server';
import { RELEVANT_ITEMS, IRRELEVANT_ITEMS } from './fixtures/items';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FEEDS = 24;
const ITEMS = 12;

let server: FeedServer;
let dir: string;

interface Run {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

function startMonitor(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, CI: 'true', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = { child, stdout: [], stderr: [], exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
  child.stdout!.setEncoding('utf8').on('data', (d: string) => run.stdout.push(d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => run.stderr.push(d));
  return run;
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function openDb(): Database.Database {
  return new Database(join(dir, 'data', 'nadzor.db'), { readonly: true, fileMustExist: true });
}

beforeAll(async () => {
  server = await startFeedServer();
  dir = mkdtempSync(join(tmpdir(), 'nadzor-restart-'));
  const feeds = [];
  for (let f = 0; f < FEEDS; f++) {
    const items: FakeItem[] = [];
    for (let i = 0; i < ITEMS; i++) {
      // Every third item is relevant; the city makes each one its own story.
      const base = i % 3 === 0 ? RELEVANT_ITEMS[(f + i) % RELEVANT_ITEMS.length] : IRRELEVANT_ITEMS[(f + i) % IRRELEVANT_ITEMS.length];
      items.push({
        guid: `f${f}-i${i}`,
        title: `${base.title} — ${f}/${i}`,
        description: `${base.text} Izveštaj broj ${f * 100 + i} iz grada ${f}.`,
        link: `http://127.0.0.1/f${f}/a${i}`,
        published: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
      });
    }
    // Slow enough that a kill lands mid-cycle.
    server.setFeed(`/f${f}.xml`, { items, delayMs: 150 });
    feeds.push({ outlet: `Outlet ${f}`, url: server.feedUrl(`/f${f}.xml`), language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'http://127.0.0.1/' });
  }
  writeFileSync(join(dir, 'feeds.json'), JSON.stringify(feeds));
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 mid-cycle and restart', () => {
  it('neither repeats nor loses an alert', { timeout: 180_000 }, async () => {
    const env = {
      DATA_DIR: join(dir, 'data'),
      FEEDS_FILE: join(dir, 'feeds.json'),
      POLL_CRON: '0 0 1 1 *', // the first cycle runs at start; no other during the test
      HTTP_PORT: '0',
      FETCH_CONCURRENCY: '2',
      LOG_LEVEL: 'info',
    };
    const first = startMonitor(env);
    // Kill once a few feeds are in and the rest are not.
    await waitFor(() => (first.stderr.join('').match(/ items, /g) ?? []).length >= 5, 'the first feeds to be read');
    first.child.kill('SIGKILL');
    await first.exited;
    const readBeforeKill = (first.stderr.join('').match(/ items, /g) ?? []).length;
    expect(readBeforeKill).toBeLessThan(FEEDS);

    const second = startMonitor(env);
    await waitFor(() => /cycle done/.test(second.stderr.join('')), 'the restarted cycle to finish', 120_000);
    await waitFor(() => {
      const db = openDb();
      try {
        const row = db.prepare("SELECT count(*) AS n FROM alerts WHERE status <> 'sent'").get() as { n: number };
        return row.n === 0;
      } finally {
        db.close();
      }
    }, 'every alert to be delivered');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const db = openDb();
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const articles = db.prepare('SELECT id, url, relevant FROM articles').all() as Array<{ id: number; url: string; relevant: number }>;
      expect(articles).toHaveLength(FEEDS * ITEMS); // every feed read, nothing stored twice
      const relevant = articles.filter((a) => a.relevant === 1);
      expect(relevant.length).toBeGreaterThanOrEqual(FEEDS * Math.ceil(ITEMS / 3) * 0.9);
      const alerts = db.prepare("SELECT article_id, status FROM alerts WHERE target = 'console'").all() as Array<{ article_id: number; status: string }>;
      // One alert per relevant article: none lost, none doubled.
      expect(alerts.map((a) => a.article_id).sort((a, b) => a - b)).toEqual(relevant.map((a) => a.id).sort((a, b) => a - b));
      // And each was printed exactly once across both runs.
      const printed = first.stdout.join('') + second.stdout.join('');
      for (const a of relevant) {
        const times = printed.split(a.url).length - 1;
        expect(times, `${a.url} printed ${times} times`).toBe(1);
      }
    } finally {
      db.close();
    }
  });
});
