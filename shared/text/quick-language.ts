import { detectScript, type Script } from './script';

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

const LANGS = Object.keys(FUNCTION_WORDS);
/** For each function word, the indices (into LANGS) of the languages that use it. */
const WORD_LANGS = new Map<string, number[]>();
LANGS.forEach((lang, i) => {
  for (const w of FUNCTION_WORDS[lang]) WORD_LANGS.set(w, [...(WORD_LANGS.get(w) ?? []), i]);
});

/** The languages (as opaque indices) whose function word this folded token is, if any. */
export function functionWordLanguages(folded: string): readonly number[] | undefined {
  return WORD_LANGS.get(folded);
}

/**
 * `foldedTokens` are the text's tokens after `fold` (lower case, Latin, no diacritics);
 * `text` is the original, for the script and the alphabet-specific letters (a caller that
 * knows the script may pass it).
 */
export function quickLanguage(text: string, foldedTokens: string[], script = detectScript(text)): string {
  const hits = newFunctionWordHits();
  for (const token of foldedTokens) addFunctionWordHits(hits, functionWordLanguages(token));
  return quickLanguageFrom(script, letterCuesOf(text), hits);
}

/*
 * Letters that only some alphabets have, as bits: the classifier ORs each word's cues (cached
 * per word) instead of scanning the whole text with one regular expression per alphabet.
 */
const CUE_SR_CYRL = 1; // ђ ћ
const CUE_MK = 2; // ѓ ќ ѕ
const CUE_RU = 4; // ы э
const CUE_BG = 8; // ъ
const CUE_UK = 16; // і ї є ґ
const CUE_SR_MK = 32; // ј љ њ џ: Serbian or Macedonian
const CUE_SH_LATN = 64; // ć đ: the Serbo-Croatian Latin alphabets alone among the languages here

const CUE_OF = new Map<number, number>();
for (const [letters, cue] of [
  ['ђћЂЋ', CUE_SR_CYRL], ['ѓќѕЃЌЅ', CUE_MK], ['ыэЫЭ', CUE_RU], ['ъЪ', CUE_BG],
  ['іїєґІЇЄҐ', CUE_UK], ['јљњџЈЉЊЏ', CUE_SR_MK], ['ćđĆĐ', CUE_SH_LATN],
] as const) {
  for (const letter of letters) CUE_OF.set(letter.charCodeAt(0), cue);
}

/** The alphabet cues (bits) of the letters in a text. */
export function letterCuesOf(text: string): number {
  let cues = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Every cue letter is Cyrillic (U+0400-U+052F) or ć/đ (U+0106-U+0111).
    if ((c >= 0x400 && c <= 0x52f) || (c >= 0x106 && c <= 0x111)) cues |= CUE_OF.get(c) ?? 0;
  }
  return cues;
}

/** A zeroed tally of function-word hits per language, for addFunctionWordHits. */
export const newFunctionWordHits = (): Float64Array => new Float64Array(LANGS.length);

/** Counts one token's function-word languages (each language shares the word's one vote). */
export function addFunctionWordHits(hits: Float64Array, langs: readonly number[] | undefined): void {
  if (langs) for (const l of langs) hits[l] += 1 / langs.length;
}

/**
 * The guess from the script, the alphabet cues of the text's letters and its function-word
 * tallies: Cyrillic is decided by its letters, other text by its function words, with ć/đ
 * saying Serbo-Croatian when the words do not decide.
 */
export function quickLanguageFrom(script: Script | null, cues: number, hits: Float64Array): string {
  if (script === 'Cyrl') {
    if (cues & CUE_SR_CYRL) return 'sr';
    if (cues & CUE_MK) return 'mk';
    if (cues & CUE_RU) return 'ru';
    if (cues & CUE_BG) return 'bg';
    if (cues & CUE_UK) return 'uk';
    // Ј, Љ, Њ and Џ are Serbian or Macedonian; Macedonian text nearly always shows ѓ/ќ/ѕ or "и"-less forms.
    if (cues & CUE_SR_MK) return 'sr';
    return 'und';
  }
  let best = 'und';
  let bestScore = 0;
  let secondScore = 0;
  hits.forEach((score, i) => {
    if (score > bestScore) {
      secondScore = bestScore;
      best = LANGS[i];
      bestScore = score;
    } else if (score > secondScore) {
      secondScore = score;
    }
  });
  // Enough function words, clearly ahead of the runner-up; one word alone proves nothing.
  const decided = secondScore === 0 ? bestScore >= 1 : bestScore >= 1.5 && bestScore >= secondScore * 1.3;
  if (decided) return best;
  return cues & CUE_SH_LATN ? 'sr' : 'und';
}
