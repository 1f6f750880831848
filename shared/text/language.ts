import { francAll } from 'franc-min';
import { detectScript } from './script';
import { normalizeLanguageCode } from './language-codes';

export { normalizeLanguageCode };

/** Letters that exist only in Serbian Cyrillic among Cyrillic alphabets (not in mk/bg/ru). */
const SERBIAN_ONLY_CYRILLIC = /[ђћЂЋ]/;
/** Letters of the other Cyrillic alphabets that Serbian lacks. */
const NON_SERBIAN_CYRILLIC = /[ѓќѕЃЌЅыэъщяюёйЫЭЪЩЯЮЁЙіїєґІЇЄҐ]/;

/** Below this many letters franc's guesses are too often wrong (titles, short leads). */
const MIN_LETTERS = 20;

export interface LanguageGuess {
  /** ISO 639-1 code ('sr' for the Serbo-Croatian group), or 'und' when not confident. */
  lang: string;
  /** True when the text was long enough, or its letters unambiguous, to trust the answer. */
  confident: boolean;
}

/**
 * Language of a text with franc, grouping Serbian, Croatian, Bosnian and Montenegrin as "sr".
 * Short texts are answered only from letters that settle the matter (Serbian-only Cyrillic
 * letters); otherwise they get "und" rather than a confident wrong answer.
 */
export function detectLanguage(text: string): LanguageGuess {
  const letters = text.replace(/[^\p{L}]/gu, '');
  const script = detectScript(text);
  if (script === 'Cyrl' && SERBIAN_ONLY_CYRILLIC.test(text) && !NON_SERBIAN_CYRILLIC.test(text)) {
    return { lang: 'sr', confident: true };
  }
  if (script === 'Cyrl' && /[ѓќѕЃЌЅ]/.test(text)) return { lang: 'mk', confident: true };
  if (letters.length < MIN_LETTERS) return { lang: 'und', confident: false };
  const ranked = francAll(text, { minLength: MIN_LETTERS });
  const [best, second] = ranked;
  if (!best || best[0] === 'und') return { lang: 'und', confident: false };
  let lang = normalizeLanguageCode(best[0]);
  // Cyrillic text without the letters of mk/bg/ru that franc still ranks mk/bg first is
  // usually Serbian; franc's Cyrillic profiles are close.
  if (script === 'Cyrl' && ['mk', 'bg'].includes(lang) && !NON_SERBIAN_CYRILLIC.test(text) && /[јљњџЈЉЊЏ]/.test(text)) {
    lang = 'sr';
  }
  // A near tie between two different groups on a short text is not a confident answer.
  const close = second !== undefined && normalizeLanguageCode(second[0]) !== lang && second[1] > 0.97;
  const confident = letters.length >= 60 || !close;
  return { lang: confident ? lang : 'und', confident };
}
