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
    const n = countLetters(text);
    cyr += n.cyrillic;
    lat += n.latin;
  }
  return scriptOfCounts(cyr, lat);
}

/**
 * The Cyrillic letters (U+0400-U+052F) and Latin letters (ASCII, Latin-1 and Latin Extended;
 * × and ÷ are no letters) of a text.
 */
export function countLetters(text: string): { cyrillic: number; latin: number } {
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x52f) cyrillic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) latin++;
  }
  return { cyrillic, latin };
}

/** The script from counts of Cyrillic and Latin letters (callers that count per word). */
export function scriptOfCounts(cyr: number, lat: number): Script | null {
  const total = cyr + lat;
  if (total === 0) return null;
  if (cyr / total >= 2 / 3) return 'Cyrl';
  if (lat / total >= 2 / 3) return 'Latn';
  return null;
}
