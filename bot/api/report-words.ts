/**
 * The words of the exports (CSV headers and values) in the interface language: English,
 * Serbian Latin or Serbian Cyrillic. Topic and language names come from the shared vocabulary
 * (shared/model), so a spreadsheet says what the dashboard says. Serbian headers are ones the
 * importer reads back (naslov, medij, objavljeno, vrsta, link, tekst).
 */
import { localizeReasons } from '../../shared/classify/localize-reason';
import { languageName } from '../../shared/model/language-names';
import { topicName } from '../../shared/model/topic-names';
import { uiCyrillic } from '../../shared/text/ui-cyrillic';

export const REPORT_LANGS = ['en', 'sr-Latn', 'sr-Cyrl'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

const WORDS = {
  id: { en: 'ID', sr: 'ID' },
  published: { en: 'Published', sr: 'Objavljeno' },
  fetched: { en: 'Fetched', sr: 'Preuzeto' },
  outlet: { en: 'Outlet', sr: 'Medij' },
  scope: { en: 'Scope', sr: 'Vrsta' },
  lang: { en: 'Article language', sr: 'Jezik članka' },
  script: { en: 'Script', sr: 'Pismo' },
  relevant: { en: 'About the subject', sr: 'O temi' },
  score: { en: 'Score', sr: 'Ocena' },
  topics: { en: 'Topics', sr: 'Teme' },
  reasons: { en: 'Why', sr: 'Zašto' },
  story: { en: 'Story ID', sr: 'ID priče' },
  title: { en: 'Title', sr: 'Naslov' },
  url: { en: 'URL', sr: 'Link' },
  text: { en: 'Text', sr: 'Tekst' },
  bucket: { en: 'Period starting', sr: 'Period od' },
  partial: { en: 'Partial period', sr: 'Delimičan period' },
  articles: { en: 'Articles', sr: 'Članci' },
  stories: { en: 'Stories', sr: 'Priče' },
  org: { en: 'Organisation', sr: 'Organizacija' },
  allArticles: { en: 'All articles', sr: 'Svi članci' },
  share: { en: 'Share of coverage', sr: 'Udeo u izveštavanju' },
  'by.scope': { en: 'Scope', sr: 'Vrsta medija' },
  'by.outlet': { en: 'Outlet', sr: 'Medij' },
  'by.lang': { en: 'Language', sr: 'Jezik' },
  'by.script': { en: 'Script', sr: 'Pismo' },
  'by.topic': { en: 'Topic', sr: 'Tema' },
  all: { en: 'All', sr: 'Sve' },
  yes: { en: 'yes', sr: 'da' },
  no: { en: 'no', sr: 'ne' },
  domestic: { en: 'domestic', sr: 'domaći' },
  international: { en: 'international', sr: 'strani' },
  Latn: { en: 'Latin', sr: 'latinica' },
  Cyrl: { en: 'Cyrillic', sr: 'ćirilica' },
  none: { en: 'none', sr: 'nema' },
} satisfies Record<string, { en: string; sr: string }>;

export type ReportWord = keyof typeof WORDS;

/** Words for one export language. */
export function reportWords(lang: ReportLang) {
  const pick = (p: { en: string; sr: string }) => (lang === 'en' ? p.en : lang === 'sr-Cyrl' ? uiCyrillic(p.sr) : p.sr);
  const word = (key: ReportWord) => pick(WORDS[key]);
  const decimal = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sr-Latn-RS', { maximumFractionDigits: 4, useGrouping: false });
  return {
    word,
    /** Serbian Latin text (an organisation's Serbian name) in this language's script. */
    serbian: (latin: string) => (lang === 'sr-Cyrl' ? uiCyrillic(latin) : latin),
    yesNo: (b: boolean) => word(b ? 'yes' : 'no'),
    scope: (s: string) => (s === 'domestic' || s === 'international' ? word(s) : s),
    script: (s: string | null) => (s === 'Latn' || s === 'Cyrl' ? word(s) : word('none')),
    language: (code: string) => languageName(code, lang),
    topic: (t: string) => topicName(t, lang),
    reasons: (reasons: readonly string[]) => localizeReasons(reasons, lang),
    /** A fraction with the language's decimal separator ("0,3333" in Serbian spreadsheets). */
    decimal: (n: number) => decimal.format(n),
    /** A coverage key (scope, outlet, language, script or topic) as the dashboard names it. */
    key: (by: string | null, key: string) => {
      if (by === null) return word('all');
      if (by === 'scope') return word(key === 'international' ? 'international' : 'domestic');
      if (by === 'script') return key === 'Latn' || key === 'Cyrl' ? word(key) : word('none');
      if (by === 'lang') return languageName(key, lang);
      if (by === 'topic') return topicName(key, lang);
      return key;
    },
  };
}

export type ReportWords = ReturnType<typeof reportWords>;
