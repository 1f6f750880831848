/**
 * Classifying an item on title + lead + the article page's text, and saying so: which text
 * the decision used, and which reasons came from the page alone.
 */
import { classify } from '../../../shared/classify/classify';
import type { Classification, ClassifyInput } from '../../../shared/model/types';
import { fold } from '../../../shared/text/fold';
import { shortness } from './select';
import type { DecidedOn, PageOutcome } from './types';

/** The feed text the classifier reads (most of a long lead adds nothing). */
export const CLASSIFY_CHARS = 4000;
/** The page text it reads besides: a page's opening carries its subject. */
export const CLASSIFY_PAGE_CHARS = 6000;

export interface Decision {
  classification: Classification;
  decidedOn: DecidedOn;
  /** The page's body, when the decision used it ('' otherwise). */
  pageText: string;
}

/** Reasons whose matched words appear only in the page, not in the title or the feed text. */
function markPageTerms(reasons: string[], feedText: string): string[] {
  const seen = fold(feedText);
  return reasons.map((r) => {
    const surfaces = [...r.matchAll(/"([^"]+)"/g)].map((m) => fold(m[1]));
    return surfaces.length > 0 && surfaces.every((s) => !seen.includes(s)) ? `${r} (in the article page)` : r;
  });
}

/** What the classifier may know besides the text: the language hint, the feed's scope, the URL. */
export type DecideContext = Omit<ClassifyInput, 'title' | 'text'>;

export function decide(title: string, lead: string, page: PageOutcome | null | undefined, context: DecideContext = {}): Decision {
  const feedText = lead.slice(0, CLASSIFY_CHARS);
  const feedOnly = classify({ ...context, title, text: feedText });
  const decidedOnFeed: DecidedOn = lead.trim() ? 'title+lead' : 'title';
  if (!page || page.status !== 'ok' || !page.body) return { classification: feedOnly, decidedOn: decidedOnFeed, pageText: '' };

  // The page usually repeats the lead; read it once when it does.
  const body = page.body.slice(0, CLASSIFY_PAGE_CHARS);
  const text = shortness(lead) === 'title only' || fold(body).includes(fold(lead.replace(/(…|\.\.\.|\[[^\]]*\])\s*$/, '').trim().slice(0, 200)))
    ? body
    : `${feedText}\n\n${body}`;
  const full = classify({ ...context, title, text });
  const reasons = markPageTerms(full.reasons, `${title}\n${lead}`);
  if (full.relevant !== feedOnly.relevant) {
    reasons.unshift(
      full.relevant
        ? `the article page decided it: on the title and feed text alone the score was ${feedOnly.score.toFixed(2)}`
        : `the article page decided it: on the title and feed text alone it looked relevant (${feedOnly.score.toFixed(2)})`,
    );
  }
  return { classification: { ...full, reasons }, decidedOn: 'title+lead+page', pageText: page.body };
}
