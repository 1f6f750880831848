/**
 * The dashboard's words in English and Serbian (Latin); Serbian Cyrillic is transliterated
 * from the Latin, as everywhere in the project (shared/context/localize.ts).
 */
import { languageName } from '../../../../shared/model/language-names';
import { topicName } from '../../../../shared/model/topic-names';
import { uiCyrillic } from '../../../../shared/text/ui-cyrillic';

export type UiLang = 'sr-Latn' | 'sr-Cyrl' | 'en';
export const UI_LANGS: readonly UiLang[] = ['sr-Latn', 'sr-Cyrl', 'en'];

type Pair = { en: string; sr: string };

const STRINGS = {
  title: { en: 'Nadzor Watch: coverage', sr: 'Nadzor Watch: medijsko praćenje' },
  subtitle: {
    en: 'How much the media report on biometric surveillance in Serbia, where, and who is named.',
    sr: 'Koliko mediji izveštavaju o biometrijskom nadzoru u Srbiji, gde i ko se pominje.',
  },
  'lang.label': { en: 'Interface language', sr: 'Jezik interfejsa' },
  'filters.label': { en: 'What to count', sr: 'Šta se broji' },
  'period.label': { en: 'Period', sr: 'Period' },
  'period.preset': { en: 'Period', sr: 'Period' },
  'period.from': { en: 'From', sr: 'Od' },
  'period.to': { en: 'To', sr: 'Do' },
  'period.interval': { en: 'Per', sr: 'Po' },
  'period.relevant': { en: 'Articles', sr: 'Članci' },
  'period.apply': { en: 'Show', sr: 'Prikaži' },
  'period.reset': { en: 'Clear filters', sr: 'Poništi filtere' },
  'preset.this-month': { en: 'This month', sr: 'Ovaj mesec' },
  'preset.last-month': { en: 'Last month', sr: 'Prošli mesec' },
  'preset.this-quarter': { en: 'This quarter', sr: 'Ovo tromesečje' },
  'preset.last-quarter': { en: 'Last quarter', sr: 'Prošlo tromesečje' },
  'preset.this-year': { en: 'This year', sr: 'Ova godina' },
  'preset.last-year': { en: 'Last year', sr: 'Prošla godina' },
  'preset.ytd': { en: 'Year to date', sr: 'Od početka godine' },
  'preset.custom': { en: 'Custom dates', sr: 'Izabrani datumi' },
  'interval.day': { en: 'day', sr: 'danu' },
  'interval.week': { en: 'week', sr: 'nedelji' },
  'interval.month': { en: 'month', sr: 'mesecu' },
  'relevant.true': { en: 'about the subject', sr: 'o temi' },
  'relevant.all': { en: 'all stored', sr: 'svi sačuvani' },
  'relevant.false': { en: 'not about the subject', sr: 'nisu o temi' },
  'filter.topic': { en: 'Topic', sr: 'Tema' },
  'filter.scope': { en: 'Media', sr: 'Mediji' },
  'filter.outlet': { en: 'Outlet', sr: 'Medij' },
  'filter.lang': { en: 'Language', sr: 'Jezik' },
  'filter.script': { en: 'Script', sr: 'Pismo' },
  'filter.org': { en: 'Naming', sr: 'Pominje' },
  'filter.q': { en: 'Words (Latin or Cyrillic)', sr: 'Reči (latinica ili ćirilica)' },
  'filter.any': { en: 'all', sr: 'sve' },
  'filter.anyOutlet': { en: 'all outlets', sr: 'svi mediji' },
  'filter.anyOrg': { en: 'anyone or no one', sr: 'bilo koga ili nikoga' },
  'status.loading': { en: 'Loading…', sr: 'Učitavanje…' },
  'status.error': { en: 'Could not load the data: ', sr: 'Podaci nisu učitani: ' },
  'status.empty': { en: 'No articles in this period with these filters.', sr: 'Nema članaka u ovom periodu sa ovim filterima.' },
  'status.badDates': { en: 'The start date must not be after the end date.', sr: 'Početni datum ne sme biti posle krajnjeg.' },
  'card.articles': { en: 'articles', sr: 'članaka' },
  'card.stories': { en: 'distinct stories', sr: 'različitih priča' },
  'card.domestic': { en: 'in domestic media', sr: 'u domaćim medijima' },
  'card.international': { en: 'in international media', sr: 'u stranim medijima' },
  'card.previous': { en: 'previous {days} days: {n}', sr: 'prethodnih {days} dana: {n}' },
  'card.change.new': { en: 'new', sr: 'novo' },
  'card.change.same': { en: 'no change', sr: 'bez promene' },
  'fresh.line': {
    en: 'Feeds last read {when} (Belgrade time). {feeds} feeds: {failing} failing, {paused} paused.',
    sr: 'Izvori poslednji put pročitani {when} (po beogradskom vremenu). Izvora: {feeds}; ne rade: {failing}, pauzirani: {paused}.',
  },
  'fresh.never': { en: 'No feed has been read yet.', sr: 'Nijedan izvor još nije pročitan.' },
  'chart.coverage': { en: 'Coverage over time', sr: 'Izveštavanje kroz vreme' },
  'chart.scope': { en: 'Domestic and international media', sr: 'Domaći i strani mediji' },
  'chart.outlet': { en: 'By outlet', sr: 'Po mediju' },
  'chart.lang': { en: 'By language', sr: 'Po jeziku' },
  'chart.script': { en: 'By script', sr: 'Po pismu' },
  'chart.topic': { en: 'By topic', sr: 'Po temi' },
  'chart.mentions': { en: 'Organisations named (top 6)', sr: 'Pominjane organizacije (prvih 6)' },
  'chart.table': { en: 'Show as a table', sr: 'Prikaži kao tabelu' },
  'chart.empty': { en: 'Nothing to show: no articles match.', sr: 'Nema šta da se prikaže: nijedan članak ne odgovara.' },
  'chart.partial': {
    en: '* partial {interval}: only the days inside the period are counted.',
    sr: '* nepotpun period: broje se samo dani unutar izabranog perioda.',
  },
  'chart.hint': {
    en: 'Click a point, or focus the chart and use the arrow keys and Enter, to list its articles.',
    sr: 'Kliknite tačku, ili fokusirajte grafikon pa koristite strelice i Enter, da vidite njene članke.',
  },
  'chart.summary': { en: '{what} per {interval}, {from} – {to}: {total} in all, most {max} ({at}).', sr: '{what} po {interval}, {from} – {to}: ukupno {total}, najviše {max} ({at}).' },
  'outlets.others': { en: 'Other outlets ({n})', sr: 'Ostali mediji ({n})' },
  'outlets.all': { en: 'All {n} outlets', sr: 'Svi mediji ({n})' },
  'series.articles': { en: 'Articles', sr: 'Članci' },
  'series.stories': { en: 'Stories', sr: 'Priče' },
  'axis.period': { en: 'Period', sr: 'Period' },
  'axis.outlet': { en: 'Outlet', sr: 'Medij' },
  'axis.scope': { en: 'Media', sr: 'Mediji' },
  'axis.lang': { en: 'Language', sr: 'Jezik' },
  'axis.script': { en: 'Script', sr: 'Pismo' },
  'axis.topic': { en: 'Topic', sr: 'Tema' },
  'mentions.title': { en: 'Organisation mentions', sr: 'Pominjanje organizacija' },
  'mentions.note': {
    en: 'Articles naming each organisation, in any script. Share of coverage: of all articles in the period. Share of voice: of all mentions of tracked organisations.',
    sr: 'Članci u kojima se organizacija pominje, u bilo kom pismu. Udeo u izveštavanju: od svih članaka u periodu. Udeo glasa: od svih pominjanja praćenih organizacija.',
  },
  'mentions.org': { en: 'Organisation', sr: 'Organizacija' },
  'mentions.articles': { en: 'Articles', sr: 'Članci' },
  'mentions.share': { en: 'Share of coverage', sr: 'Udeo u izveštavanju' },
  'mentions.voice': { en: 'Share of voice', sr: 'Udeo glasa' },
  'latest.title': { en: 'Latest stories', sr: 'Najnovije priče' },
  'latest.why': { en: 'Why: ', sr: 'Zašto: ' },
  'latest.decidedTitle': { en: 'Decided on: the title (the feed gives no text)', sr: 'Odlučeno na osnovu: naslova (feed nema tekst)' },
  'latest.decidedLead': { en: 'Decided on: the title and the feed text', sr: 'Odlučeno na osnovu: naslova i teksta iz feeda' },
  'latest.decidedPage': { en: 'Decided on: the title, the feed text and the article page', sr: 'Odlučeno na osnovu: naslova, teksta iz feeda i stranice članka' },
  'latest.pageStatus': { en: 'article page', sr: 'stranica članka' },
  'latest.none': { en: 'No stories in this period.', sr: 'Nema priča u ovom periodu.' },
  'latest.outlets': { en: '{n} articles: {outlets}', sr: 'Članaka: {n}; mediji: {outlets}' },
  'latest.outlets.one': { en: '1 article: {outlets}', sr: 'Članaka: 1; medij: {outlets}' },
  'drill.title': { en: 'Articles behind the count', sr: 'Članci iza broja' },
  'drill.count': { en: '{articles} articles in {stories} stories', sr: 'Članaka: {articles}, priča: {stories}' },
  'drill.more': { en: 'Show more', sr: 'Prikaži još' },
  'drill.close': { en: 'Close', sr: 'Zatvori' },
  'drill.csv': { en: 'These articles as CSV', sr: 'Ovi članci kao CSV' },
  'drill.matching': { en: '{n} of its articles counted', sr: 'Uračunatih članaka: {n}' },
  'exports.title': { en: 'Export and print', sr: 'Izvoz i štampa' },
  'exports.note': {
    en: 'For the view above, in the interface language and Belgrade time, every week (or day, month) listed, empty ones too. Excel in a Serbian locale expects “;”.',
    sr: 'Za prikaz iznad, na jeziku interfejsa i po beogradskom vremenu, sa svakom nedeljom (danom, mesecom), i praznim. Excel na srpskom očekuje „;“.',
  },
  'exports.separator': { en: 'CSV separator', sr: 'Razdvajač u CSV-u' },
  'sep.semicolon': { en: 'semicolon ;', sr: 'tačka-zarez ;' },
  'sep.comma': { en: 'comma ,', sr: 'zarez ,' },
  'sep.tab': { en: 'tab', sr: 'tabulator' },
  'exports.articles': { en: 'Articles', sr: 'Članci' },
  'exports.coverage': { en: 'Coverage', sr: 'Izveštavanje' },
  'exports.scope': { en: 'Coverage by media', sr: 'Izveštavanje po vrsti medija' },
  'exports.outlet': { en: 'Coverage by outlet', sr: 'Izveštavanje po mediju' },
  'exports.topic': { en: 'Coverage by topic', sr: 'Izveštavanje po temi' },
  'exports.mentions': { en: 'Mentions', sr: 'Pominjanja' },
  'exports.print': { en: 'Print a one-page report', sr: 'Odštampaj izveštaj na jednoj strani' },
  'report.title': { en: 'Coverage report', sr: 'Izveštaj o medijskom praćenju' },
  'report.filters': { en: 'Filters: {filters}', sr: 'Filteri: {filters}' },
  'report.none': { en: 'none', sr: 'bez' },
  partial: { en: 'partial', sr: 'nepotpun' },
  footer: {
    en: 'Counts come from the news feeds Nadzor Watch reads and the articles added by hand. A story is one report carried by several outlets. Dates are Belgrade time.',
    sr: 'Brojevi potiču iz vesti koje Nadzor Watch prati i članaka dodatih ručno. Priča je jedan izveštaj koji prenosi više medija. Datumi su po beogradskom vremenu.',
  },
} satisfies Record<string, Pair>;

export type StringKey = keyof typeof STRINGS;

const SCOPE_LABELS: Record<string, Pair> = {
  domestic: { en: 'Domestic', sr: 'Domaći' },
  international: { en: 'International', sr: 'Strani' },
};

const SCRIPT_LABELS: Record<string, Pair> = {
  Latn: { en: 'Latin', sr: 'latinica' },
  Cyrl: { en: 'Cyrillic', sr: 'ćirilica' },
  none: { en: 'mixed or none', sr: 'mešovito ili bez slova' },
};

/** Serbian Latin to Cyrillic, keeping brand names, hashtags and formats Latin (shared/text/ui-cyrillic.ts). */
export const toCyrillic = uiCyrillic;

/** A pair in the interface language. */
export function pick(pair: Pair, lang: UiLang): string {
  if (lang === 'en') return pair.en;
  return lang === 'sr-Cyrl' ? toCyrillic(pair.sr) : pair.sr;
}

/** The string `key`, with {placeholders} filled in (values are inserted as they are). */
export function t(key: StringKey, lang: UiLang, values: Record<string, string | number> = {}): string {
  return pick(STRINGS[key], lang).replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** A topic's one name, as in alerts, exports and the extension. */
export function topicLabel(topic: string, lang: UiLang): string {
  return topicName(topic, lang);
}

export function scopeLabel(scope: string, lang: UiLang): string {
  return SCOPE_LABELS[scope] ? pick(SCOPE_LABELS[scope], lang) : scope;
}

export function scriptLabel(script: string, lang: UiLang): string {
  return SCRIPT_LABELS[script] ? pick(SCRIPT_LABELS[script], lang) : script;
}

/** A language code as a name in the interface language ("sv" -> "švedski"). */
export function langLabel(code: string, lang: UiLang): string {
  return languageName(code, lang);
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

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: UiLang, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${style}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale(lang), options)));
  return f;
}

/**
 * A bucket's first day (YYYY-MM-DD, a calendar day) for an axis, a table or a list, always with
 * its year: "3 Mar 2025", "Mar 2025".
 */
export function formatBucket(day: string, lang: UiLang, interval: 'day' | 'week' | 'month'): string {
  const date = new Date(`${day}T12:00:00Z`);
  const f =
    interval === 'month'
      ? dateFormat(lang, 'month', { month: 'short', year: 'numeric', timeZone: 'UTC' })
      : dateFormat(lang, 'day', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return f.format(date);
}

/** A bucket for a chart axis, on two lines with its year: "3 Mar" / "2025", "Mar" / "2025". */
export function formatAxis(day: string, lang: UiLang, interval: 'day' | 'week' | 'month'): string {
  const date = new Date(`${day}T12:00:00Z`);
  const head =
    interval === 'month'
      ? dateFormat(lang, 'axis-month', { month: 'short', timeZone: 'UTC' })
      : dateFormat(lang, 'axis-day', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const year = dateFormat(lang, 'axis-year', { year: 'numeric', timeZone: 'UTC' });
  return `${head.format(date)}\n${year.format(date)}`;
}

/** An instant in Belgrade time: "3 Mar 2025, 10:00". */
export function formatInstant(iso: string, lang: UiLang, withTime = true): string {
  const f = withTime
    ? dateFormat(lang, 'instant', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Belgrade' })
    : dateFormat(lang, 'instant-day', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Belgrade' });
  return f.format(new Date(iso));
}
