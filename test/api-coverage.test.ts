import { describe, expect, it } from 'vitest';
import { getJson, seededApp } from '../bot/api/testdata/api-fixture';
import type { CoverageResult, MentionsResult } from '../bot/api';
import { orgsKey } from '../bot/api/org-index';
import { defaultOrgs } from '../bot/orgs';

const MARCH = 'from=2025-03-01&to=2025-03-31';

describe('GET /api/coverage', () => {
  it('counts relevant articles and distinct stories per week, exactly the asked (Belgrade) period', async () => {
    const { app } = await seededApp();
    const c = await getJson<CoverageResult>(app, `/api/coverage?${MARCH}&interval=week`);
    expect(c).toMatchObject({ from: '2025-03-01T00:00:00+01:00', to: '2025-03-31T23:59:59+02:00', interval: 'week', by: null });
    expect(c.buckets).toEqual(['2025-02-24', '2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24', '2025-03-31']);
    // The period starts on a Saturday and ends on a Monday: both weeks are only partly counted.
    expect(c.partial).toEqual(['2025-02-24', '2025-03-31']);
    expect(c.rows).toEqual([
      { bucket: '2025-03-03', key: 'all', articles: 3, stories: 2 },
      { bucket: '2025-03-10', key: 'all', articles: 2, stories: 2 },
      { bucket: '2025-03-17', key: 'all', articles: 2, stories: 2 },
      { bucket: '2025-03-24', key: 'all', articles: 2, stories: 2 },
    ]);
    expect(c.total).toEqual({ articles: 9, stories: 8 });
  });

  it('splits by scope', async () => {
    const { app } = await seededApp();
    const c = await getJson<CoverageResult>(app, `/api/coverage?${MARCH}&interval=week&by=scope`);
    expect(c.rows.filter((r) => r.bucket === '2025-03-03')).toEqual([
      { bucket: '2025-03-03', key: 'domestic', articles: 2, stories: 1 },
      { bucket: '2025-03-03', key: 'international', articles: 1, stories: 1 },
    ]);
    expect(c.totals).toEqual([
      { key: 'domestic', articles: 7, stories: 6 },
      { key: 'international', articles: 2, stories: 2 },
    ]);
  });

  it('splits by outlet, language, script and topic', async () => {
    const { app } = await seededApp();
    const outlets = await getJson<CoverageResult>(app, `/api/coverage?${MARCH}&by=outlet&rows=false`);
    expect(outlets.rows).toEqual([]);
    expect(outlets.totals[0]).toEqual({ key: 'N1', articles: 2, stories: 2 });
    expect(outlets.totals).toHaveLength(8);

    const langs = await getJson<CoverageResult>(app, `/api/coverage?${MARCH}&by=lang`);
    expect(langs.totals).toEqual([
      { key: 'sr', articles: 7, stories: 6 },
      { key: 'en', articles: 2, stories: 2 },
    ]);
    const scripts = await getJson<CoverageResult>(app, `/api/coverage?${MARCH}&by=script`);
    expect(scripts.totals).toEqual([
      { key: 'Latn', articles: 7, stories: 7 },
      { key: 'Cyrl', articles: 2, stories: 2 },
    ]);
    const topics = await getJson<CoverageResult>(app, `/api/coverage?${MARCH}&by=topic`);
    expect(topics.totals.find((t) => t.key === 'cameras')).toEqual({ key: 'cameras', articles: 5, stories: 4 });
    expect(topics.totals.find((t) => t.key === 'law')).toEqual({ key: 'law', articles: 1, stories: 1 });
  });

  // SQLite orders text by bytes (BINARY); PostgreSQL must give the same rows in the same order.
  it('orders keys with equal counts in byte order: capitals before small letters, diacritics last', async () => {
    const outlets = ['b92', 'Čačak', 'Danas', 'Zrenjanin'];
    const { app } = await seededApp({
      articles: outlets.map((outlet, i) => ({ title: `Kamere ${i}`, outlet, published: `2025-03-1${i}T10:00:00.000Z`, topics: ['cameras'] })),
    });
    const c = await getJson<CoverageResult>(app, `/api/coverage?${MARCH}&interval=month&by=outlet`);
    const order = ['Danas', 'Zrenjanin', 'b92', 'Čačak'];
    expect(c.rows.map((r) => r.key)).toEqual(order);
    expect(c.totals.map((r) => r.key)).toEqual(order);
  });

  it('buckets by day and by month', async () => {
    const { app } = await seededApp();
    const days = await getJson<CoverageResult>(app, '/api/coverage?from=2025-03-03&to=2025-03-05&interval=day');
    expect(days.buckets).toEqual(['2025-03-03', '2025-03-04', '2025-03-05']);
    expect(days.rows).toEqual([
      { bucket: '2025-03-03', key: 'all', articles: 2, stories: 1 },
      { bucket: '2025-03-05', key: 'all', articles: 1, stories: 1 },
    ]);
    const months = await getJson<CoverageResult>(app, '/api/coverage?from=2025-02-10&to=2025-03-10&interval=month');
    expect(months.buckets).toEqual(['2025-02-01', '2025-03-01']);
    expect(months.partial).toEqual(['2025-02-01', '2025-03-01']);
    // Only 1–10 March is counted: the month is not widened to its end.
    expect(months.rows).toEqual([
      { bucket: '2025-02-01', key: 'all', articles: 1, stories: 1 },
      { bucket: '2025-03-01', key: 'all', articles: 3, stories: 2 },
    ]);
  });

  it('counts irrelevant articles too with relevant=all, and takes the article filters', async () => {
    const { app } = await seededApp();
    expect((await getJson<CoverageResult>(app, `/api/coverage?${MARCH}&relevant=all`)).total).toEqual({ articles: 11, stories: 10 });
    expect((await getJson<CoverageResult>(app, `/api/coverage?${MARCH}&relevant=false`)).total).toEqual({ articles: 2, stories: 2 });
    expect((await getJson<CoverageResult>(app, `/api/coverage?${MARCH}&scope=international`)).total).toEqual({ articles: 2, stories: 2 });
    expect((await getJson<CoverageResult>(app, `/api/coverage?${MARCH}&q=kamere`)).total).toEqual({ articles: 5, stories: 4 });
    // org: articles naming the organisation, in either script (as /api/mentions counts them).
    expect((await getJson<CoverageResult>(app, `/api/coverage?${MARCH}&org=share-foundation`)).total.articles).toBe(3);
    expect((await getJson<{ total: number }>(app, `/api/articles?${MARCH}&relevant=true&org=share-foundation`)).total).toBe(3);
    expect((await app.request(`/api/coverage?${MARCH}&org=nobody`)).status).toBe(400);
  });

  it('defaults to the 26 weeks up to now', async () => {
    const { app } = await seededApp();
    const c = await getJson<CoverageResult>(app, '/api/coverage');
    expect(c.interval).toBe('week');
    expect(c.buckets).toHaveLength(26);
    expect(c.buckets.at(-1)).toBe('2025-03-31');
    expect(c.total).toEqual({ articles: 10, stories: 9 });
  });

  it('answers 400 naming the parameter', async () => {
    const { app } = await seededApp();
    for (const [query, parameter] of [
      ['interval=year', 'interval'],
      ['by=country', 'by'],
      ['from=2025-13-01', 'from'],
      ['from=2000-01-01&to=2025-01-01&interval=day', 'interval'],
      ['rows=some', 'rows'],
      ['limit=5', 'limit'],
    ]) {
      const res = await app.request(`/api/coverage?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { parameter: string }).parameter, query).toBe(parameter);
    }
  });
});

describe('GET /api/mentions', () => {
  it('counts articles naming each organisation in any script, with its shares', async () => {
    const { app } = await seededApp();
    const m = await getJson<MentionsResult>(app, `/api/mentions?${MARCH}&interval=week`);
    expect(m.total.articles).toBe(9);
    const byId = Object.fromEntries(m.orgs.map((o) => [o.id, o]));
    expect(byId['share-foundation']).toMatchObject({
      articles: 3, // Latin, Cyrillic and English spellings
      share: 0.3333,
      series: [{ bucket: '2025-03-03', articles: 3 }],
      name: { en: 'SHARE Foundation', sr: 'Šer fondacija' },
    });
    expect(byId['data-protection-commissioner'].articles).toBe(2); // "Повереник" and "Poverenik"
    expect(byId['ministry-of-interior'].articles).toBe(2); // "MUP" and "MUP-a"
    expect(byId['partners-serbia'].articles).toBe(1);
    expect(byId['edri'].articles).toBe(1);
    expect(byId['birn'].articles).toBe(1);
    expect(byId['huawei'].articles).toBe(1); // the phone launch is not relevant
    expect(byId['bcsp'].articles).toBe(0);
    const named = m.orgs.reduce((s, o) => s + o.articles, 0);
    expect(byId['share-foundation'].shareOfVoice).toBeCloseTo(3 / named, 4);
    expect(m.orgs[0].id).toBe('share-foundation');
  });

  it('includes irrelevant articles with relevant=all and narrows to chosen organisations', async () => {
    const { app } = await seededApp();
    const m = await getJson<MentionsResult>(app, `/api/mentions?${MARCH}&relevant=all&org=huawei,share-foundation`);
    expect(m.orgs.map((o) => [o.id, o.articles])).toEqual([
      ['share-foundation', 3],
      ['huawei', 2],
    ]);
  });

  // The organisation index is built for every tracked organisation: counting a few of them
  // (a filtered view, an export) must neither rebuild it for those few nor count the others.
  it('keeps one organisation index for all tracked organisations, whichever few are counted', async () => {
    const { app, storage } = await seededApp();
    const key = async () => (await storage.db.get<{ key: string }>('SELECT orgs_key AS key FROM article_orgs_state'))!.key;
    await getJson<MentionsResult>(app, `/api/mentions?${MARCH}&interval=week`);
    const full = await key();
    expect(full).toBe(orgsKey(defaultOrgs()));
    const pairs = (await storage.db.get<{ n: number }>('SELECT count(*) AS n FROM article_orgs'))!.n;
    await getJson<MentionsResult>(app, `/api/mentions?${MARCH}&org=huawei`);
    await getJson(app, `/api/overview?${MARCH}&org=share-foundation`);
    expect((await app.request(`/api/export.csv?type=mentions&${MARCH}&org=edri`)).status).toBe(200);
    expect(await key()).toBe(full);
    expect((await storage.db.get<{ n: number }>('SELECT count(*) AS n FROM article_orgs'))!.n).toBe(pairs);
  });

  it('answers 400 for an unknown organisation', async () => {
    const { app } = await seededApp();
    const res = await app.request('/api/mentions?org=nobody');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ parameter: 'org' });
  });

  it('lists the tracked organisations', async () => {
    const { app } = await seededApp();
    const { orgs } = await getJson<{ orgs: Array<{ id: string; names: string[] }> }>(app, '/api/orgs');
    expect(orgs.find((o) => o.id === 'share-foundation')!.names).toContain('Шер фондациј*');
  });
});

describe('GET /api/related', () => {
  type Related = { articles: Array<{ title: string; url: string; outlet: string; published: string; score: number; topics: string[] }> };

  it('answers from topics and title terms, one article per story, relevant only', async () => {
    const { app } = await seededApp();
    const r = await getJson<Related>(app, '/api/related?topics=cameras,face-recognition&terms=kamere,Slavija&lang=sr');
    expect(Object.keys(r.articles[0]).sort()).toEqual(['outlet', 'published', 'relatedness', 'score', 'title', 'topics', 'url']);
    // Story A first (both topics, both terms: "Slavija" finds "Slaviji"), and only one of its two copies.
    const storyA = ['Kamere za prepoznavanje lica na Slaviji', 'Камере за препознавање лица на Славији'];
    expect(storyA).toContain(r.articles[0].title);
    expect(r.articles[0].topics).toEqual(['cameras', 'face-recognition']);
    expect(r.articles.filter((a) => storyA.includes(a.title))).toHaveLength(1);
    expect(r.articles).toHaveLength(5);
    expect(r.articles.map((a) => a.title)).not.toContain('Novi telefon kompanije Huawei');
  });

  it('matches terms across scripts without topics', async () => {
    const { app } = await seededApp();
    const r = await getJson<Related>(app, `/api/related?terms=${encodeURIComponent('Протест')}&limit=2`);
    expect(r.articles.map((a) => a.title)).toEqual(['Протест испред Скупштине због камера']);
  });

  it('is open to browser extensions, never to web pages', async () => {
    const { app } = await seededApp();
    const ext = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const ok = await app.request('/api/related?topics=law', { headers: { Origin: ext } });
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe(ext);
    expect(ok.headers.get('Cache-Control')).toBe('private, max-age=60');
    const firefox = 'moz-extension://0d3c1a52-5b47-4b2e-9f1e-2a7a4b0f6c11';
    expect((await app.request('/api/related?topics=law', { headers: { Origin: firefox } })).headers.get('Access-Control-Allow-Origin')).toBe(firefox);
    const page = await app.request('/api/related?topics=law', { headers: { Origin: 'https://evil.example' } });
    expect(page.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const preflight = await app.request('/api/related', { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('honours a pinned list of extension origins', async () => {
    const pinned = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const { app } = await seededApp({ config: { extensionOrigins: [pinned] } });
    expect((await app.request('/api/related?topics=law', { headers: { Origin: pinned } })).headers.get('Access-Control-Allow-Origin')).toBe(pinned);
    const other = 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba';
    expect((await app.request('/api/related?topics=law', { headers: { Origin: other } })).headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('answers 400 for missing or unknown topics and too many terms', async () => {
    const { app } = await seededApp();
    for (const [query, parameter] of [
      ['', 'topics'],
      ['topics=privacy', 'topics'],
      [`terms=${Array.from({ length: 21 }, (_, i) => `t${i}`).join(',')}`, 'terms'],
      ['topics=law&limit=50', 'limit'],
      ['topics=law&url=https://example.rs', 'url'],
    ]) {
      const res = await app.request(`/api/related?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { parameter: string }).parameter, query).toBe(parameter);
    }
  });
});
