/**
 * The extension's interface strings in English and Serbian Latin; Serbian Cyrillic is
 * transliterated from the Latin, as the campaign knowledge in shared/context is. Topic
 * descriptions summarise facts from shared/context (each figure there carries its source).
 */
import type { UiLang } from '../../shared/context/localize';
import type { Topic } from '../../shared/model/types';
import { topicName } from '../../shared/model/topic-names';
import { uiCyrillic } from '../../shared/text/ui-cyrillic';

const en = {
  panelLabel: 'Nadzor Watch: campaign context',
  panelTitle: 'Campaign context',
  collapse: 'Hide the campaign context',
  expand: 'Show the campaign context',
  intro: 'This article is about biometric surveillance in Serbia. What it may not tell you:',
  tab: 'Campaign context',
  summary: 'This article touches on {topics}: what the #hiljadekamera campaign knows about it.',
  latest: 'Latest',
  knowledgeAsOf: 'What the panel knows runs to {date}.',
  allEvents: 'All events ({n})',
  onlyArticleTopics: 'Events of this article’s topics',
  allTopics: 'Show events of every topic',
  sources: 'Sources',
  more: 'more',
  less: 'less',
  scoreLine: 'How sure the check is that this page is about the subject: {score} (it counts from {threshold})',
  about: 'What this is about',
  timeline: 'Timeline',
  timelineMatch: 'related to this article',
  figures: 'Key figures',
  law: 'What the law says',
  actions: 'What you can do',
  terms: 'Terms in this article',
  related: 'Related coverage',
  relatedLoading: 'Loading…',
  relatedNone: 'No related coverage found.',
  relatedError: 'Related coverage is unavailable.',
  loading: 'Loading…',
  loadError: 'The campaign context could not be loaded. Reload the page to try again.',
  source: 'Source',
  asOf: 'as of',
  verdictRelevant: 'This page is about biometric surveillance in Serbia.',
  verdictIrrelevant: 'This page is not about biometric surveillance in Serbia.',
  notWatched: 'Nadzor Watch does not run on this site.',
  score: 'Score',
  topics: 'Topics',
  why: 'Why',
  addSite: 'Watch this site…',
  openOptions: 'Options',
  latestAlerts: 'Latest alerts',
  coverage: 'Coverage, last 4 weeks',
  domestic: 'Domestic',
  international: 'International',
  articles: 'articles',
  stories: 'stories',
  serverError: 'The server did not answer.',
  noServer: 'No server configured: nothing leaves your browser.',
  optionsTitle: 'Nadzor Watch options',
  language: 'Panel language',
  languageAuto: 'Follow the page',
  glossary: 'Glossary',
  highlights: 'Underline glossary terms in articles (explained on hover)',
  sites: 'Sites',
  defaultSites: 'Default sites',
  addedSites: 'Sites you added',
  noAddedSites: 'None yet.',
  addSiteLabel: 'Add a site (host or address)',
  add: 'Add',
  addCurrent: 'Add {host}',
  remove: 'Remove',
  server: 'Server',
  serverHelp:
    'Optional. With a server, the extension asks it for related coverage and the latest alerts, sending only the article’s topics and a few title terms: never the page address or text. Without one, the extension makes no network request at all.',
  serverUrl: 'Server URL',
  save: 'Save',
  saved: 'Saved.',
  permissionDenied: 'Permission was not granted.',
  invalidHost: 'Not a valid host.',
  invalidUrl: 'Not a valid http(s) URL.',
};

export type Strings = typeof en;

const sr: Strings = {
  panelLabel: 'Nadzor Watch: kontekst kampanje',
  panelTitle: 'Kontekst kampanje',
  collapse: 'Sakrij kontekst kampanje',
  expand: 'Prikaži kontekst kampanje',
  intro: 'Ovaj članak govori o biometrijskom nadzoru u Srbiji. Šta u njemu možda ne piše:',
  tab: 'Kontekst kampanje',
  summary: 'Tekst se tiče tema {topics}: šta o tome zna kampanja #hiljadekamera.',
  latest: 'Najnovije',
  knowledgeAsOf: 'Podaci u panelu zaključno sa: {date}',
  allEvents: 'Sva dešavanja ({n})',
  onlyArticleTopics: 'Dešavanja o temama ovog teksta',
  allTopics: 'Prikaži dešavanja o svim temama',
  sources: 'Izvori',
  more: 'više',
  less: 'manje',
  scoreLine: 'Koliko je provera sigurna da je stranica o ovoj temi: {score} (relevantno je od {threshold})',
  about: 'O čemu se radi',
  timeline: 'Hronologija',
  timelineMatch: 'povezano sa ovim člankom',
  figures: 'Ključni podaci',
  law: 'Šta kaže zakon',
  actions: 'Šta možete da uradite',
  terms: 'Pojmovi u ovom članku',
  related: 'Povezani tekstovi',
  relatedLoading: 'Učitavanje…',
  relatedNone: 'Nema povezanih tekstova.',
  relatedError: 'Povezani tekstovi nisu dostupni.',
  loading: 'Učitavanje…',
  loadError: 'Kontekst kampanje nije učitan. Osvežite stranicu da pokušate ponovo.',
  source: 'Izvor',
  asOf: 'stanje:',
  verdictRelevant: 'Ova stranica govori o biometrijskom nadzoru u Srbiji.',
  verdictIrrelevant: 'Ova stranica ne govori o biometrijskom nadzoru u Srbiji.',
  notWatched: 'Nadzor Watch ne radi na ovom sajtu.',
  score: 'Ocena',
  topics: 'Teme',
  why: 'Zašto',
  addSite: 'Prati ovaj sajt…',
  openOptions: 'Podešavanja',
  latestAlerts: 'Najnovija upozorenja',
  coverage: 'Izveštavanje, poslednje 4 nedelje',
  domestic: 'Domaći mediji',
  international: 'Strani mediji',
  articles: 'članaka',
  stories: 'priča',
  serverError: 'Server nije odgovorio.',
  noServer: 'Server nije podešen: ništa ne napušta vaš pregledač.',
  optionsTitle: 'Nadzor Watch podešavanja',
  language: 'Jezik panela',
  languageAuto: 'Prema stranici',
  glossary: 'Rečnik',
  highlights: 'Podvuci pojmove iz rečnika u člancima (objašnjenje kad pređete mišem)',
  sites: 'Sajtovi',
  defaultSites: 'Podrazumevani sajtovi',
  addedSites: 'Sajtovi koje ste dodali',
  noAddedSites: 'Još nijedan.',
  addSiteLabel: 'Dodaj sajt (domen ili adresa)',
  add: 'Dodaj',
  addCurrent: 'Dodaj {host}',
  remove: 'Ukloni',
  server: 'Server',
  serverHelp:
    'Opciono. Ako je server podešen, proširenje od njega traži povezane tekstove i najnovija upozorenja i šalje mu samo teme članka i nekoliko reči iz naslova: nikada adresu stranice ni njen tekst. Bez servera proširenje ne šalje nijedan mrežni zahtev.',
  serverUrl: 'Adresa servera',
  save: 'Sačuvaj',
  saved: 'Sačuvano.',
  permissionDenied: 'Dozvola nije data.',
  invalidHost: 'Neispravan domen.',
  invalidUrl: 'Neispravna http(s) adresa.',
};

const cache = new Map<UiLang, Strings>();

/** Cyrillic, keeping brand names, hashtags and {placeholders} in Latin (shared/text/ui-cyrillic.ts). */
const toCyrillic = uiCyrillic;

/** The interface strings for `lang`. */
export function strings(lang: UiLang): Strings {
  let s = cache.get(lang);
  if (!s) {
    if (lang === 'en') s = en;
    else if (lang === 'sr-Latn') s = sr;
    else s = Object.fromEntries(Object.entries(sr).map(([k, v]) => [k, toCyrillic(v)])) as Strings;
    cache.set(lang, s);
  }
  return s;
}

/** `{name}` placeholders filled in; the values are inserted as text, never as markup. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

/** What a topic is about; its name comes from shared/model/topic-names.ts. */
interface TopicText {
  about: { en: string; sr: string };
}

const TOPIC_TEXT: Record<Topic, TopicText> = {
  cameras: {
    about: {
      en: 'The Ministry of Interior’s revised impact assessment (April 2020) counts 8,100 cameras at police disposal; citizens had mapped more than 1,055 cameras in Belgrade by March 2021.',
      sr: 'Revidirana procena uticaja MUP-a (april 2020.) navodi 8.100 kamera na raspolaganju policiji; građani su do marta 2021. mapirali više od 1.055 kamera u Beogradu.',
    },
  },
  'face-recognition': {
    about: {
      en: '1,000 face-recognition cameras were announced for Belgrade in 2019. The Commissioner twice rejected the ministry’s impact assessment for lack of an adequate legal basis.',
      sr: 'Za Beograd je 2019. najavljeno 1.000 kamera sa prepoznavanjem lica. Poverenik je dva puta odbio procenu uticaja MUP-a zbog nedostatka odgovarajućeg pravnog osnova.',
    },
  },
  'huawei-safe-city': {
    about: {
      en: 'The cameras come from Huawei’s “Safe City” system, agreed with the Ministry of Interior in the 2014 “Safe Society” memorandum; Huawei is the partner for Belgrade, Niš and Novi Sad.',
      sr: 'Kamere su deo Huawei sistema „Bezbedan grad“, dogovorenog sa MUP-om memorandumom o „Bezbednom društvu“ iz 2014; Huawei je partner za Beograd, Niš i Novi Sad.',
    },
  },
  law: {
    about: {
      en: 'Drafts of a new Law on Internal Affairs that would have allowed biometric mass surveillance were withdrawn in 2021 and again in 2022 after public pressure.',
      sr: 'Nacrti novog Zakona o unutrašnjim poslovima koji bi omogućili biometrijski masovni nadzor povučeni su 2021. i ponovo 2022. posle pritiska javnosti.',
    },
  },
  'dpia-commissioner': {
    about: {
      en: 'The Commissioner for Information of Public Importance and Personal Data Protection rejected the ministry’s impact assessments in 2019 and 2020.',
      sr: 'Poverenik za informacije od javnog značaja i zaštitu podataka o ličnosti odbio je procene uticaja MUP-a 2019. i 2020. godine.',
    },
  },
  campaign: {
    about: {
      en: 'The #hiljadekamera (Thousands of Cameras) initiative maps cameras and collects signatures against biometric surveillance: more than 16,800 by May 2021.',
      sr: 'Inicijativa #hiljadekamera mapira kamere i prikuplja potpise protiv biometrijskog nadzora: više od 16.800 do maja 2021.',
    },
  },
  protest: {
    about: {
      en: 'Since the protests of July 2020, demonstrators fear the cameras will be used to identify them.',
      sr: 'Od protesta u julu 2020. demonstranti strahuju da će kamere biti korišćene da ih identifikuju.',
    },
  },
  'local-procurement': {
    about: {
      en: 'Municipalities buy cameras too: 42 local governments procured surveillance cameras, some with face recognition (BIRN, 2024).',
      sr: 'Kamere kupuju i opštine: 42 lokalne samouprave nabavile su nadzorne kamere, neke sa prepoznavanjem lica (BIRN, 2024).',
    },
  },
  spyware: {
    about: {
      en: 'BIRN’s 2024 report on surveillance in Serbia covers spyware as well as cameras, and the gaps the EU AI Act leaves.',
      sr: 'BIRN-ov izveštaj iz 2024. o nadzoru u Srbiji bavi se i špijunskim softverom, a ne samo kamerama, kao i prazninama koje ostavlja Akt EU o veštačkoj inteligenciji.',
    },
  },
};

function pick(l: { en: string; sr: string }, lang: UiLang): string {
  return lang === 'en' ? l.en : lang === 'sr-Latn' ? l.sr : toCyrillic(l.sr);
}

/** A topic's name in `lang`. */
export function topicLabel(topic: Topic, lang: UiLang): string {
  return topicName(topic, lang);
}

/** One sentence on what a topic is about, for the panel's "what this is about". */
export function topicAbout(topic: Topic, lang: UiLang): string {
  return pick(TOPIC_TEXT[topic].about, lang);
}
