/**
 * Seeded databases for the API tests, the dashboard test and the benchmark. No test-runner
 * imports, so the benchmark can use it too.
 */
import { createHash } from 'node:crypto';
import { classify } from '../../../shared/classify/classify';
import type { Scope, Script, Topic } from '../../../shared/model/types';
import type { Storage } from '../../storage';
import type { AddArticle } from '../app';

export interface SeedArticle {
  title: string;
  text?: string;
  outlet: string;
  scope?: Scope;
  published: string | null;
  fetchedAt?: string;
  lang?: string;
  script?: Script | null;
  relevant?: boolean;
  score?: number;
  topics?: Topic[];
  reasons?: string[];
  url?: string | null;
  /** Articles with the same key form one story; absent: the article has no story. */
  story?: string;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

/** Inserts the articles (with their stories) in one transaction; returns their ids in order. */
export function seedArticles(storage: Storage, articles: readonly SeedArticle[]): Promise<number[]> {
  const stories = new Map<string, number>();
  return storage.transaction(async () => {
    const ids: number[] = [];
    for (const [i, a] of articles.entries()) {
      const url = a.url === undefined ? `https://news.example/${i}/${encodeURIComponent(a.title.slice(0, 20))}` : a.url;
      const relevant = a.relevant ?? true;
      const id = await storage.articles.insert({
        feedUrl: null,
        outlet: a.outlet,
        scope: a.scope ?? 'domestic',
        guid: `seed-${i}-${hash(a.title)}`,
        url,
        canonicalUrl: url,
        title: a.title,
        text: a.text ?? '',
        published: a.published,
        fetchedAt: a.fetchedAt ?? a.published ?? '2025-04-01T00:00:00.000Z',
        contentHash: hash(`${i}\n${a.title}\n${a.text ?? ''}`),
        classification: {
          relevant,
          score: a.score ?? (relevant ? 0.9 : 0.1),
          topics: a.topics ?? [],
          reasons: a.reasons ?? (relevant ? ['face recognition: "prepoznavanje lica"'] : ['no surveillance or Serbia terms found']),
          lang: a.lang ?? 'sr',
          script: a.script === undefined ? 'Latn' : a.script,
        },
      });
      if (id === null) throw new Error(`seed article ${i} collided with another`);
      if (a.story !== undefined) {
        let storyId = stories.get(a.story);
        if (storyId === undefined) {
          storyId = await storage.stories.create(a.title, a.published ?? a.fetchedAt ?? '2025-04-01T00:00:00.000Z', []);
          stories.set(a.story, storyId);
        }
        await storage.stories.attach(id, storyId);
      }
      ids.push(id);
    }
    return ids;
  });
}

/** A concept label of the classifier for a topic, so seeded reasons read like real ones. */
const REASON_LABEL: Partial<Record<string, string>> = {
  cameras: 'cameras',
  'face-recognition': 'face recognition',
  'huawei-safe-city': 'Huawei / camera vendors',
  law: 'the draft Law on Internal Affairs',
  'dpia-commissioner': 'the Commissioner / DPIA',
  campaign: 'civil-society campaign',
  protest: 'protests and activists',
  'local-procurement': 'camera procurement by local governments',
  spyware: 'spyware and wiretapping',
};

/**
 * The fixed data set of the API tests: March 2025 plus one article in February. Relevant in
 * March: 9 articles in 8 stories (one article has no story), by ISO week (Mondays):
 * 03-03: 3 articles / 2 stories (2 domestic in one story, 1 international);
 * 03-10: 2 / 2; 03-17: 2 / 2; 03-24: 2 / 2. Two irrelevant articles: 03-12 and 03-20.
 */
export const MARCH_2025: readonly SeedArticle[] = [
  {
    title: 'Kamere za prepoznavanje lica na Slaviji',
    text: 'Šer fondacija upozorava da sistem snima prolaznike.',
    outlet: 'N1',
    published: '2025-03-03T09:00:00.000Z',
    topics: ['cameras', 'face-recognition'],
    story: 'A',
  },
  {
    title: 'Камере за препознавање лица на Славији',
    text: 'Шер фондација упозорава да систем снима пролазнике.',
    outlet: 'RTS',
    script: 'Cyrl',
    published: '2025-03-03T12:00:00.000Z',
    topics: ['cameras', 'face-recognition'],
    story: 'A',
  },
  {
    title: 'Serbia’s face recognition plans worry digital rights groups',
    text: 'SHARE Foundation and EDRi call for a ban.',
    outlet: 'Balkan Insight',
    scope: 'international',
    lang: 'en',
    published: '2025-03-05T08:00:00.000Z',
    topics: ['face-recognition', 'campaign'],
    story: 'B',
  },
  {
    title: 'Nacrt zakona o unutrašnjim poslovima povučen',
    text: 'MUP je povukao nacrt, a Partneri Srbija pozdravljaju odluku.',
    outlet: 'Danas',
    published: '2025-03-11T10:00:00.000Z',
    topics: ['law'],
    story: 'C',
  },
  {
    title: 'Huawei Safe City in Belgrade under scrutiny',
    text: 'Huawei supplied the system.',
    outlet: 'Euractiv',
    scope: 'international',
    lang: 'en',
    published: '2025-03-12T10:00:00.000Z',
    topics: ['huawei-safe-city', 'cameras'],
    story: 'D',
  },
  {
    title: 'Novi telefon kompanije Huawei',
    text: 'Huawei predstavlja novi telefon.',
    outlet: 'Kurir',
    published: '2025-03-12T15:00:00.000Z',
    relevant: false,
    story: 'E',
  },
  {
    title: 'Протест испред Скупштине због камера',
    text: 'Повереник је упозорио на ризике.',
    outlet: 'Večernje novosti',
    script: 'Cyrl',
    published: '2025-03-18T18:00:00.000Z',
    topics: ['protest'],
    story: 'F',
  },
  {
    title: 'Poverenik odbio procenu uticaja MUP-a',
    text: 'Poverenik za informacije od javnog značaja odbio je procenu.',
    outlet: 'N1',
    published: '2025-03-19T07:00:00.000Z',
    topics: ['dpia-commissioner'],
    story: 'G',
  },
  {
    title: 'Vremenska prognoza za vikend',
    text: 'Sunčano i toplo.',
    outlet: 'N1',
    published: '2025-03-20T07:00:00.000Z',
    relevant: false,
    story: 'H',
  },
  {
    title: 'Nabavka kamera u Nišu',
    text: 'BIRN je otkrio da grad kupuje kamere.',
    outlet: 'Južne vesti',
    published: '2025-03-25T07:00:00.000Z',
    topics: ['local-procurement', 'cameras'],
    story: 'I',
  },
  {
    title: 'Kamere u Novom Sadu',
    text: 'Grad postavlja nove kamere.',
    outlet: '021.rs',
    published: '2025-03-26T07:00:00.000Z',
    topics: ['cameras'],
  },
  {
    title: 'Kamere na Zvezdari',
    text: 'Februarski tekst.',
    outlet: 'N1',
    published: '2025-02-20T07:00:00.000Z',
    topics: ['cameras'],
    story: 'J',
  },
];

/** A small deterministic PRNG (mulberry32), so generated data sets are the same every run. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTLETS: Array<{ outlet: string; scope: Scope; lang: string; script: Script }> = [
  { outlet: 'N1', scope: 'domestic', lang: 'sr', script: 'Latn' },
  { outlet: 'Danas', scope: 'domestic', lang: 'sr', script: 'Latn' },
  { outlet: 'RTS', scope: 'domestic', lang: 'sr', script: 'Cyrl' },
  { outlet: 'Večernje novosti', scope: 'domestic', lang: 'sr', script: 'Cyrl' },
  { outlet: 'Nova.rs', scope: 'domestic', lang: 'sr', script: 'Latn' },
  { outlet: 'Južne vesti', scope: 'domestic', lang: 'sr', script: 'Latn' },
  { outlet: 'Politika', scope: 'domestic', lang: 'sr', script: 'Cyrl' },
  { outlet: 'N1 English', scope: 'domestic', lang: 'en', script: 'Latn' },
  { outlet: 'Balkan Insight', scope: 'international', lang: 'en', script: 'Latn' },
  { outlet: 'Euractiv', scope: 'international', lang: 'en', script: 'Latn' },
  { outlet: 'Netzpolitik', scope: 'international', lang: 'de', script: 'Latn' },
  { outlet: 'Radio Slobodna Evropa', scope: 'international', lang: 'sr', script: 'Latn' },
];

const HEADLINES: Array<{ title: string; text: string; topics: Topic[] }> = [
  { title: 'Kamere za prepoznavanje lica u Beogradu', text: 'Šer fondacija traži zabranu biometrijskog nadzora.', topics: ['cameras', 'face-recognition', 'campaign'] },
  { title: 'Камере на улицама Београда', text: 'МУП поставља нове камере, Повереник упозорава.', topics: ['cameras', 'dpia-commissioner'] },
  { title: 'Nacrt zakona o unutrašnjim poslovima', text: 'Partneri Srbija i BCBP kritikuju nacrt.', topics: ['law', 'campaign'] },
  { title: 'Huawei and the Safe City project in Serbia', text: 'Huawei cameras in Belgrade, says BIRN.', topics: ['huawei-safe-city', 'cameras'] },
  { title: 'EDRi warns Serbia on biometric surveillance', text: 'European Digital Rights and SHARE Foundation.', topics: ['face-recognition', 'law'] },
  { title: 'Protest protiv nadzora', text: 'Građani protestuju ispred Skupštine.', topics: ['protest', 'campaign'] },
  { title: 'Opština nabavlja kamere', text: 'Javna nabavka video nadzora u Nišu.', topics: ['local-procurement', 'cameras'] },
  { title: 'Poverenik o proceni uticaja', text: 'Poverenik za informacije od javnog značaja o proceni uticaja MUP-a.', topics: ['dpia-commissioner'] },
];

const IRRELEVANT = ['Vremenska prognoza', 'Rezultati utakmice', 'Нови телефон', 'Stock markets today', 'Kulturni događaji'];

/**
 * `n` generated articles spread evenly over the `days` before `end`, about 60 % relevant,
 * grouped into stories of one to four outlets. Fast: one transaction, no classifier.
 */
export async function seedBulk(storage: Storage, n: number, options: { end?: Date; days?: number; seed?: number } = {}): Promise<void> {
  const rand = prng(options.seed ?? 42);
  const end = (options.end ?? new Date()).getTime();
  const span = (options.days ?? 365) * 86_400_000;
  const insertStory = 'INSERT INTO stories (title, first_seen, last_seen, signature) VALUES (?, ?, ?, ?) RETURNING id';
  const insertArticle = `
    INSERT INTO articles (feed_url, outlet, scope, guid, url, canonical_url, title, text, published, fetched_at,
      content_hash, story_id, relevant, score, topics, reasons, lang, script)
    VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  const db = storage.db;
  await storage.transaction(async () => {
    let i = 0;
    while (i < n) {
      const at = new Date(end - rand() * span).toISOString();
      const relevant = rand() < 0.6;
      const copies = 1 + Math.floor(rand() * (relevant ? 4 : 1));
      const head = relevant ? HEADLINES[Math.floor(rand() * HEADLINES.length)] : null;
      const title = head ? `${head.title} (${i})` : `${IRRELEVANT[Math.floor(rand() * IRRELEVANT.length)]} ${i}`;
      const storyId = Number((await db.get<{ id: number }>(insertStory, [title, at, at, '[]']))!.id);
      for (let c = 0; c < copies && i < n; c++, i++) {
        const o = OUTLETS[Math.floor(rand() * OUTLETS.length)];
        const url = `https://news.example/${i}`;
        const score = relevant ? 0.6 + rand() * 0.4 : rand() * 0.4;
        await db.run(insertArticle, [
          o.outlet, o.scope, `bulk-${i}`, url, url, title, head ? `${head.text} ${'Detalji o nadzoru. '.repeat(20)}` : 'Ostale vesti.',
          at, at, `bulk-${i}`, storyId, relevant ? 1 : 0, score,
          JSON.stringify(head ? head.topics : []),
          JSON.stringify(head ? [`${REASON_LABEL[head.topics[0]] ?? 'cameras'}: "${head.title.split(' ')[0].toLowerCase()}"`] : ['no surveillance or Serbia terms found']),
          o.lang, o.script,
        ]);
      }
    }
  });
}

/**
 * A stand-in for the reader's processor in POST tests: classify, de-duplicate by URL, store
 * with a story of its own, queue a console alert when relevant.
 */
export function fakeAddArticle(storage: Storage, now: () => Date = () => new Date()): AddArticle {
  return async (input) => {
    const url = input.url ?? null;
    const contentHash = hash(`${input.outlet}\n${input.title}\n${input.text ?? ''}`);
    const dup = await storage.articles.findDuplicate({ url, contentHash });
    if (dup) return { id: dup.id, duplicate: true, relevant: false, alerted: false };
    const c = classify({ title: input.title, text: input.text, lang: input.lang });
    const at = now().toISOString();
    return storage.transaction(async () => {
      const id = (await storage.articles.insert({
        feedUrl: null,
        outlet: input.outlet,
        scope: input.scope ?? 'domestic',
        guid: url ?? `manual-${contentHash}`,
        url,
        canonicalUrl: url,
        title: input.title,
        text: input.text ?? '',
        published: input.published ?? null,
        fetchedAt: at,
        contentHash,
        classification: c,
      }))!;
      const storyId = await storage.stories.create(input.title, input.published ?? at, []);
      await storage.stories.attach(id, storyId);
      const alerted = c.relevant && (await storage.alerts.enqueue({ articleId: id, storyId, kind: 'new', target: 'console', at })) !== null;
      return { id, duplicate: false, relevant: c.relevant, alerted };
    });
  };
}
