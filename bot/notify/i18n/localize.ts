import { topicName } from '../../../shared/model/topic-names';
import { uiCyrillic } from '../../../shared/text/ui-cyrillic';
import type { Topic } from '../../../shared/model/types';
import type { AlertLanguage } from './language';
import { EN, SR, type Entry, type Key } from './strings';

export type Params = Record<string, string | number>;

/** The CLDR plural rules from Intl (Node ships full ICU), one instance per language. */
const PLURAL_RULES = { sr: new Intl.PluralRules('sr'), en: new Intl.PluralRules('en') };

/**
 * CLDR plural category of a count in Serbian (one: 1, 21, 31…; few: 2-4, 22-24…; other) or
 * English (one, other), from `Intl.PluralRules`. Categories our catalogue has no form for
 * (none in these two languages today) fall back to 'other'.
 */
export function pluralCategory(lang: AlertLanguage, n: number): 'one' | 'few' | 'other' {
  const category = PLURAL_RULES[lang === 'en' ? 'en' : 'sr'].select(Math.abs(Math.trunc(n)));
  return category === 'one' || category === 'few' ? category : 'other';
}

function template(lang: AlertLanguage, entry: Entry, params: Params): string {
  if (typeof entry === 'string') return entry;
  const form = pluralCategory(lang, Number(params.n ?? 0));
  return (form === 'few' ? entry.few : form === 'one' ? entry.one : entry.other) ?? entry.other;
}

/**
 * The sentence `key` in `lang` with its parameters filled in. For sr-Cyrl only the catalogue's
 * own words are transliterated, never the parameters: those are feed text, outlet names, URLs
 * and numbers that must reach the reader exactly as they are.
 */
export function t(lang: AlertLanguage, key: Key, params: Params = {}): string {
  const entry = lang === 'en' ? EN[key] : (SR[key] as Entry);
  const text = template(lang, entry, params);
  return text
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (m) return m[1] in params ? String(params[m[1]]) : part;
      return lang === 'sr-Cyrl' ? uiCyrillic(part) : part;
    })
    .join('');
}

/** Fixed Serbian text (not from the catalogue) in the reader's script. */
export function serbianIn(lang: AlertLanguage, latin: string): string {
  return lang === 'sr-Cyrl' ? uiCyrillic(latin) : latin;
}

/** A topic's one name (shared/model/topic-names.ts), as on the dashboard and in the extension. */
export function topicLabel(lang: AlertLanguage, topic: Topic): string {
  return topicName(topic, lang);
}

/**
 * A topic as a hashtag that Telegram and Discord users can search: letters, digits and
 * underscores only (Telegram ends a hashtag at the first other character).
 */
export function topicTag(lang: AlertLanguage, topic: Topic): string {
  const words = topicLabel(lang, topic)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return '#' + words.join('_');
}

/** A score in 0..1 with two decimals, with the reader's decimal separator. */
export function formatScore(lang: AlertLanguage, score: number): string {
  const text = (Math.round(score * 100) / 100).toFixed(2);
  return lang === 'en' ? text : text.replace('.', ',');
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(iso: string, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const get = (type: string) => f.formatToParts(new Date(iso)).find((p) => p.type === type)?.value ?? '';
  return { year: get('year'), month: Number(get('month')), day: Number(get('day')), hour: get('hour'), minute: get('minute') };
}

/**
 * A date and time as people in Serbia write it ("3. 3. 2025. 11:00") or in English
 * ("3 Mar 2025, 11:00"), in the given zone (Europe/Belgrade by default: the outlets' own).
 */
export function formatDateTime(lang: AlertLanguage, iso: string | null, timeZone = 'Europe/Belgrade'): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return t(lang, 'date.unknown');
  const p = parts(iso, timeZone);
  if (lang === 'en') return `${p.day} ${EN_MONTHS[p.month - 1]} ${p.year}, ${p.hour}:${p.minute}`;
  return `${p.day}. ${p.month}. ${p.year}. ${p.hour}:${p.minute}`;
}

/** A day without the time, same conventions. */
export function formatDay(lang: AlertLanguage, iso: string, timeZone = 'Europe/Belgrade'): string {
  const p = parts(iso, timeZone);
  if (lang === 'en') return `${p.day} ${EN_MONTHS[p.month - 1]} ${p.year}`;
  return `${p.day}. ${p.month}. ${p.year}.`;
}

/** "A, B, C" with at most `max` names, then "+N". */
export function listNames(names: readonly string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} +${names.length - max}`;
}
