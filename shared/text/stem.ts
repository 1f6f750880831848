import { stemmer as serbianStemmer } from '@orama/stemmers/serbian';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { cyrillicToLatin } from './transliterate';

/**
 * Stemming with the Snowball stemmers packaged by @orama/stemmers (maintained, pure JS,
 * no Node-only imports, so it bundles into the browser extension). The Serbian Snowball
 * stemmer (Snowball 2.1+) reads Latin; Cyrillic words are transliterated first, so
 * "камерама", "kamerama" and "kamere" all stem to "kamer".
 */
export type StemLanguage = 'sr' | 'en';

/** Stems are cached per language: the same words recur in every news feed. */
const caches: Record<StemLanguage, Map<string, string>> = { sr: new Map(), en: new Map() };
const CACHE_LIMIT = 100_000;

export function stem(word: string, lang: StemLanguage): string {
  const cache = caches[lang];
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const lower = word.toLowerCase();
  const result = lang === 'en' ? englishStemmer(lower) : serbianStemmer(cyrillicToLatin(lower));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}
