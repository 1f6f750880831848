import { describe, expect, it } from 'vitest';
import { article, classification, tempStorage } from './testdata/temp-storage';

describe('articles', () => {
  it('stores an article with its classification and reads it back', async () => {
    const { storage } = await tempStorage();
    const id = (await storage.articles.insert(article(1, { storyId: null })))!;
    const got = (await storage.articles.get(id))!;
    expect(got).toMatchObject({
      id,
      feedUrl: 'https://example.rs/feed/',
      canonicalUrl: 'https://example.rs/a/1',
      contentHash: 'hash-1',
      published: '2025-03-02T10:00:00.000Z',
      storyId: null,
      classification: classification(),
    });
    expect(await storage.articles.get(id + 100)).toBeNull();
  });

  it('normalises dates to one ISO UTC form so string order is time order', async () => {
    const { storage } = await tempStorage();
    const id = (await storage.articles.insert(article(1, { published: '2025-03-02T12:00:00+02:00', fetchedAt: '2025-03-10T10:00:00Z' })))!;
    expect(await storage.articles.get(id)).toMatchObject({ published: '2025-03-02T10:00:00.000Z', fetchedAt: '2025-03-10T10:00:00.000Z' });
    await expect((async () => await storage.articles.insert(article(2, { published: 'yesterday' })))()).rejects.toThrow(/not a valid instant/);
  });

  it('de-duplicates on (feed, guid), canonical URL and content hash', async () => {
    const { storage } = await tempStorage();
    expect(await storage.articles.insert(article(1))).toBeTypeOf('number');
    // Same guid in the same feed.
    expect(await storage.articles.insert(article(2, { guid: 'guid-1' }))).toBeNull();
    // Same page reached through another feed.
    expect(await storage.articles.insert(article(3, { feedUrl: 'https://other/feed', canonicalUrl: 'https://example.rs/a/1' }))).toBeNull();
    // Same text under another URL.
    expect(await storage.articles.insert(article(4, { contentHash: 'hash-1' }))).toBeNull();
    // The same guid in another feed is a different item.
    expect(await storage.articles.insert(article(5, { guid: 'guid-1', feedUrl: 'https://other/feed' }))).toBeTypeOf('number');
    expect(await storage.articles.count()).toBe(2);
  });

  it('allows many articles without a canonical URL', async () => {
    const { storage } = await tempStorage();
    expect(await storage.articles.insert(article(1, { canonicalUrl: null, url: null }))).not.toBeNull();
    expect(await storage.articles.insert(article(2, { canonicalUrl: null, url: null }))).not.toBeNull();
  });

  it('still throws on constraint failures other than duplicates', async () => {
    const { storage } = await tempStorage();
    await expect((async () => await storage.articles.insert(article(1, { storyId: 999 })))()).rejects.toThrow(/foreign key/i);
    await expect((async () => await storage.articles.insert(article(2, { scope: 'galactic' as never })))()).rejects.toThrow(/check/i);
  });

  it('findDuplicate names the key that matched', async () => {
    const { storage } = await tempStorage();
    const id = (await storage.articles.insert(article(1)))!;
    const find = storage.articles.findDuplicate;
    expect(await find({ feedUrl: 'https://example.rs/feed/', guid: 'guid-1' })).toEqual({ id, by: 'guid' });
    expect(await find({ url: 'https://example.rs/a/1' })).toEqual({ id, by: 'url' });
    expect(await find({ url: 'https://example.rs/a/1?utm_source=rss' })).toEqual({ id, by: 'url' });
    expect(await find({ contentHash: 'hash-1' })).toEqual({ id, by: 'content' });
    expect(await find({ feedUrl: 'https://other/feed', guid: 'guid-1', url: 'https://x/', contentHash: 'h' })).toBeNull();
  });

  it('byUrl finds by feed URL or canonical URL', async () => {
    const { storage } = await tempStorage();
    const id = (await storage.articles.insert(article(1)))!;
    expect((await storage.articles.byUrl('https://example.rs/a/1'))?.id).toBe(id);
    expect((await storage.articles.byUrl('https://example.rs/a/1?utm_source=rss'))?.id).toBe(id);
    expect(await storage.articles.byUrl('https://example.rs/a/2')).toBeNull();
  });

  it('latest orders by date, falling back to fetch time, and filters on relevance', async () => {
    const { storage } = await tempStorage();
    await storage.articles.insert(article(1, { published: '2025-03-01T00:00:00Z' }));
    await storage.articles.insert(article(2, { published: null, fetchedAt: '2025-03-05T00:00:00Z' }));
    await storage.articles.insert(article(3, { published: '2025-03-03T00:00:00Z', classification: classification({ relevant: false }) }));
    expect((await storage.articles.latest(10)).map((a) => a.guid)).toEqual(['guid-2', 'guid-3', 'guid-1']);
    expect((await storage.articles.latest(1)).map((a) => a.guid)).toEqual(['guid-2']);
    expect((await storage.articles.latest(10, { relevant: true })).map((a) => a.guid)).toEqual(['guid-2', 'guid-1']);
    expect((await storage.articles.latest(10, { relevant: false })).map((a) => a.guid)).toEqual(['guid-3']);
  });

  it('search filters by every field and pages', async () => {
    const { storage } = await tempStorage();
    await storage.articles.insert(article(1, { published: '2025-03-01T00:00:00Z', outlet: 'Danas' }));
    await storage.articles.insert(article(2, { published: '2025-03-02T00:00:00Z', outlet: 'RTS', classification: classification({ script: 'Cyrl', topics: ['law'] }) }));
    await storage.articles.insert(article(3, { published: '2025-03-03T00:00:00Z', outlet: 'EDRi', scope: 'international', classification: classification({ lang: 'en', topics: ['huawei-safe-city'] }) }));
    const guids = async (q: Parameters<typeof storage.articles.search>[0]) => (await storage.articles.search(q)).map((a) => a.guid);

    expect(await guids({ since: '2025-03-02T00:00:00Z' })).toEqual(['guid-3', 'guid-2']);
    expect(await guids({ until: '2025-03-02T00:00:00Z' })).toEqual(['guid-2', 'guid-1']);
    expect(await guids({ topic: 'law' })).toEqual(['guid-2']);
    expect(await guids({ topic: 'cameras' })).toEqual(['guid-1']);
    expect(await guids({ lang: 'en' })).toEqual(['guid-3']);
    expect(await guids({ script: 'Cyrl' })).toEqual(['guid-2']);
    expect(await guids({ scope: 'international' })).toEqual(['guid-3']);
    expect(await guids({ outlet: 'Danas' })).toEqual(['guid-1']);
    expect(await guids({ limit: 1, offset: 1 })).toEqual(['guid-2']);
    expect(await storage.articles.count({ scope: 'domestic' })).toBe(2);
  });

  it('countBy groups by a field, topics counted once per topic', async () => {
    const { storage } = await tempStorage();
    await storage.articles.insert(article(1, { outlet: 'Danas' }));
    await storage.articles.insert(article(2, { outlet: 'Danas', classification: classification({ topics: ['law'] }) }));
    await storage.articles.insert(article(3, { outlet: 'N1', classification: classification({ relevant: false, topics: [] }) }));
    expect(await storage.articles.countBy('outlet')).toEqual([
      { key: 'Danas', count: 2 },
      { key: 'N1', count: 1 },
    ]);
    expect(await storage.articles.countBy('topic')).toEqual([
      { key: 'cameras', count: 1 },
      { key: 'face-recognition', count: 1 },
      { key: 'law', count: 1 },
    ]);
    expect(await storage.articles.countBy('outlet', { relevant: false })).toEqual([{ key: 'N1', count: 1 }]);
    await expect((async () => await storage.articles.countBy('title; DROP TABLE articles' as never))()).rejects.toThrow(/cannot count/);
  });

  // SQLite compares text as bytes (BINARY) and sorts NULL first; the same on PostgreSQL.
  it('countBy breaks count ties in byte order, capitals, diacritics and a missing value included', async () => {
    const { storage } = await tempStorage();
    const outlets = ['b92', 'Čačak', 'Danas', 'danas', 'Zrenjanin'];
    for (const [i, outlet] of outlets.entries()) await storage.articles.insert(article(i + 1, { outlet }));
    expect((await storage.articles.countBy('outlet')).map((r) => r.key)).toEqual(['Danas', 'Zrenjanin', 'b92', 'danas', 'Čačak']);
    await storage.articles.insert(article(10, { classification: classification({ script: null }) }));
    await storage.articles.insert(article(11, { classification: classification({ script: 'Cyrl' }) }));
    expect(await storage.articles.countBy('script', { outlet: 'Example' })).toEqual([
      { key: null, count: 1 },
      { key: 'Cyrl', count: 1 },
    ]);
    await storage.articles.insert(article(12, { classification: classification({ topics: ['Zeta', 'alfa', 'Šabac'] as never }) }));
    expect((await storage.articles.countBy('topic', { outlet: 'Example' })).map((r) => r.key)).toEqual(['cameras', 'face-recognition', 'Zeta', 'alfa', 'Šabac']);
  });
});
