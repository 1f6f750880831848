/**
 * The dashboard's words in English and Serbian (Latin); Serbian Cyrillic is transliterated
 * from the Latin, as everywhere in the project (shared/context/localize.ts).
 */
import { latinToCyrillic } from '../../../../shared/text/transliterate';
import type { Topic } from '../../../../shared/model/types';

export type UiLang = 'sr-Latn' | 'sr-Cyrl' | 'en';
export const UI_LANGS: readonly UiLang[] = ['sr-Latn', 'sr-Cyrl', 'en'];

type Pair = { en: string; sr: string };

const STRINGS = {
  title: { en: 'Nadzor Watch: coverage', sr: 'Nadzor Watch: medijsko praćenje' },
  subtitle: {
    en: 'How much the media report on biometric surveillance in Serbia, where, and who is named.',
    sr: 'Koliko mediji izveštavaju o biometrijskom nadzoru u Srbiji, gde i ko se pominje.',
  },
  'lang.label': { en: 'Language', sr: 'Jezik' },
  'period.label': { en: 'Period', sr: 'Period' },
  'period.from': { en: 'From', sr: 'Od' },
  'period.to': { en: 'To', sr: 'Do' },
  'period.interval': { en: 'Per', sr: 'Po' },
  'period.relevant': { en: 'Articles', sr: 'Članci' },
  'period.apply': { en: 'Show', sr: 'Prikaži' },
  'interval.day': { en: 'day', sr: 'danu' },
  'interval.week': { en: 'week', sr: 'nedelji' },
  'interval.month': { en: 'month', sr: 'mesecu' },
  'relevant.true': { en: 'about the subject', sr: 'o temi' },
  'relevant.all': { en: 'all stored', sr: 'svi sačuvani' },
  'preset.30': { en: '30 days', sr: '30 dana' },
  'preset.90': { en: '3 months', sr: '3 meseca' },
  'preset.365': { en: '1 year', sr: '1 godina' },
  'preset.1825': { en: '5 years', sr: '5 godina' },
  'status.loading': { en: 'Loading…', sr: 'Učitavanje…' },
  'status.error': { en: 'Could not load the data: ', sr: 'Podaci nisu učitani: ' },
  'status.empty': { en: 'No articles in this period.', sr: 'Nema članaka u ovom periodu.' },
  'card.articles': { en: 'articles', sr: 'članaka' },
  'card.stories': { en: 'distinct stories', sr: 'različitih priča' },
  'card.domestic': { en: 'in domestic media', sr: 'u domaćim medijima' },
  'card.international': { en: 'in international media', sr: 'u stranim medijima' },
  'chart.coverage': { en: 'Coverage over time', sr: 'Izveštavanje kroz vreme' },
  'chart.scope': { en: 'Domestic and international media', sr: 'Domaći i strani mediji' },
  'chart.outlet': { en: 'By outlet (top 12)', sr: 'Po mediju (prvih 12)' },
  'chart.lang': { en: 'By language', sr: 'Po jeziku' },
  'chart.script': { en: 'By script', sr: 'Po pismu' },
  'chart.topic': { en: 'By topic', sr: 'Po temi' },
  'chart.mentions': { en: 'Organisations named (top 6)', sr: 'Pominjane organizacije (prvih 6)' },
  'series.articles': { en: 'Articles', sr: 'Članci' },
  'axis.period': { en: 'Period', sr: 'Period' },
  'axis.outlet': { en: 'Outlet', sr: 'Medij' },
  'axis.lang': { en: 'Language', sr: 'Jezik' },
  'axis.script': { en: 'Script', sr: 'Pismo' },
  'axis.topic': { en: 'Topic', sr: 'Tema' },
  'series.stories': { en: 'Stories', sr: 'Priče' },
  'mentions.title': { en: 'Organisation mentions', sr: 'Pominjanje organizacija' },
  'mentions.note': {
    en: 'Articles naming each organisation, in any script. Share of coverage: of all articles in the period. Share of voice: of all mentions of tracked organisations.',
    sr: 'Članci u kojima se organizacija pominje, u bilo kom pismu. Udeo u izveštavanju: od svih članaka u periodu. Udeo glasa: od svih pominjanja praćenih organizacija.',
  },
  'mentions.org': { en: 'Organisation', sr: 'Organizacija' },
  'mentions.articles': { en: 'Articles', sr: 'Članci' },
  'mentions.share': { en: 'Share of coverage', sr: 'Udeo u izveštavanju' },
  'mentions.voice': { en: 'Share of voice', sr: 'Udeo glasa' },
  'latest.title': { en: 'Latest articles about the subject', sr: 'Najnoviji članci o temi' },
  'latest.why': { en: 'Why: ', sr: 'Zašto: ' },
  'latest.decidedTitle': { en: 'Decided on: the title (the feed gives no text)', sr: 'Odlučeno na osnovu: naslova (feed nema tekst)' },
  'latest.decidedLead': { en: 'Decided on: the title and the feed text', sr: 'Odlučeno na osnovu: naslova i teksta iz feeda' },
  'latest.decidedPage': { en: 'Decided on: the title, the feed text and the article page', sr: 'Odlučeno na osnovu: naslova, teksta iz feeda i stranice članka' },
  'latest.pageStatus': { en: 'article page', sr: 'stranica članka' },
  'latest.none': { en: 'No relevant articles in this period.', sr: 'Nema relevantnih članaka u ovom periodu.' },
  'exports.title': { en: 'Export', sr: 'Izvoz' },
  'exports.note': {
    en: 'For the selected period. CSV opens in spreadsheet programs with both scripts intact.',
    sr: 'Za izabrani period. CSV se otvara u tabelarnim programima sa oba pisma.',
  },
  'exports.articles': { en: 'Articles', sr: 'Članci' },
  'exports.coverage': { en: 'Coverage', sr: 'Izveštavanje' },
  'exports.scope': { en: 'Coverage by scope', sr: 'Izveštavanje po vrsti medija' },
  'exports.outlet': { en: 'Coverage by outlet', sr: 'Izveštavanje po mediju' },
  'exports.mentions': { en: 'Mentions', sr: 'Pominjanja' },
  footer: {
    en: 'Counts come from the news feeds Nadzor Watch reads and the articles added by hand. A story is one report carried by several outlets.',
    sr: 'Brojevi potiču iz vesti koje Nadzor Watch prati i članaka dodatih ručno. Priča je jedan izveštaj koji prenosi više medija.',
  },
} satisfies Record<string, Pair>;

export type StringKey = keyof typeof STRINGS;

const TOPIC_LABELS: Record<Topic, Pair> = {
  cameras: { en: 'Cameras', sr: 'Kamere' },
  'face-recognition': { en: 'Face recognition', sr: 'Prepoznavanje lica' },
  'huawei-safe-city': { en: 'Huawei “Safe City”', sr: 'Huawei „Bezbedan grad“' },
  law: { en: 'Law', sr: 'Zakon' },
  'dpia-commissioner': { en: 'Impact assessment, Commissioner', sr: 'Procena uticaja, Poverenik' },
  campaign: { en: 'Campaign', sr: 'Kampanja' },
  protest: { en: 'Protests', sr: 'Protesti' },
  'local-procurement': { en: 'Local procurement', sr: 'Lokalne nabavke' },
  spyware: { en: 'Spyware', sr: 'Špijunski softver' },
};

const SCOPE_LABELS: Record<string, Pair> = {
  domestic: { en: 'Domestic', sr: 'Domaći' },
  international: { en: 'International', sr: 'Strani' },
};

const SCRIPT_LABELS: Record<string, Pair> = {
  Latn: { en: 'Latin', sr: 'latinica' },
  Cyrl: { en: 'Cyrillic', sr: 'ćirilica' },
  none: { en: 'mixed or none', sr: 'mešovito ili bez slova' },
};

const LANG_LABELS: Record<string, Pair> = {
  sr: { en: 'Serbian (and related)', sr: 'srpski (i srodni)' },
  en: { en: 'English', sr: 'engleski' },
  de: { en: 'German', sr: 'nemački' },
  fr: { en: 'French', sr: 'francuski' },
  it: { en: 'Italian', sr: 'italijanski' },
  es: { en: 'Spanish', sr: 'španski' },
  mk: { en: 'Macedonian', sr: 'makedonski' },
  sl: { en: 'Slovenian', sr: 'slovenački' },
  ru: { en: 'Russian', sr: 'ruski' },
  und: { en: 'undetermined', sr: 'neodređen' },
};

/** Words that stay in Latin letters in Cyrillic text (formats, the product's name). */
const KEEP_LATIN = ['Nadzor Watch', 'CSV', 'JSON'];

/** Serbian Latin to Cyrillic, keeping KEEP_LATIN (and, as latinToCyrillic does, foreign words). */
export function toCyrillic(text: string): string {
  const kept: string[] = [];
  let marked = text;
  for (const word of KEEP_LATIN) {
    marked = marked.split(word).join(`\u0001${kept.length}\u0002`);
    kept.push(word);
  }
  return latinToCyrillic(marked).replace(/\u0001(\d+)\u0002/g, (_, i: string) => kept[Number(i)]);
}

/** A pair in the interface language. */
export function pick(pair: Pair, lang: UiLang): string {
  if (lang === 'en') return pair.en;
  return lang === 'sr-Cyrl' ? toCyrillic(pair.sr) : pair.sr;
}

export function t(key: StringKey, lang: UiLang): string {
  return pick(STRINGS[key], lang);
}

export function topicLabel(topic: string, lang: UiLang): string {
  const pair = TOPIC_LABELS[topic as Topic];
  return pair ? pick(pair, lang) : topic;
}

export function scopeLabel(scope: string, lang: UiLang): string {
  return SCOPE_LABELS[scope] ? pick(SCOPE_LABELS[scope], lang) : scope;
}

export function scriptLabel(script: string, lang: UiLang): string {
  return SCRIPT_LABELS[script] ? pick(SCRIPT_LABELS[script], lang) : script;
}

export function langLabel(code: string, lang: UiLang): string {
  return LANG_LABELS[code] ? pick(LANG_LABELS[code], lang) : code;
}

/** BCP 47 locale for number and date formatting. */
export function locale(lang: UiLang): string {
  return lang === 'en' ? 'en-GB' : `${lang}-RS`;
}

export function formatNumber(n: number, lang: UiLang): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

export function formatPercent(share: number, lang: UiLang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A bucket's first day for an axis or a list: "3 Mar", "mar 2025". Buckets are UTC days. */
export function formatDay(date: Date, lang: UiLang, style: 'day' | 'month' | 'full'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'month' ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
    : style === 'day' ? { day: 'numeric', month: 'short', timeZone: 'UTC' }
    : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale(lang), options).format(date);
}
