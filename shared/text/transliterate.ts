/**
 * Serbian Cyrillic <-> Latin transliteration (the official one-to-one Vuk/Gaj mapping).
 *
 * Serbian has 30 letters in each script. Three Cyrillic letters become Latin digraphs
 * (Љ lj, Њ nj, Џ dž), so the Latin -> Cyrillic direction has to read digraphs, and both
 * directions have to keep case: "Љубљана" <-> "Ljubljana", "ЊЕГОШ" <-> "NJEGOŠ".
 */

const CYR_TO_LAT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i',
  ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', ћ: 'ć', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
};

/** Single Latin letters to Cyrillic (the digraphs are handled before these). */
const LAT_TO_CYR: Record<string, string> = {};
for (const [cyr, lat] of Object.entries(CYR_TO_LAT)) {
  if (lat.length === 1) LAT_TO_CYR[lat] = cyr;
}
const LAT_DIGRAPHS: Record<string, string> = { lj: 'љ', nj: 'њ', dž: 'џ' };

/** The 30 letters of the Serbian alphabet in Cyrillic order, lower case. */
export const SERBIAN_CYRILLIC_LETTERS = Object.keys(CYR_TO_LAT);

const isUpper = (ch: string | undefined): boolean =>
  ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();

const ANY_CYRILLIC = /[\u0400-\u04ff]/;

/** Serbian Cyrillic to Latin. Characters that are not Serbian Cyrillic pass through. */
export function cyrillicToLatin(text: string): string {
  // Most text the bot sees is Latin already: nothing to do, nothing to copy.
  if (!ANY_CYRILLIC.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const lower = ch.toLowerCase();
    const lat = CYR_TO_LAT[lower];
    if (lat === undefined) {
      out += ch;
      continue;
    }
    if (lower === ch) {
      out += lat;
    } else if (lat.length === 1) {
      out += lat.toUpperCase();
    } else {
      // A capital digraph letter is "LJ" inside an all-caps word ("ЊЕГОШ" -> "NJEGOŠ")
      // and "Lj" at the start of a capitalised word ("Љубљана" -> "Ljubljana").
      const next = text[i + 1];
      const prev = text[i - 1];
      const allCaps = isUpper(next) || (!/\p{L}/u.test(next ?? '') && isUpper(prev));
      out += allCaps ? lat.toUpperCase() : lat[0].toUpperCase() + lat.slice(1);
    }
  }
  return out;
}

/**
 * Latin spellings where "nj" or "dž" are two letters, not one (a prefix before ž, loanwords
 * such as injekcija). Matched against the lower-cased start of a word; that start is
 * converted letter by letter.
 */
const DIGRAPH_EXCEPTIONS: RegExp[] = [/^nadž/, /^podž/, /^odž/, /^injek/, /^konjug/, /^konjunk/];

/** A word with letters Serbian does not use (q, w, x, y) is foreign and stays Latin. */
const FOREIGN_WORD = /[qwxyQWXY]/;

/**
 * URLs, e-mail addresses, hashtags with foreign letters and domain names stay as they are.
 * Made on first use: a Unicode-property pattern costs about a millisecond to create, and the
 * extension's content script (which imports this module) starts on every news page.
 */
let protectedPattern: RegExp | undefined;
const PROTECTED = (): RegExp =>
  (protectedPattern ??= /(?:https?:\/\/|www\.)[^\s<>"']+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[a-z]{2,}|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:rs|com|org|net|eu|info|srb|io)\b(?:\/[^\s]*)?/giu);

function latinWordToCyrillic(word: string): string {
  if (FOREIGN_WORD.test(word)) return word;
  const lowerWord = word.toLowerCase();
  let prefix = '';
  let rest = word;
  for (const pattern of DIGRAPH_EXCEPTIONS) {
    const m = pattern.exec(lowerWord);
    if (m) {
      prefix = [...word.slice(0, m[0].length)].map(convertLetter).join('');
      rest = word.slice(m[0].length);
      break;
    }
  }
  let out = prefix;
  for (let i = 0; i < rest.length; i++) {
    const pair = rest.slice(i, i + 2);
    const dig = LAT_DIGRAPHS[pair.toLowerCase()];
    if (dig !== undefined) {
      out += isUpper(pair[0]) ? dig.toUpperCase() : dig;
      i++;
      continue;
    }
    out += convertLetter(rest[i]);
  }
  return out;
}

function convertLetter(ch: string): string {
  const lower = ch.toLowerCase();
  const cyr = LAT_TO_CYR[lower];
  if (cyr === undefined) return ch;
  return lower === ch ? cyr : cyr.toUpperCase();
}

/**
 * Serbian Latin to Cyrillic. Foreign words (with q, w, x or y), URLs, e-mail addresses and
 * domain names are left in Latin.
 */
export function latinToCyrillic(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PROTECTED())) {
    out += convertWords(text.slice(last, m.index));
    out += m[0];
    last = (m.index ?? 0) + m[0].length;
  }
  return out + convertWords(text.slice(last));
}

function convertWords(text: string): string {
  return text.replace(/[\p{L}\p{M}]+/gu, (word) => latinWordToCyrillic(word.normalize('NFC')));
}
