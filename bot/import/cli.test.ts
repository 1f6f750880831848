import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFeedsFile, defaultFeeds } from '../feeds/registry';
import { openStorage } from '../storage';
import { tempDir } from '../storage/testdata/temp-storage';
import { createApp } from '../api';
import { runImport, type CliIo } from './cli';

const fixture = (name: string) => new URL(`../../test/fixtures/import/${name}`, import.meta.url).pathname;

function io(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env, progress: false };
  return { io: value, out, err };
}

const servers: Server[] = [];
afterEach(async () => {
  while (servers.length) await new Promise((r) => servers.pop()!.close(r));
});

/** A local server with the fixture feed at /lokalni.xml; every other path is a 404. */
async function feedServer(): Promise<string> {
  const server = createServer((req, res) => {
    if (req.url === '/lokalni.xml') {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
      res.end(readFileSync(fixture('lokalni.xml')));
    } else {
      res.writeHead(404).end();
    }
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('npm run import', () => {
  it('imports a CSV archive: classified, de-duplicated, counted, never alerted', async () => {
    const dataDir = tempDir();
    const run = io({ DATA_DIR: dataDir });
    expect(await runImport([fixture('archive.csv')], run.io)).toBe(0);
    expect(run.err).toEqual([
      expect.stringMatching(/archive\.csv:6: published: is missing/),
      expect.stringMatching(/archive\.csv:7: published: is not a date/),
      expect.stringMatching(/archive\.csv:8: title: is missing/),
    ]);
    expect(run.out[0]).toBe('ignoring columns that are not article fields: Napomena');
    expect(run.out[1]).toMatch(/^imported 4 articles \(\d about the subject\), 1 already stored, 3 skipped, into /);

    const storage = openStorage(dataDir);
    try {
      expect(await storage.articles.count()).toBe(4);
      expect(await storage.alerts.pendingCount()).toBe(0);
      const weather = (await storage.articles.search({ outlet: 'Danas' }))[0];
      expect(weather.classification.relevant).toBe(false);
      const print = (await storage.articles.search({ outlet: 'Politika (štampa)' }))[0];
      expect(print.classification.relevant).toBe(true);
      expect(print.published).toBe('2025-03-27T12:00:00.000Z');
      // Counted by the API like any other article, and found across scripts.
      const app = createApp({ storage, config: { apiToken: null } });
      const c = (await (await app.request('/api/coverage?from=2025-03-01&to=2025-03-31&relevant=all')).json()) as { total: { articles: number } };
      expect(c.total.articles).toBe(4);
      const q = (await (await app.request(`/api/articles?q=${encodeURIComponent('шер фондација')}`)).json()) as { total: number };
      expect(q.total).toBe(2);
    } finally {
      await storage.close();
    }

    const again = io({ DATA_DIR: dataDir });
    expect(await runImport([fixture('archive.csv')], again.io)).toBe(0);
    expect(again.out[1]).toMatch(/^imported 0 articles \(0 about the subject\), 5 already stored, 3 skipped/);
  });

  it('imports JSON lines', async () => {
    const dataDir = tempDir();
    const run = io({ DATA_DIR: dataDir });
    expect(await runImport([fixture('archive.jsonl')], run.io)).toBe(0);
    expect(run.out.at(-1)).toMatch(/^imported 2 articles \(\d about the subject\), 0 already stored, 2 skipped/);
  });

  it('checks without storing on --dry-run', async () => {
    const dataDir = tempDir();
    const run = io({ DATA_DIR: dataDir });
    expect(await runImport([fixture('archive.csv'), '--dry-run'], run.io)).toBe(0);
    expect(run.out.at(-1)).toBe('dry run: 5 articles would be imported, 3 skipped');
    const storage = openStorage(dataDir);
    expect(await storage.articles.count()).toBe(0);
    await storage.close();
  });

  it('uses --outlet for a file from one outlet', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'one.csv');
    writeFileSync(file, 'title,date\nKamere na Slaviji,2025-01-05\n');
    const run = io({ DATA_DIR: dataDir });
    expect(await runImport([file, '--outlet', 'Danas (štampa)', '--scope', 'domestic'], run.io)).toBe(0);
    const storage = openStorage(dataDir);
    expect((await storage.articles.search())[0].outlet).toBe('Danas (štampa)');
    await storage.close();
  });

  it('exits 2 on bad usage and 1 on an unusable file', async () => {
    const dataDir = tempDir();
    expect(await runImport([], io({ DATA_DIR: dataDir }).io)).toBe(2);
    expect(await runImport([fixture('archive.csv'), '--scope', 'local'], io({ DATA_DIR: dataDir }).io)).toBe(2);
    expect(await runImport([fixture('archive.csv')], io({ DATA_DIR: dataDir, HTTP_PORT: 'x' }).io)).toBe(2);
    const missing = io({ DATA_DIR: dataDir });
    expect(await runImport([join(dataDir, 'none.csv')], missing.io)).toBe(1);
    expect(missing.err[0]).toMatch(/cannot read/);
    const noFormat = io({ DATA_DIR: dataDir });
    expect(await runImport([join(dataDir, 'x.doc')], noFormat.io)).toBe(1);
    expect(noFormat.err[0]).toMatch(/--format/);
  });

  it('imports an OPML feed list: writes a feeds file and reads the new feeds once', async () => {
    const base = await feedServer();
    const dataDir = tempDir();
    const opml = join(dataDir, 'feeds.opml');
    writeFileSync(opml, readFileSync(fixture('feeds.opml'), 'utf8').replaceAll('{{BASE}}', base));
    const out = join(dataDir, 'feeds.yaml');
    const run = io({ DATA_DIR: dataDir });
    expect(await runImport([opml, '--out', out], run.io)).toBe(0);
    expect(run.out[0]).toMatch(/^4 feeds in .*: 3 new, 1 already followed$/);
    expect(run.out[1]).toContain(`set FEEDS_FILE=${out}`);
    expect(run.out[2]).toBe('read 1 of 3 new feeds: 2 articles stored');
    expect(run.err.filter((l) => l.startsWith('import: '))).toHaveLength(2); // the two feeds that 404
    expect(run.err).toContain('feeds.opml: outline "Broken": xmlUrl is not an http(s) URL'.replace('feeds.opml', opml));

    const written = readFeedsFile(out);
    expect(written).toHaveLength(defaultFeeds().length + 3);
    expect(written.at(-3)).toMatchObject({ outlet: 'Lokalni portal', scope: 'domestic' });

    const storage = openStorage(dataDir);
    try {
      expect(await storage.articles.count()).toBe(2);
      expect(await storage.alerts.pendingCount()).toBe(0);
    } finally {
      await storage.close();
    }

    const again = io({ DATA_DIR: dataDir });
    expect(await runImport([opml, '--out', out], again.io)).toBe(1);
    expect(again.err.at(-1)).toMatch(/exists; pass --force/);
  });
});
