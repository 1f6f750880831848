/**
 * A deterministic generator of realistic coverage for the 1,000,000-article API bench
 * (api-scale.ts): about 110 outlets (domestic and international, Latin, Cyrillic, English,
 * German), three years ending at `end`, stories carried by one to eight outlets over up to
 * two days, about a quarter of them relevant, titles and texts composed from Serbian (both
 * scripts) and English phrases that name places, institutions and organisations. Articles
 * come out in the order a monitor would have stored them (by time, ids ascending), in chunks,
 * so a caller never holds more than one chunk in memory. The same seed gives the same data on
 * every backend.
 */
import { latinToCyrillic } from '../../shared/text/transliterate';
import type { Scope, Script, Topic } from '../../shared/model/types';
import { prng } from '../api/testdata/seed';

export interface ScaleStory {
  id: number;
  title: string;
  firstSeen: string;
  lastSeen: string;
}

/** One article row, in the column order of ARTICLE_INSERT_COLUMNS. */
export type ScaleArticle = [
  id: number,
  feedUrl: string,
  outlet: string,
  scope: Scope,
  guid: string,
  url: string,
  canonicalUrl: string,
  title: string,
  text: string,
  published: string | null,
  fetchedAt: string,
  contentHash: string,
  storyId: number | null,
  relevant: number,
  score: number,
  topics: string,
  reasons: string,
  lang: string,
  script: Script | null,
  decidedOn: string,
];

export const ARTICLE_INSERT_COLUMNS = [
  'id', 'feed_url', 'outlet', 'scope', 'guid', 'url', 'canonical_url', 'title', 'text', 'published', 'fetched_at',
  'content_hash', 'story_id', 'relevant', 'score', 'topics', 'reasons', 'lang', 'script', 'decided_on',
] as const;

export interface ScaleChunk {
  /** Stories first seen in this chunk (insert them before the articles). */
  stories: ScaleStory[];
  articles: ScaleArticle[];
}

interface Outlet {
  name: string;
  host: string;
  scope: Scope;
  lang: string;
  script: Script;
  /** Relative volume. */
  weight: number;
}

const DOMESTIC_LATIN = [
  'N1', 'Danas', 'Nova.rs', 'Blic', 'Kurir', 'Telegraf', 'Mondo', 'B92', 'Insajder', 'Radar', 'Vreme', 'NIN', 'BIRN', 'KRIK', 'CINS',
  'Južne vesti', '021.rs', 'Autonomija', 'Ozon press', 'Glas Zaječara', 'Kikindske', 'Subotica.com', 'Kragujevac online', 'Niške vesti',
  'Beta', 'FoNet', 'Euronews Srbija', 'Al Jazeera Balkans', 'Nedeljnik', 'Cenzolovka', 'Mašina', 'Istinomer', 'Raskrikavanje', 'Pištaljka',
  'Zoomer', 'Bujanovačke', 'Sandžak press', 'Glas Šumadije', 'UžiceMedia', 'Boom93', 'Lozničke novosti', 'Šabačke vesti', 'Somborske',
  'Pančevac', 'Vranje news', 'Glas Podrinja', 'Valjevska posla', 'Čačanski glas', 'Infokg', 'Smederevske', 'Jagodina online', 'Leskovačke',
];
const DOMESTIC_CYRILLIC = [
  'RTS', 'Politika', 'Večernje novosti', 'Tanjug', 'RTV', 'Informer', 'Alo', 'Srbija danas', 'Pečat', 'Nacionalna revija', 'Zrenjaninske',
  'Dnevnik', 'Glas zapadne Srbije', 'Kruševačke', 'Pirotske vesti', 'Prokupačke', 'Ivanjičke', 'Negotinske', 'Borske', 'Kraljevo online',
];
const INTERNATIONAL: Array<[string, string, Script]> = [
  ['Balkan Insight', 'en', 'Latn'], ['Euractiv', 'en', 'Latn'], ['Politico Europe', 'en', 'Latn'], ['The Guardian', 'en', 'Latn'],
  ['Reuters', 'en', 'Latn'], ['AP', 'en', 'Latn'], ['Biometric Update', 'en', 'Latn'], ['Rest of World', 'en', 'Latn'], ['Wired', 'en', 'Latn'],
  ['Access Now', 'en', 'Latn'], ['EDRi', 'en', 'Latn'], ['Emerging Europe', 'en', 'Latn'], ['RFE/RL', 'en', 'Latn'], ['BBC', 'en', 'Latn'],
  ['Netzpolitik', 'de', 'Latn'], ['Der Standard', 'de', 'Latn'], ['Deutsche Welle', 'de', 'Latn'], ['Radio Slobodna Evropa', 'sr', 'Latn'],
  ['BBC na srpskom', 'sr', 'Latn'], ['DW na srpskom', 'sr', 'Latn'], ['Glas Amerike', 'sr', 'Latn'], ['Oslobođenje', 'sr', 'Latn'],
  ['Index.hr', 'sr', 'Latn'], ['Vijesti', 'sr', 'Latn'], ['Klix', 'sr', 'Latn'], ['Sputnik Srbija', 'sr', 'Cyrl'], ['RT Balkan', 'sr', 'Cyrl'],
  ['Le Monde', 'fr', 'Latn'], ['Mediapart', 'fr', 'Latn'], ['Il Post', 'it', 'Latn'], ['El País', 'es', 'Latn'], ['Gazeta Wyborcza', 'pl', 'Latn'],
  ['Hospodářské noviny', 'cs', 'Latn'], ['Index.hu', 'hu', 'Latn'], ['Kathimerini', 'en', 'Latn'], ['South China Morning Post', 'en', 'Latn'],
];

function outlets(rand: () => number): Outlet[] {
  const host = (name: string) => `${name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '')}.example`;
  const list: Outlet[] = [
    ...DOMESTIC_LATIN.map((name, i): Outlet => ({ name, host: host(name), scope: 'domestic', lang: 'sr', script: 'Latn', weight: i < 10 ? 6 : 1 + rand() * 2 })),
    ...DOMESTIC_CYRILLIC.map((name, i): Outlet => ({ name, host: host(name), scope: 'domestic', lang: 'sr', script: 'Cyrl', weight: i < 6 ? 5 : 1 + rand() })),
    ...INTERNATIONAL.map(([name, lang, script]): Outlet => ({ name, host: host(name), scope: 'international', lang, script, weight: 0.5 + rand() })),
  ];
  list.push({ name: 'N1 English', host: 'n1english.example', scope: 'domestic', lang: 'en', script: 'Latn', weight: 2 });
  return list;
}

interface Subject {
  sr: string;
  en: string;
  topics: Topic[];
}

const SUBJECTS: Subject[] = [
  { sr: 'Kamere za prepoznavanje lica', en: 'Face recognition cameras', topics: ['cameras', 'face-recognition'] },
  { sr: 'Sistem Sigurni grad', en: 'The Safe City system', topics: ['huawei-safe-city', 'cameras'] },
  { sr: 'Huawei kamere', en: 'Huawei cameras', topics: ['huawei-safe-city', 'cameras'] },
  { sr: 'Nacrt zakona o unutrašnjim poslovima', en: 'The draft Law on Internal Affairs', topics: ['law'] },
  { sr: 'Biometrijski nadzor', en: 'Biometric surveillance', topics: ['face-recognition', 'campaign'] },
  { sr: 'Video nadzor', en: 'Video surveillance', topics: ['cameras'] },
  { sr: 'Poverenik za informacije od javnog značaja', en: 'The Commissioner for Information of Public Importance', topics: ['dpia-commissioner'] },
  { sr: 'Procena uticaja na zaštitu podataka', en: 'The data protection impact assessment', topics: ['dpia-commissioner', 'law'] },
  { sr: 'Inicijativa Hiljade kamera', en: 'The Thousands of Cameras initiative', topics: ['campaign', 'cameras'] },
  { sr: 'Nabavka kamera', en: 'Camera procurement', topics: ['local-procurement', 'cameras'] },
  { sr: 'Protest protiv masovnog nadzora', en: 'A protest against mass surveillance', topics: ['protest', 'campaign'] },
  { sr: 'Špijunski softver', en: 'Spyware', topics: ['spyware'] },
];
const PREDICATES: Array<[string, string]> = [
  ['na ulicama', 'on the streets of'], ['u školama', 'in schools of'], ['pod lupom javnosti', 'under scrutiny in'], ['bez zakonskog osnova', 'without a legal basis in'],
  ['ponovo u fokusu', 'back in focus in'], ['izazivaju zabrinutost', 'raise concern in'], ['stižu u', 'arrive in'], ['na raskrsnicama', 'at the crossroads of'],
];
const PLACES: Array<[string, string]> = [
  ['Beogradu', 'Belgrade'], ['Novom Sadu', 'Novi Sad'], ['Nišu', 'Niš'], ['Kragujevcu', 'Kragujevac'], ['Subotici', 'Subotica'], ['Čačku', 'Čačak'],
  ['Kraljevu', 'Kraljevo'], ['Zrenjaninu', 'Zrenjanin'], ['Pančevu', 'Pančevo'], ['Novom Pazaru', 'Novi Pazar'], ['Šapcu', 'Šabac'], ['Užicu', 'Užice'],
];
const ACTORS_SR = [
  'Šer fondacija', 'Partneri Srbija', 'Beogradski centar za bezbednosnu politiku', 'BIRN', 'Evropska digitalna prava (EDRi)', 'MUP',
  'Ministarstvo unutrašnjih poslova', 'Amnesti internešnal', 'Evropska komisija', 'Poverenik', 'gradska uprava', 'opozicija',
];
const ACTORS_EN = ['SHARE Foundation', 'Partners Serbia', 'BIRN', 'EDRi', 'the Ministry of Interior', 'Amnesty International', 'the European Commission', 'Reclaim Your Face'];
const VERBS_SR = ['upozorava da', 'traži da', 'tvrdi da', 'objavljuje da', 'podseća da', 'kritikuje odluku jer'];
const CLAUSES_SR = [
  'sistem snima prolaznike bez njihovog znanja', 'nijedna procena uticaja nije usvojena', 'kamere rade i noću', 'podaci se čuvaju godinama',
  'građani nisu obavešteni', 'ugovor sa dobavljačem nije javan', 'zakon ne dozvoljava biometrijsku obradu', 'broj kamera je udvostručen',
];
const CLAUSES_EN = [
  'the system records passers-by', 'no impact assessment was published', 'the contract with the vendor is secret', 'the law does not allow biometric processing',
  'the number of cameras has doubled', 'citizens were never asked',
];
const OTHER_SR = [
  ['Vremenska prognoza za vikend', 'Sunčano i toplo, temperatura do 28 stepeni.'], ['Rezultati utakmice', 'Domaćin je slavio u poslednjem minutu.'],
  ['Cene goriva od petka', 'Nove cene važe od petka u 15 časova.'], ['Radovi na obilaznici', 'Saobraćaj se odvija jednom trakom.'],
  ['Kulturni događaji ove nedelje', 'Izložbe, koncerti i predstave u gradu.'], ['Nova linija gradskog prevoza', 'Autobusi će saobraćati na 15 minuta.'],
  ['Sednica skupštine grada', 'Odbornici su usvojili budžet za narednu godinu.'], ['Berza i kurs dinara', 'Evro se menja po srednjem kursu.'],
  ['Novi telefon kompanije Huawei', 'Huawei predstavlja novi telefon sa boljom kamerom.'], ['Poljoprivrednici traže subvencije', 'Udruženja traže veće podsticaje.'],
];
const OTHER_EN = [
  ['Stock markets today', 'Shares rose in early trading.'], ['Weather: a warm weekend ahead', 'Sunny and warm across the region.'],
  ['Football results', 'The home side won in the last minute.'], ['New train line opens', 'Trains will run every hour.'],
  ['Elections: what to expect', 'Polls open at seven in the morning.'],
];

const TOPIC_LABEL: Record<Topic, string> = {
  cameras: 'cameras', 'face-recognition': 'face recognition', 'huawei-safe-city': 'Huawei / camera vendors', law: 'the draft Law on Internal Affairs',
  'dpia-commissioner': 'the Commissioner / DPIA', campaign: 'civil-society campaign', protest: 'protests and activists',
  'local-procurement': 'camera procurement by local governments', spyware: 'spyware and wiretapping',
};

const cyrillicMemo = new Map<string, string>();
/** Transliteration of the few distinct phrases, once each. */
function cyrillic(latin: string): string {
  let c = cyrillicMemo.get(latin);
  if (c === undefined) cyrillicMemo.set(latin, (c = latinToCyrillic(latin)));
  return c;
}

interface StoryPlan {
  id: number | null;
  relevant: boolean;
  titleSr: string;
  titleEn: string;
  textSr: string;
  textEn: string;
  topics: Topic[];
  /** The Cyrillic title and text, made once per story. */
  cyr?: [string, string];
}

interface Pending {
  at: number;
  story: StoryPlan;
}

/**
 * `n` articles over the `days` before `end`, in chunks of `chunk`; calls `onChunk` for each
 * and awaits it before generating the next (so memory holds one chunk).
 */
export async function generateScaleData(
  n: number,
  options: { end: Date; days: number; chunk?: number; seed?: number; relevantShare?: number },
  onChunk: (c: ScaleChunk) => Promise<void>,
): Promise<{ stories: number }> {
  const rand = prng(options.seed ?? 12);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const all = outlets(rand);
  const totalWeight = all.reduce((s, o) => s + o.weight, 0);
  const pickOutlet = () => {
    let r = rand() * totalWeight;
    for (const o of all) if ((r -= o.weight) <= 0) return o;
    return all[all.length - 1];
  };
  const relevantShare = options.relevantShare ?? 0.25;
  const endMs = options.end.getTime();
  const span = options.days * 86_400_000;
  const startMs = endMs - span;
  let started = 0;
  const chunkSize = options.chunk ?? 5000;
  let storyId = 0;
  let clock = startMs;
  let id = 0;
  const pending: Pending[] = [];
  let chunk: ScaleChunk = { stories: [], articles: [] };

  const newStory = (at: number): Pending[] => {
    const relevant = rand() < relevantShare;
    let plan: StoryPlan;
    if (relevant) {
      const s = pick(SUBJECTS);
      const [predSr, predEn] = pick(PREDICATES);
      const [placeSr, placeEn] = pick(PLACES);
      const actor = pick(ACTORS_SR);
      const titleSr = `${s.sr} ${predSr} ${predSr.endsWith(' u') ? '' : 'u '}${placeSr}`.replace(/\s+/g, ' ');
      const textSr = `${actor} ${pick(VERBS_SR)} ${pick(CLAUSES_SR)}. ${pick(ACTORS_SR)} ${pick(VERBS_SR)} ${pick(CLAUSES_SR)}. ` +
        `${s.sr} u ${placeSr} ${pick(['koštaju milione evra', 'pokrivaju ceo centar grada', 'nisu regulisani zakonom', 'su predmet istrage'])}.`;
      const textEn = `${pick(ACTORS_EN)} says ${pick(CLAUSES_EN)}. ${pick(ACTORS_EN)} warns that ${pick(CLAUSES_EN)} in ${placeEn}, Serbia.`;
      plan = { id: null, relevant, titleSr, titleEn: `${s.en} ${predEn} ${placeEn}`, textSr, textEn, topics: s.topics };
    } else {
      const [t, x] = pick(OTHER_SR);
      const [te, xe] = pick(OTHER_EN);
      const [place] = pick(PLACES);
      plan = { id: null, relevant, titleSr: `${t} u ${place}`, titleEn: te, textSr: `${x} ${pick(OTHER_SR)[1]}`, textEn: `${xe} ${pick(OTHER_EN)[1]}`, topics: [] };
    }
    // Copies: 1 to 8 outlets (relevant stories travel further); one in twelve single articles has no story.
    const copies = 1 + Math.floor(rand() * rand() * (relevant ? 8 : 4));
    if (copies > 1 || rand() >= 1 / 12) {
      plan.id = ++storyId;
      let last = at;
      const at2: number[] = [at];
      for (let c = 1; c < copies; c++) at2.push(at + Math.floor(rand() * rand() * 48 * 3_600_000));
      for (const t of at2) last = Math.max(last, t);
      chunk.stories.push({ id: plan.id, title: plan.titleSr, firstSeen: new Date(at).toISOString(), lastSeen: new Date(Math.min(last, endMs)).toISOString() });
      return at2.filter((t) => t <= endMs).map((t) => ({ at: t, story: plan }));
    }
    return [{ at, story: plan }];
  };

  const emit = async (p: Pending) => {
    const o = pickOutlet();
    const s = p.story;
    const i = ++id;
    const en = o.lang !== 'sr';
    if (!en && o.script === 'Cyrl') s.cyr ??= [cyrillic(s.titleSr), s.textSr.split('. ').map(cyrillic).join('. ')];
    const title = en ? s.titleEn : o.script === 'Cyrl' ? s.cyr![0] : s.titleSr;
    const text = en ? s.textEn : o.script === 'Cyrl' ? s.cyr![1] : s.textSr;
    const at = new Date(p.at).toISOString();
    // A few sources give no date: then the fetch time dates it.
    const published = rand() < 0.03 ? null : at;
    const fetchedAt = published === null ? at : new Date(Math.min(endMs, p.at + Math.floor(rand() * 600_000))).toISOString();
    const score = s.relevant ? 0.55 + rand() * 0.45 : rand() * 0.45;
    const reasons = s.relevant
      ? [`${TOPIC_LABEL[s.topics[0]]}: "${title.split(' ')[0].toLowerCase()}"`, 'Serbia: "' + (en ? 'serbia' : 'srbija') + '"']
      : ['no surveillance or Serbia terms found'];
    const url = `https://${o.host}/vesti/${i}`;
    chunk.articles.push([
      i, `https://${o.host}/rss`, o.name, o.scope, `${o.host}-${i}`, url, url, title, text, published, fetchedAt,
      `h${i.toString(36)}`, s.id, s.relevant ? 1 : 0, Math.round(score * 1000) / 1000, JSON.stringify(s.topics), JSON.stringify(reasons),
      o.lang, o.script, 'title+lead',
    ]);
    if (chunk.articles.length >= chunkSize) {
      const full = chunk;
      chunk = { stories: [], articles: [] };
      await onChunk(full);
    }
  };

  // Pending copies, kept sorted by time (binary insertion).
  const enqueue = (p: Pending) => {
    let lo = 0;
    let hi = pending.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pending[mid].at <= p.at) lo = mid + 1;
      else hi = mid;
    }
    pending.splice(lo, 0, p);
  };
  while (id < n) {
    // Stories start at a steady pace (with jitter), paced so that the articles left fill the
    // time left; their later copies are queued by time.
    const avgCopies = started > 1000 ? (id + pending.length) / started : 1.8;
    const step = Math.max(0, endMs - clock) / Math.max(1, (n - id - pending.length) / avgCopies);
    clock = Math.min(endMs, clock + step * (0.5 + rand()));
    // Copies due before the next story starts come first, by time.
    while (pending.length && pending[0].at <= clock && id < n) await emit(pending.shift()!);
    if (id >= n) break;
    started++;
    const [first, ...later] = newStory(clock);
    for (const p of later) enqueue(p);
    await emit(first);
  }
  if (chunk.articles.length || chunk.stories.length) await onChunk(chunk);
  return { stories: storyId };
}
