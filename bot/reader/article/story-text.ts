/**
 * The text story grouping reads for an item: its feed text, or, when that is short (a title
 * only, a cut-off sentence) and the article page was read, the page's opening paragraphs.
 * Outlets rewrite headlines and cut excerpts, but a copied agency report keeps its opening.
 */
import { shortness } from './select';
import type { PageOutcome } from './types';

export function storyLead(feedText: string, page: PageOutcome | null | undefined): string {
  if (!page || page.status !== 'ok' || !page.lead) return feedText;
  return shortness(feedText) ? page.lead : feedText;
}
