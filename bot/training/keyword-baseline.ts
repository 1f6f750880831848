
/**
 * The comparison point: a plain boolean keyword query of the kind a Google Alerts user
 * writes. Phrases match whole words, case- and diacritic-insensitively (as Google does), in
 * both scripts as written, with no stemming beyond the forms listed.
 */
export const KEYWORD_QUERY =
  '("prepoznavanje lica" OR "препознавање лица" OR "biometrijski nadzor" OR "биометријски надзор" OR ' +
  '"video nadzor" OR "видео надзор" OR "kamere" OR "камере" OR "face recognition" OR "facial recognition" OR ' +
  '"biometric surveillance" OR "Safe City" OR "Huawei") AND ("Srbija" OR "Srbiji" OR "Србија" OR "Србији" OR ' +
  '"Beograd" OR "Beogradu" OR "Београд" OR "Београду" OR "Serbia" OR "Belgrade")';

const ANY = [
  'prepoznavanje lica', 'препознавање лица', 'biometrijski nadzor', 'биометријски надзор', 'video nadzor',
  'видео надзор', 'kamere', 'камере', 'face recognition', 'facial recognition', 'biometric surveillance',
  'safe city', 'huawei',
];
const PLACES = ['srbija', 'srbiji', 'србија', 'србији', 'beograd', 'beogradu', 'београд', 'београду', 'serbia', 'belgrade'];

/** Lower case and diacritics off, but Cyrillic stays Cyrillic: Google does not transliterate. */
const normalise = (s: string): string =>
  s.toLowerCase().replace(/đ/g, 'dj').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ');

function contains(haystack: string, phrase: string): boolean {
  return ` ${haystack} `.includes(` ${normalise(phrase).trim()} `);
}

export function keywordQueryMatches(title: string, text: string): boolean {
  const hay = normalise(`${title} ${text}`);
  return ANY.some((p) => contains(hay, p)) && PLACES.some((p) => contains(hay, p));
}

