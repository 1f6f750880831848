/**
 * franc's ISO 639-3 codes for the Serbo-Croatian family. franc cannot tell these apart
 * reliably (they are one language with several standards), so they are one group, reported
 * as "sr".
 */
export const SERBO_CROATIAN = new Set(['srp', 'hrv', 'bos', 'cnr', 'hbs']);

/** ISO 639-3 -> ISO 639-1 for the languages the product meets; others keep franc's code. */
const ISO1: Record<string, string> = {
  eng: 'en', deu: 'de', fra: 'fr', ita: 'it', por: 'pt', spa: 'es', pol: 'pl', ces: 'cs',
  slk: 'sk', slv: 'sl', mkd: 'mk', bul: 'bg', rus: 'ru', ukr: 'uk', nld: 'nl', swe: 'sv',
  hun: 'hu', ron: 'ro', sqi: 'sq', als: 'sq', tur: 'tr', ell: 'el',
};

/** Maps franc's code or a hint such as "hr", "sr-Latn", "bs" to the product's codes. */
export function normalizeLanguageCode(code: string): string {
  const base = code.toLowerCase().split(/[-_]/)[0];
  if (SERBO_CROATIAN.has(base) || ['sr', 'hr', 'bs', 'sh', 'me'].includes(base)) return 'sr';
  return ISO1[base] ?? base;
}

