import { detectScript } from './script';

/**
 * A fast, small language guess for the classifier's hot path and the browser extension,
 * where franc is too slow (~0.8 ms an item) and too big (~175 KB minified). It counts
 * function words (which differ sharply between languages) and, for Cyrillic, the letters
 * that only one alphabet has. It answers "und" rather than guess on thin evidence;
 * `detectLanguage` (franc) is the thorough detector for stored articles.
 */
const FUNCTION_WORDS: Record<string, string[]> = {
  sr: ['i', 'u', 'je', 'da', 'se', 'na', 'za', 'su', 'od', 'sa', 'koji', 'koja', 'koje', 'sto', 'kao', 'iz', 'ce', 'bi', 'ali', 'ili', 'nije', 'kako', 'prema', 'nakon', 'biti', 'jer', 'vec', 'takodje', 'sve', 'ove', 'ovo', 'kod', 'do', 'po', 'pre', 'posle', 'godine',
    // Frequent words of Serbian news that no neighbour here shares.
    'srbije', 'srbiji', 'srbija', 'beogradu', 'beograda', 'beograd', 'vlada', 'gradjana', 'gradjani', 'nove', 'novi', 'nova', 'kamere', 'lica', 'policija', 'policije', 'ministarstvo', 'predsednik', 'danas', 'godina', 'zakona', 'zakon'],
  en: ['the', 'of', 'and', 'to', 'in', 'is', 'for', 'on', 'with', 'that', 'by', 'as', 'at', 'from', 'are', 'was', 'has', 'have', 'will', 'its', 'an', 'be', 'this', 'which', 'after', 'says'],
  de: ['der', 'die', 'das', 'und', 'ist', 'mit', 'von', 'den', 'dem', 'nicht', 'sich', 'auch', 'ein', 'eine', 'auf', 'fur', 'wird', 'des', 'im', 'zu'],
  fr: ['le', 'la', 'les', 'des', 'et', 'est', 'une', 'du', 'dans', 'pour', 'qui', 'que', 'sur', 'au', 'par', 'pas', 'avec', 'sont', 'ses'],
  it: ['il', 'di', 'che', 'della', 'per', 'una', 'sono', 'del', 'nel', 'alla', 'gli', 'dei', 'le', 'con', 'non', 'anche', 'essere'],
  pt: ['o', 'de', 'que', 'do', 'da', 'em', 'um', 'para', 'com', 'uma', 'os', 'no', 'na', 'por', 'mais', 'dos', 'das', 'sera', 'ate'],
  es: ['el', 'de', 'que', 'los', 'las', 'del', 'en', 'por', 'con', 'una', 'para', 'es', 'se', 'al', 'como', 'mas', 'pero'],
  pl: ['w', 'i', 'sie', 'nie', 'na', 'ze', 'jest', 'do', 'to', 'oraz', 'przez', 'jak', 'od', 'dla', 'po', 'ktore', 'ktory'],
  sl: ['in', 'je', 'v', 'da', 'se', 'na', 'za', 'so', 'ki', 'pa', 'tudi', 'z', 'ter', 'bo', 'kot', 'iz', 'po', 'ne'],
  cs: ['a', 'se', 'na', 'ze', 'je', 've', 'jako', 'ktery', 'ktera', 'ktere', 'pro', 'by', 'jsou', 'do', 'aby', 'byl'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'zijn', 'met', 'voor', 'niet', 'die', 'nog', 'zoals'],
  sv: ['och', 'att', 'det', 'som', 'en', 'ett', 'av', 'pa', 'ar', 'med', 'for', 'till', 'den', 'har', 'inte', 'om'],
  sq: ['dhe', 'te', 'ne', 'per', 'me', 'nga', 'se', 'qe', 'nje', 'eshte', 'si', 'ka', 'jane', 'u', 'tha'],
  hu: ['a', 'az', 'es', 'hogy', 'nem', 'is', 'egy', 'meg', 'van', 'de', 'mint', 'csak', 'volt', 'pedig'],
};

const WORD_LANGS = new Map<string, string[]>();
for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
  for (const w of words) WORD_LANGS.set(w, [...(WORD_LANGS.get(w) ?? []), lang]);
}

/**
 * `foldedTokens` are the text's tokens after `fold` (lower case, Latin, no diacritics);
 * `text` is the original, for the script and the alphabet-specific letters (a caller that
 * knows the script may pass it).
 */
export function quickLanguage(text: string, foldedTokens: string[], script = detectScript(text)): string {
  if (script === 'Cyrl') {
    if (/[ђћЂЋ]/.test(text)) return 'sr';
    if (/[ѓќѕЃЌЅ]/.test(text)) return 'mk';
    if (/[ыэЫЭ]/.test(text)) return 'ru';
    if (/[ъЪ]/.test(text)) return 'bg';
    if (/[іїєґІЇЄҐ]/.test(text)) return 'uk';
    // Ј, Љ, Њ and Џ are Serbian or Macedonian; Macedonian text nearly always shows ѓ/ќ/ѕ or "и"-less forms.
    if (/[јљњџЈЉЊЏ]/.test(text)) return 'sr';
    return 'und';
  }
  const hits = new Map<string, number>();
  for (const t of foldedTokens) {
    const langs = WORD_LANGS.get(t);
    if (langs) for (const l of langs) hits.set(l, (hits.get(l) ?? 0) + 1 / langs.length);
  }
  let best = 'und';
  let bestScore = 0;
  let secondScore = 0;
  for (const [lang, score] of hits) {
    if (score > bestScore) {
      secondScore = bestScore;
      best = lang;
      bestScore = score;
    } else if (score > secondScore) {
      secondScore = score;
    }
  }
  // Ć and đ belong to the Serbo-Croatian alphabets alone among the languages here.
  if (/[ćđĆĐ]/.test(text) && (best === 'sr' || bestScore < 1.5)) return 'sr';
  // Enough function words, clearly ahead of the runner-up; one word alone proves nothing.
  if (secondScore === 0 ? bestScore < 1 : bestScore < 1.5 || bestScore < secondScore * 1.3) return 'und';
  return best;
}
