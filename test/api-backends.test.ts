/**
 * The API answers the same on SQLite and on PostgreSQL: the same articles (the March 2025
 * set and 3,000 generated ones over 400 days) in each, then coverage (every interval and
 * split, periods across clock changes and cut inside a bucket), overview, mentions, articles,
 * search, stories and a coverage export, compared byte for byte. The PostgreSQL query shapes
 * differ where it is faster (bot/api/coverage.ts bucketSql and countSql); this pins their meaning.
 */
import { expect, it } from 'vitest';
import { createApp } from '../bot/api/app';
import { MARCH_2025, seedArticles, seedBulk } from '../bot/api/testdata/seed';
import { openPostgresStorage, openStorage, type Storage } from '../bot/storage';
import { useFileCluster } from './pg-file-cluster';

const pg = useFileCluster('backends');

function paths(): string[] {
  const out: string[] = [];
  const periods = ['from=2025-03-01&to=2025-03-31', 'from=2024-10-27&to=2025-03-30', 'from=2024-03-31T00:30:00Z&to=2024-10-27T01:30:00Z'];
  for (const interval of ['day', 'week', 'month'])
    for (const by of ['', '&by=scope', '&by=outlet', '&by=topic', '&by=lang', '&by=script'])
      for (const period of periods) for (const rel of ['', '&relevant=all', '&relevant=false']) out.push(`/api/coverage?${period}&interval=${interval}${by}${rel}`);
  for (const interval of ['day', 'week', 'month'])
    for (const period of ['from=2025-03-01&to=2025-03-31', 'from=2024-06-01&to=2025-03-31']) {
      out.push(`/api/overview?${period}&interval=${interval}`, `/api/mentions?${period}&interval=${interval}`, `/api/overview?${period}&interval=${interval}&topic=cameras&q=kamere`);
    }
  out.push(
    '/api/coverage?from=2025-05-01&to=2025-05-31&interval=week',
    '/api/coverage?from=2025-05-01&to=2025-05-31&interval=week&by=outlet',
    '/api/articles',
    '/api/articles?q=kamere+beograd',
    `/api/articles?q=${encodeURIComponent('шер фондација')}`,
    '/api/stories?from=2024-06-01&to=2025-03-31',
    '/api/export.csv?type=coverage&from=2024-06-01&to=2025-03-31&interval=week&by=outlet',
  );
  return out;
}

async function answers(storage: Storage, list: string[]): Promise<string[]> {
  await seedArticles(storage, MARCH_2025);
  await seedBulk(storage, 3000, { end: new Date('2025-04-01T00:00:00Z'), days: 400 });
  const app = createApp({ storage, config: { apiToken: null }, now: () => new Date('2025-04-01T12:00:00Z'), logger: { info() {}, warn() {}, error() {} } });
  const out: string[] = [];
  for (const p of list) {
    const res = await app.request(p);
    out.push(`${p} ${res.status} ${await res.text()}`);
  }
  await storage.close();
  return out;
}

it('gives the same answers on SQLite and PostgreSQL', async () => {
  const list = paths();
  const sqlite = await answers(openStorage(pg.tempDir()), list);
  const postgres = await answers(await openPostgresStorage(await pg.database(), { poolSize: 4 }), list);
  expect(sqlite.every((a) => / 200 /.test(a))).toBe(true);
  for (let i = 0; i < list.length; i++) expect(postgres[i]).toBe(sqlite[i]);
}, 120_000);
