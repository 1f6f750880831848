import type { ClassifyInput } from '../model/types';
import { fold } from '../text/fold';

/** Punycode top-level domains that stand for a country code the model knows. */
const IDN_TLD: Record<string, string> = { 'xn--90a3ac': 'rs' };

/**
 * The words of a URL's host and path, folded: "https://www.danas.rs/vesti/drustvo/kamere-u-beogradu/"
 * gives ["www", "danas", "rs", "vesti", "drustvo", "kamere", "u", "beogradu"]. Query and fragment
 * are left out: they carry tracking, not meaning.
 */
export function urlWords(url: string): { tld: string | undefined; words: string[] } {
  let host = '';
  let path = '';
  try {
    const u = new URL(url);
    host = u.hostname.toLowerCase();
    path = decodeURIComponent(u.pathname);
  } catch {
    return { tld: undefined, words: [] };
  }
  const labels = host.split('.');
  const last = labels[labels.length - 1];
  const tld = IDN_TLD[last] ?? (/^[a-z]{2,6}$/.test(last) ? last : undefined);
  // A slug is short; a bound keeps a hostile URL from costing more than a headline does.
  const words = fold(`${host} ${path}`.slice(0, 300))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  return { tld, words };
}

// Constant names: the same string instances keep their hashes on the hot path.
const SCOPE_DOMESTIC = 'x:scope-domestic';
const SCOPE_INTERNATIONAL = 'x:scope-international';
const LANG_SR = 'x:lang-sr';
const LANG_EN = 'x:lang-en';
const LANG_OTHER = 'x:lang-other';

/**
 * Features of what the monitor knows besides the text: the feed's scope (a domestic or an
 * international outlet), the article URL's country domain and slug words that name a place,
 * and the language. All of them inform the place head only ("is this about Serbia?"), and all
 * are optional: an item without them is judged on its text alone.
 *
 * @param placeConceptsOf the place concepts ("serbia", "elsewhere", ...) found in some words
 */
export function contextFeatures(
  input: ClassifyInput,
  lang: string,
  placeConceptsOf: (words: string[]) => Iterable<string>,
): string[] {
  const out: string[] = [];
  if (input.scope === 'domestic') out.push(SCOPE_DOMESTIC);
  else if (input.scope === 'international') out.push(SCOPE_INTERNATIONAL);
  if (input.url) {
    const { tld, words } = urlWords(input.url);
    if (tld) out.push(`x:tld-${tld}`);
    for (const concept of placeConceptsOf(words)) out.push(`x:url-${concept}`);
  }
  if (lang === 'sr') out.push(LANG_SR);
  else if (lang === 'en') out.push(LANG_EN);
  else if (lang !== 'und') out.push(LANG_OTHER);
  return out;
}
