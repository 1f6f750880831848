/**
 * Exact counts: for any period and any interval, coverage counts exactly the asked period.
 * `/api/coverage` total = the sum of its rows = `/api/articles` total (and its stories =
 * `/api/stories` total), for day, week and month over periods that start and end mid-bucket,
 * across clock changes and around Belgrade midnight.
 */
import { describe, expect, it } from 'vitest';
import { getJson, seededApp } from '../bot/api/testdata/api-fixture';
import type { SeedArticle } from '../bot/api/testdata/seed';
import type { CoverageResult } from '../bot/api';

/** A deterministic pseudo-random sequence, so failures reproduce. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generated(): SeedArticle[] {
  const r = rng(13);
  const out: SeedArticle[] = [];
  const start = Date.UTC(2024, 0, 1);
  const outlets = ['N1', 'RTS', 'Danas', 'Balkan Insight', 'Euractiv'];
  for (let i = 0; i < 420; i++) {
    // Some articles sit within an hour of Belgrade midnight, where UTC and Belgrade days differ.
    const day = Math.floor(r() * 700);
    const ms = r() < 0.3 ? start + day * 86_400_000 + 22 * 3_600_000 + Math.floor(r() * 2 * 3_600_000) : start + Math.floor(r() * 700 * 86_400_000);
    const outlet = outlets[Math.floor(r() * outlets.length)];
    out.push({
      title: `Kamere ${i}`,
      outlet,
      scope: outlet === 'Balkan Insight' || outlet === 'Euractiv' ? 'international' : 'domestic',
      published: new Date(ms).toISOString(),
      relevant: r() < 0.8,
      topics: r() < 0.5 ? ['cameras'] : ['law', 'cameras'],
      story: r() < 0.6 ? `s${Math.floor(r() * 120)}` : undefined,
    });
  }
  return out;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('exact totals', () => {
  it('coverage total = sum of its rows = /api/articles total = /api/stories total, for every interval and odd periods', async () => {
    const { app } = await seededApp({ articles: generated() });
    const r = rng(7);
    const periods: Array<[string, string]> = [
      ['2024-10-21', '2024-11-17'], // the period of the issue: mid-week to mid-month
      ['2024-03-30', '2024-04-02'], // across the spring clock change
      ['2024-10-26', '2024-10-28'], // across the autumn clock change
      ['2024-01-01', '2025-11-30'],
      ['2025-02-28', '2025-03-01'],
    ];
    for (let i = 0; i < 6; i++) {
      const a = Date.UTC(2024, 0, 1) + Math.floor(r() * 650) * 86_400_000;
      periods.push([day(a), day(a + Math.floor(r() * 120) * 86_400_000)]);
    }
    const filters = ['', '&topic=law', '&scope=international', '&relevant=all', '&outlet=N1&relevant=false'];
    for (const [from, to] of periods) {
      for (const f of filters) {
        const q = `from=${from}&to=${to}${f}`;
        const articles = (await getJson<{ total: number }>(app, `/api/articles?${q}${f.includes('relevant') ? '' : '&relevant=true'}&limit=1`)).total;
        const stories = (await getJson<{ total: number }>(app, `/api/stories?${q}${f.includes('relevant') ? '' : '&relevant=true'}&limit=1`)).total;
        for (const interval of ['day', 'week', 'month']) {
          const c = await getJson<CoverageResult>(app, `/api/coverage?${q}&interval=${interval}`);
          const label = `${q} per ${interval}`;
          expect(c.total.articles, label).toBe(articles);
          expect(c.total.stories, label).toBe(stories);
          expect(c.rows.reduce((s, x) => s + x.articles, 0), label).toBe(articles);
          const byScope = await getJson<CoverageResult>(app, `/api/coverage?${q}&interval=${interval}&by=scope`);
          expect(byScope.totals.reduce((s, x) => s + x.articles, 0), label).toBe(articles);
          expect(byScope.total, label).toEqual(c.total);
        }
      }
    }
  });

  it('marks partial first and last buckets and never pads the period', async () => {
    const { app } = await seededApp({ articles: generated() });
    const week = await getJson<CoverageResult>(app, '/api/coverage?from=2024-10-23&to=2024-11-17&interval=week');
    expect(week.from).toBe('2024-10-23T00:00:00+02:00');
    expect(week.to).toBe('2024-11-17T23:59:59+01:00');
    expect(week.buckets[0]).toBe('2024-10-21');
    expect(week.partial).toEqual(['2024-10-21']); // 17 November is a Sunday: the last week is whole
    const month = await getJson<CoverageResult>(app, '/api/coverage?from=2024-10-01&to=2024-11-17&interval=month');
    expect(month.partial).toEqual(['2024-11-01']);
    const whole = await getJson<CoverageResult>(app, '/api/coverage?from=2024-10-01&to=2024-12-31&interval=month');
    expect(whole.partial).toEqual([]);
  });
});

describe('GET /api/overview', () => {
  it('gives the same numbers as the separate coverage calls, for any period and filter', async () => {
    const { app } = await seededApp({ articles: generated() });
    const periods = ['from=2024-10-23&to=2024-11-17', 'from=2024-01-01&to=2025-11-30', 'from=2024-03-30&to=2024-04-02'];
    const filters = ['', '&topic=law', '&relevant=all', '&scope=international&q=kamere'];
    for (const p of periods) {
      for (const f of filters) {
        for (const interval of ['day', 'week', 'month']) {
          if (interval === 'day' && p.includes('2025-11-30')) continue;
          const q = `${p}${f}&interval=${interval}`;
          const o = await getJson(app, `/api/overview?${q}`);
          const cov = await getJson<CoverageResult>(app, `/api/coverage?${q}`);
          expect(o.coverage.rows, q).toEqual(cov.rows);
          expect(o.coverage.total, q).toEqual(cov.total);
          expect(o.buckets, q).toEqual(cov.buckets);
          expect(o.partial, q).toEqual(cov.partial);
          const scope = await getJson<CoverageResult>(app, `/api/coverage?${q}&by=scope`);
          expect(o.scope.rows, q).toEqual(scope.rows);
          expect(o.scope.totals, q).toEqual(scope.totals);
          for (const by of ['lang', 'script', 'topic'] as const) {
            expect(o[by], `${q} by ${by}`).toEqual((await getJson<CoverageResult>(app, `/api/coverage?${q}&by=${by}&rows=false`)).totals);
          }
          expect(o.mentions, q).toEqual(await getJson(app, `/api/mentions?${q}`));
          const outlets = (await getJson<CoverageResult>(app, `/api/coverage?${q}&by=outlet&rows=false`)).totals;
          const merged = new Map<string, number>();
          for (const x of o.outlets) merged.set(x.key, (merged.get(x.key) ?? 0) + x.articles);
          expect(Object.fromEntries(merged), q).toEqual(Object.fromEntries(outlets.map((x) => [x.key, x.articles])));
        }
      }
    }
  });
});
