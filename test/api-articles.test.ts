import { describe, expect, it } from 'vitest';
import { getJson, seededApp } from '../bot/api/testdata/api-fixture';
import { seedArticles } from '../bot/api/testdata/seed';
import { article } from '../bot/storage/testdata/fixtures';
import { listArticles } from '../bot/api/articles';
import { searchExpression, syncSearchIndex } from '../bot/api/search-index';

type Page = { articles: Array<Record<string, any>>; total: number; limit: number; offset: number };

const titles = (p: Page) => p.articles.map((a) => a.title);

describe('GET /api/articles', () => {
  it('lists every article newest first, with the fields the extension reads', async () => {
    const { app } = await seededApp();
    const page = await getJson<Page>(app, '/api/articles');
    expect(page.total).toBe(12);
    expect(page.limit).toBe(50);
    expect(page.offset).toBe(0);
    expect(page.articles[0].title).toBe('Kamere u Novom Sadu');
    expect(page.articles.at(-1)!.title).toBe('Kamere na Zvezdari');
    expect(Object.keys(page.articles[0]).sort()).toEqual(
      ['decidedOn', 'fetchedAt', 'id', 'lang', 'pageStatus', 'outlet', 'published', 'reasons', 'relevant', 'score', 'scope', 'script', 'storyId', 'title', 'topics', 'url'].sort(),
    );
    expect(page.articles[0]).toMatchObject({ outlet: '021.rs', scope: 'domestic', lang: 'sr', script: 'Latn', relevant: true, topics: ['cameras'], storyId: null });
  });

  it('filters by date, inclusive of the whole last day', async () => {
    const { app } = await seededApp();
    const page = await getJson<Page>(app, '/api/articles?since=2025-03-12&until=2025-03-18');
    expect(titles(page)).toEqual(['Протест испред Скупштине због камера', 'Novi telefon kompanije Huawei', 'Huawei Safe City in Belgrade under scrutiny']);
    const instant = await getJson<Page>(app, '/api/articles?since=2025-03-12T12:00:00%2B01:00&until=2025-03-12T23:00:00Z');
    expect(titles(instant)).toEqual(['Novi telefon kompanije Huawei']);
  });

  it('filters by relevance, topic, language, script, scope and outlet', async () => {
    const { app } = await seededApp();
    expect((await getJson<Page>(app, '/api/articles?relevant=false')).total).toBe(2);
    expect((await getJson<Page>(app, '/api/articles?relevant=true')).total).toBe(10);
    expect((await getJson<Page>(app, '/api/articles?relevant=all')).total).toBe(12);
    expect(titles(await getJson<Page>(app, '/api/articles?topic=law'))).toEqual(['Nacrt zakona o unutrašnjim poslovima povučen']);
    expect((await getJson<Page>(app, '/api/articles?lang=en')).total).toBe(2);
    expect(titles(await getJson<Page>(app, '/api/articles?script=Cyrl'))).toEqual(['Протест испред Скупштине због камера', 'Камере за препознавање лица на Славији']);
    expect((await getJson<Page>(app, '/api/articles?scope=international')).total).toBe(2);
    expect(titles(await getJson<Page>(app, `/api/articles?outlet=${encodeURIComponent('Južne vesti')}`))).toEqual(['Nabavka kamera u Nišu']);
    expect((await getJson<Page>(app, '/api/articles?outlet=N1&relevant=true&topic=cameras')).total).toBe(2);
  });

  it('pages with limit and offset and reports the total', async () => {
    const { app } = await seededApp();
    const all = titles(await getJson<Page>(app, '/api/articles'));
    const second = await getJson<Page>(app, '/api/articles?limit=5&offset=5');
    expect(second).toMatchObject({ total: 12, limit: 5, offset: 5 });
    expect(titles(second)).toEqual(all.slice(5, 10));
    expect(titles(await getJson<Page>(app, '/api/articles?limit=5&offset=10'))).toEqual(all.slice(10));
  });
});

describe('GET /api/articles?q (search across scripts)', () => {
  it('finds Latin and Cyrillic articles, in any case ending, from a Latin query', async () => {
    const { app } = await seededApp();
    expect(titles(await getJson<Page>(app, '/api/articles?q=kamere'))).toEqual([
      'Kamere u Novom Sadu',
      'Nabavka kamera u Nišu',
      'Протест испред Скупштине због камера',
      'Камере за препознавање лица на Славији',
      'Kamere za prepoznavanje lica na Slaviji',
      'Kamere na Zvezdari',
    ]);
  });

  it('finds the same from a Cyrillic query and from one without diacritics', async () => {
    const { app } = await seededApp();
    const expected = ['Камере за препознавање лица на Славији', 'Kamere za prepoznavanje lica na Slaviji'];
    expect(titles(await getJson<Page>(app, `/api/articles?q=${encodeURIComponent('Шер фондација')}`))).toEqual(expected);
    expect(titles(await getJson<Page>(app, `/api/articles?q=${encodeURIComponent('šer fondacija')}`))).toEqual(expected);
    expect(titles(await getJson<Page>(app, '/api/articles?q=ser+fondacija'))).toEqual(expected);
    // Every word must occur; each matches as a word prefix.
    expect(titles(await getJson<Page>(app, '/api/articles?q=prepozn+slavij'))).toEqual(expected);
    expect(titles(await getJson<Page>(app, `/api/articles?q=${encodeURIComponent('unutrasnjim')}`))).toEqual(['Nacrt zakona o unutrašnjim poslovima povučen']);
  });

  it("searches the article page's text too (read by the article stage), in either script", async () => {
    const { app, storage } = await seededApp();
    await storage.articles.insert({
      ...article(99, { title: 'Stiglo pismo iz policije', text: '', published: '2025-03-20T10:00:00.000Z' }),
      body: 'Policija je navela da softver za analitiku Hikvizija može da se uključi nakon usvajanja zakona.',
      pageStatus: 'ok',
      decidedOn: 'title+lead+page',
    });
    expect(titles(await getJson<Page>(app, '/api/articles?q=hikvizija'))).toEqual(['Stiglo pismo iz policije']);
    expect(titles(await getJson<Page>(app, `/api/articles?q=${encodeURIComponent('аналитику')}`))).toEqual(['Stiglo pismo iz policije']);
    const [a] = (await getJson<Page>(app, '/api/articles?q=hikvizija')).articles;
    expect(a).toMatchObject({ decidedOn: 'title+lead+page', pageStatus: 'ok' });
  });

  it('combines q with the other filters and counts the total', async () => {
    const { app } = await seededApp();
    const page = await getJson<Page>(app, '/api/articles?q=kamere&script=Cyrl&limit=1');
    expect(page.total).toBe(2);
    expect(titles(page)).toEqual(['Протест испред Скупштине због камера']);
  });

  it('counts a search exactly up to the cap, then says "at least"', async () => {
    const { storage } = await seededApp();
    await syncSearchIndex(storage.db);
    const match = searchExpression('kamere')!;
    // Six articles name cameras (any script); the count stops one past the cap.
    expect(await listArticles(storage.db, { match }, 2, 0, { searchCountCap: 6 })).toMatchObject({ total: 6, totalExact: true });
    const capped = await listArticles(storage.db, { match }, 2, 0, { searchCountCap: 3 });
    expect(capped).toMatchObject({ total: 3, totalExact: false, limit: 2, offset: 0 });
    expect(capped.articles).toHaveLength(2);
    // Without a text search the count is always exact.
    expect(await listArticles(storage.db, {}, 2, 0, { searchCountCap: 3 })).toMatchObject({ total: 12, totalExact: true });
    const { app } = await seededApp();
    expect(await getJson<Page>(app, '/api/articles?q=kamere&limit=1')).toMatchObject({ total: 6, totalExact: true });
  });

  // On PostgreSQL a search first checks the newest few articles one by one, and then counts
  // from that, or from the index, and reads its page newest first or from the index (a rare
  // search): whichever path, the same page and the same count.
  it('gives the same page and count whichever way a search is counted and read', async () => {
    const { storage } = await seededApp();
    await syncSearchIndex(storage.db);
    const queries = [
      { match: searchExpression('kamere')! },
      { match: searchExpression('kamere')!, relevant: true },
      { match: searchExpression('kamere')!, since: '2025-03-05T00:00:00.000Z', until: '2025-03-25T00:00:00.000Z' },
      { match: searchExpression('kamere')!, script: 'Cyrl' as const },
      { match: searchExpression('huawei')!, relevant: false },
      { match: searchExpression('nema takve reci')! },
    ];
    for (const f of queries) {
      for (const [limit, offset] of [[2, 0], [2, 3], [50, 0]]) {
        const reference = await listArticles(storage.db, f, limit, offset);
        for (const probeRows of [2, 4, 8]) {
          for (const searchCountCap of [2, 5, 1000]) {
            const page = await listArticles(storage.db, f, limit, offset, { searchCountCap, probeRows });
            const why = JSON.stringify({ f, limit, offset, probeRows, searchCountCap });
            expect(page.articles.map((a) => a.id), why).toEqual(reference.articles.map((a) => a.id));
            expect(page.total, why).toBe(Math.min(reference.total, searchCountCap));
            expect(page.totalExact, why).toBe(reference.total <= searchCountCap);
          }
        }
      }
    }
  });

  it('treats search syntax as plain words', async () => {
    const { app, logged } = await seededApp();
    const page = await getJson<Page>(app, `/api/articles?q=${encodeURIComponent('kamere" OR NEAR(* -x) ^ :')}`);
    expect(page.total).toBe(0);
    expect(logged.errors).toEqual([]);
  });

  it('finds articles stored after the index was first built', async () => {
    const { app, storage } = await seededApp();
    expect((await getJson<Page>(app, '/api/articles?q=dron')).total).toBe(0);
    await seedArticles(storage, [{ title: 'Дронови над протестом', outlet: 'RTS', script: 'Cyrl', published: '2025-03-28T10:00:00.000Z', url: 'https://rts.example/dron' }]);
    expect(titles(await getJson<Page>(app, '/api/articles?q=dron'))).toEqual(['Дронови над протестом']);
  });
});

describe('GET /api/articles: bad parameters', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['limit=0', 'limit', /between 1 and 500/],
    ['limit=ten', 'limit', /integer/],
    ['offset=-1', 'offset', /integer/],
    ['since=yesterday', 'since', /YYYY-MM-DD/],
    ['since=2025-02-30', 'since', /not a real date/],
    ['until=2025-03-01T10:00', 'until', /with a zone/],
    ['since=2025-03-10&until=2025-03-01', 'since', /after the end/],
    ['since=2025-03-01&from=2025-03-01', 'from', /either "since" or "from"/],
    ['relevant=maybe', 'relevant', /true, false or all/],
    ['topic=privacy', 'topic', /must be one of "cameras"/],
    ['script=latin', 'script', /"Latn", "Cyrl"/],
    ['scope=local', 'scope', /"domestic", "international"/],
    ['lang=serbian', 'lang', /language code/],
    ['q=%21%21%21', 'q', /no letters or digits/],
    ['topics=law', 'topics', /not a parameter of this endpoint/],
    ['lang=sr&lang=en', 'lang', /more than once/],
  ];
  for (const [query, parameter, message] of cases) {
    it(`answers 400 naming "${parameter}" for ?${query}`, async () => {
      const { app } = await seededApp();
      const res = await app.request(`/api/articles?${query}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: string; parameter: string };
      expect(body.parameter).toBe(parameter);
      expect(body.error).toContain(`"${parameter}"`);
      expect(body.error).toMatch(message);
    });
  }
});

describe('GET /api/stories', () => {
  it('lists stories newest first with all their articles and outlets', async () => {
    const { app } = await seededApp();
    const page = await getJson<{ stories: Array<Record<string, any>>; total: number }>(app, '/api/stories?relevant=true&since=2025-03-01');
    expect(page.total).toBe(8); // A B C D F G I, and the storyless article as a story of its own
    expect(page.stories.map((s) => s.title)).toEqual([
      'Kamere u Novom Sadu',
      'Nabavka kamera u Nišu',
      'Poverenik odbio procenu uticaja MUP-a',
      'Протест испред Скупштине због камера',
      'Huawei Safe City in Belgrade under scrutiny',
      'Nacrt zakona o unutrašnjim poslovima povučen',
      'Serbia’s face recognition plans worry digital rights groups',
      'Kamere za prepoznavanje lica na Slaviji',
    ]);
    const a = page.stories.at(-1)!;
    expect(a).toMatchObject({ articleCount: 2, outlets: ['N1', 'RTS'], relevant: true });
    expect(a.articles.map((x: { title: string }) => x.title)).toEqual(['Kamere za prepoznavanje lica na Slaviji', 'Камере за препознавање лица на Славији']);
    expect(a.matching).toBe(2);
    expect(page.stories[0]).toMatchObject({ id: null, articleCount: 1, matching: 1, outlets: ['021.rs'] });
  });

  it('shows a whole story when one of its articles matches', async () => {
    const { app } = await seededApp();
    const page = await getJson<{ stories: Array<{ articles: unknown[]; outlets: string[] }> }>(app, '/api/stories?script=Cyrl&q=slaviji');
    expect(page.stories).toHaveLength(1);
    expect(page.stories[0].outlets).toEqual(['N1', 'RTS']);
  });

  it('answers 400 for a bad limit', async () => {
    const { app } = await seededApp();
    expect((await app.request('/api/stories?limit=1000')).status).toBe(400);
  });
});
