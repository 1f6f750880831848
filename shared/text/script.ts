/** Writing system of a text as an ISO 15924 code. */
export type Script = 'Latn' | 'Cyrl';

/**
 * The script of a text (given whole or in parts), decided by counting its letters. A text with no letters, or one
 * mixed so evenly that neither script has two thirds of the letters, gets null.
 */
export function detectScript(...texts: string[]): Script | null {
  let cyr = 0;
  let lat = 0;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isCyrillicLetter(c)) cyr++;
      else if (isLatinLetter(c)) lat++;
    }
  }
  return scriptOfCounts(cyr, lat);
}

export const isCyrillicLetter = (c: number): boolean => c >= 0x400 && c <= 0x52f;

/** ASCII letters and the Latin-1 and Latin Extended letters (× and ÷ are no letters). */
export const isLatinLetter = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);

/** The script from counts of Cyrillic and Latin letters (callers that count per word). */
export function scriptOfCounts(cyr: number, lat: number): Script | null {
  const total = cyr + lat;
  if (total === 0) return null;
  if (cyr / total >= 2 / 3) return 'Cyrl';
  if (lat / total >= 2 / 3) return 'Latn';
  return null;
}
