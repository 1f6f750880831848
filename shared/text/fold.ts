import { cyrillicToLatin } from './transliterate';

/**
 * Cyrillic letters of the neighbouring languages (Macedonian, Russian, Bulgarian, Ukrainian)
 * that Serbian lacks, folded to a Latin approximation so that folded text is always Latin.
 */
const OTHER_CYRILLIC: Record<string, string> = {
  ѓ: 'gj', ќ: 'kj', ѕ: 'dz', ѐ: 'e', ѝ: 'i', й: 'j', ы: 'y', э: 'e', ю: 'ju', я: 'ja',
  щ: 'sht', ъ: '', ь: '', ё: 'e', є: 'je', і: 'i', ї: 'ji', ґ: 'g',
};

/** Latin letters whose diacritics fold to more than the base letter. */
const SPECIAL_FOLD: Record<string, string> = { đ: 'dj', ß: 'ss', æ: 'ae', ø: 'o', ł: 'l' };

const foldCache = new Map<string, string>();

/**
 * Folding for matching: lower case, Cyrillic to Latin, diacritics off (š->s, č/ć->c,
 * ž->z, đ->dj), so "Препознавање лица", "prepoznavanje lica" and "prepoznavanje lica"
 * written without diacritics all become "prepoznavanje lica".
 */
export function fold(text: string): string {
  // Most inputs are plain ASCII words: a fast path avoids the Unicode work.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  const cached = text.length < 40 ? foldCache.get(text) : undefined;
  if (cached !== undefined) return cached;
  let s = cyrillicToLatin(text.toLowerCase());
  s = s.replace(/[ѓќѕѐѝйыэюящъьёєіїґđßæøł]/g, (c) => OTHER_CYRILLIC[c] ?? SPECIAL_FOLD[c] ?? c);
  s = s.normalize('NFD').replace(/\p{M}+/gu, '');
  if (text.length < 40) {
    if (foldCache.size > 50_000) foldCache.clear();
    foldCache.set(text, s);
  }
  return s;
}
