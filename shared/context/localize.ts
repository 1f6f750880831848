/**
 * Turning the stored English / Serbian Latin text into what an interface shows. Serbian
 * Cyrillic is produced from the Latin text; brand names, hashtags and acronyms (#hiljadekamera,
 * EDRi, SHARE, Huawei, ReclaimYourFace) and URLs stay Latin, as Serbian Cyrillic texts usually
 * keep them (shared/text/ui-cyrillic.ts).
 */
import { uiCyrillic } from '../text/ui-cyrillic';
import type { Localized, PartialDate } from './types';

/** The interface languages: English, Serbian in Latin script, Serbian in Cyrillic script. */
export type UiLang = 'en' | 'sr-Latn' | 'sr-Cyrl';

export const UI_LANGS: readonly UiLang[] = ['en', 'sr-Latn', 'sr-Cyrl'];

/** The text of `l` in `lang`; sr-Cyrl is transliterated from the Serbian Latin text. */
export function localize(l: Localized, lang: UiLang): string {
  if (lang === 'en') return l.en;
  if (lang === 'sr-Latn') return l.sr;
  return uiCyrillic(l.sr);
}

/**
 * A figure's value in `lang`: Serbian swaps the thousands and decimal separators
 * ("16,800+" -> "16.800+", "2.5" -> "2,5"); English keeps the stored form.
 */
export function localizeValue(value: string, lang: UiLang): string {
  if (lang === 'en') return value;
  return value.replace(/(?<=\d)[.,](?=\d)/g, (sep) => (sep === ',' ? '.' : ','));
}

const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
/** Month names alone ("septembar 2021.") and after a day, in the genitive ("23. septembra"). */
const MONTHS_SR = [
  'januar', 'februar', 'mart', 'april', 'maj', 'jun',
  'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar',
];
const MONTHS_SR_GEN = [
  'januara', 'februara', 'marta', 'aprila', 'maja', 'juna',
  'jula', 'avgusta', 'septembra', 'oktobra', 'novembra', 'decembra',
];

/**
 * A partial date as people write it: "2019", "September 2019", "23 September 2021" in
 * English; "2019.", "septembar 2019.", "23. septembra 2021." in Serbian.
 */
export function formatDate(date: PartialDate, lang: UiLang): string {
  const [year, month, day] = date.split('-');
  const m = month === undefined ? -1 : Number(month) - 1;
  const d = day === undefined ? undefined : String(Number(day));
  let out: string;
  if (lang === 'en') {
    if (m < 0) return year;
    out = d === undefined ? `${MONTHS_EN[m]} ${year}` : `${d} ${MONTHS_EN[m]} ${year}`;
    return out;
  }
  if (m < 0) out = `${year}.`;
  else if (d === undefined) out = `${MONTHS_SR[m]} ${year}.`;
  else out = `${d}. ${MONTHS_SR_GEN[m]} ${year}.`;
  return lang === 'sr-Cyrl' ? uiCyrillic(out) : out;
}
