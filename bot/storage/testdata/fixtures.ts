/** Builders for valid test rows; no test-runner imports, so the crash-writer child can use them. */
import type { Classification, FeedEntry } from '../../../shared/model/types';
import type { NewArticle } from '../articles';

export const classification = (over: Partial<Classification> = {}): Classification => ({
  relevant: true,
  score: 0.9,
  topics: ['cameras', 'face-recognition'],
  reasons: ['prepoznavanje lica'],
  lang: 'sr',
  script: 'Latn',
  ...over,
});

/** A valid article whose keys all derive from `n`, so distinct `n` never collide. */
export function article(n: number, over: Partial<NewArticle> = {}): NewArticle {
  return {
    feedUrl: 'https://example.rs/feed/',
    outlet: 'Example',
    scope: 'domestic',
    guid: `guid-${n}`,
    url: `https://example.rs/a/${n}?utm_source=rss`,
    canonicalUrl: `https://example.rs/a/${n}`,
    title: `Naslov ${n}`,
    text: `Tekst ${n}`,
    published: `2025-03-0${(n % 9) + 1}T10:00:00.000Z`,
    fetchedAt: '2025-03-10T10:00:00.000Z',
    contentHash: `hash-${n}`,
    classification: classification(),
    ...over,
  };
}

export function feedEntry(n: number, over: Partial<FeedEntry> = {}): FeedEntry {
  return {
    outlet: `Outlet ${n}`,
    url: `https://feeds.example/${n}.xml`,
    language: 'sr',
    script: 'Latn',
    scope: 'domestic',
    homepage: `https://outlet${n}.example/`,
    ...over,
  };
}
