/** Builders for alert messages and digests used by the notify tests. */
import type { AlertArticle, AlertLanguage, AlertMessage, DigestData } from '../types';

/** A feed title that tries mention, HTML and markdown-link injection at once. */
export const HOSTILE_TITLE = '@everyone <b>x</b> [a](http://evil)';

export function alertArticle(over: Partial<AlertArticle> = {}): AlertArticle {
  return {
    id: 1,
    title: 'Kamere sa prepoznavanjem lica u Beogradu',
    url: 'https://www.example.rs/vesti/kamere-beograd',
    outlet: 'Example Vesti',
    scope: 'domestic',
    published: '2025-03-03T10:00:00.000Z',
    lead: 'Ministarstvo je potvrdilo da je postavljeno 8.000 kamera. Poverenik traži procenu uticaja.',
    ...over,
  };
}

export function alertMessage(over: Partial<Omit<AlertMessage, 'article' | 'story'>> & { article?: Partial<AlertArticle>; story?: Partial<AlertMessage['story']> } = {}): AlertMessage {
  const { article, story, ...rest } = over;
  return {
    alertId: 1,
    kind: 'new',
    language: 'sr-Latn' as AlertLanguage,
    classification: {
      relevant: true,
      score: 0.91,
      topics: ['cameras', 'face-recognition'],
      // As classify writes them: English labels from shared/classify/concepts.ts, best first.
      reasons: ['face recognition: "prepoznavanjem lica"', 'Serbia: "beogradu"', 'cameras: "kamere"', 'police and the Ministry of Interior: "ministarstvo"'],
      lang: 'sr',
      script: 'Latn',
    },
    ...rest,
    article: alertArticle(article),
    story: { id: 10, outlets: ['Example Vesti'], firstRemoteId: null, first: null, ...story },
  };
}

/** A follow-up of `first` (already delivered as `remoteId`), reported by a second outlet. */
export function followUp(first: AlertMessage, remoteId: string | null, over: Partial<AlertArticle> = {}): AlertMessage {
  return alertMessage({
    alertId: first.alertId + 1,
    kind: 'follow-up',
    language: first.language,
    article: { id: first.article.id + 1, title: 'Beograd: kamere i prepoznavanje lica', outlet: 'Drugi Portal', url: 'https://drugi.example/a/1', ...over },
    story: {
      id: first.story.id,
      outlets: [first.article.outlet, over.outlet ?? 'Drugi Portal'],
      firstRemoteId: remoteId,
      first: remoteId ? { article: first.article, classification: first.classification } : null,
    },
  });
}

export function digestData(over: Partial<DigestData> = {}): DigestData {
  return {
    period: 'weekly',
    start: '2025-03-03T07:00:00.000Z',
    end: '2025-03-10T07:00:00.000Z',
    articles: 12,
    stories: 5,
    domestic: 9,
    international: 3,
    previous: { articles: 8, stories: 4 },
    topStories: [
      { title: 'Kamere u Beogradu', url: 'https://a.example/1', outlets: ['N1', 'Danas', 'BBC'], articles: 4 },
      { title: 'Zakon o unutrašnjim poslovima', url: 'https://b.example/2', outlets: ['Danas'], articles: 1 },
    ],
    topics: [
      { topic: 'cameras', count: 7 },
      { topic: 'law', count: 3 },
    ],
    ...over,
  };
}
