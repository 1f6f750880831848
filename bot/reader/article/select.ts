/**
 * Which items are worth a page fetch. A page costs the outlet a request and us a few
 * milliseconds of parsing, so only items whose feed text cannot carry the decision get one:
 *
 * - **title only**: no feed text at all (news-search feeds);
 * - **cut off**: the text ends in "…", "...", "[…]", "[...]" or a "read more" link text;
 * - **short**: fewer than SHORT_WORDS words of text;
 * - **undecided**: the score on title + lead lies in UNDECIDED (near the threshold).
 *
 * Short items whose title + lead shows no sign of the subject at all (score below
 * MIN_SHORT_SCORE: sport, weather, celebrity news in an outlet's general feed) are not
 * fetched: on the labelled corpus every relevant item scores above it on its title alone
 * (123 of 123 at 0.01; 1 of 123 falls below 0.02).
 */
import { tokenize } from '../../../shared/text/tokenize';

export const SHORT_WORDS = 40;
export const MIN_SHORT_SCORE = 0.01;
export const UNDECIDED: readonly [number, number] = [0.2, 0.7];

const CUT_OFF = /(?:…|\.\.\.|\[\s*(?:…|\.\.\.)\s*\]|\b(?:read more|continue reading|opširnije|detaljnije|više|прочитајте више|опширније|детаљније)\s*[»>›]*)\s*$/iu;

/** Why this feed text is not enough on its own, or null when it is (before looking at the score). */
export function shortness(text: string): 'title only' | 'cut off' | 'short' | null {
  const t = text.trim();
  if (!t) return 'title only';
  if (CUT_OFF.test(t)) return 'cut off';
  if (tokenize(t).length < SHORT_WORDS) return 'short';
  return null;
}

/** Why the page is wanted, or null when the feed text decides alone. */
export function pageWanted(text: string, score: number): string | null {
  const short = shortness(text);
  if (short) return score >= MIN_SHORT_SCORE ? short : null;
  return score >= UNDECIDED[0] && score < UNDECIDED[1] ? 'undecided' : null;
}
