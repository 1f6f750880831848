/** Serbian text handling: one language in two scripts, often written without diacritics. */
export { cyrillicToLatin, latinToCyrillic, SERBIAN_CYRILLIC_LETTERS } from './transliterate';
export { fold } from './fold';
export { tokenize } from './tokenize';
export { stem, type StemLanguage } from './stem';
export { detectScript, type Script } from './script';
export { detectLanguage, type LanguageGuess } from './language';
export { normalizeLanguageCode } from './language-codes';
export { quickLanguage } from './quick-language';
