/**
 * The title terms sent to a configured server for related coverage: only the words of the
 * title that the classifier's surveillance vocabulary recognises ("kamere", "prepoznavanje
 * lica", "huawei"), folded. Names, places and the rest of the title stay in the browser, so
 * the terms say what the article is about without identifying the article.
 */
import { CONCEPTS } from '../../shared/classify/concepts';
import { extractFeatures } from '../../shared/classify/features';
import { fold } from '../../shared/text/fold';

const MAX_TERMS = 6;

/**
 * The concepts whose words are worth sending: the subject's own (those with a topic) and
 * surveillance in general. Counter-evidence concepts (sport, gadgets, "pravno lice") are not.
 */
const SUBJECT_CONCEPTS = new Set([
  ...CONCEPTS.filter((c) => c.topic !== undefined).map((c) => c.id),
  'surveillance',
  'mass-surveillance',
  'smart-city',
  'police',
]);

export function titleTerms(title: string, lang?: string): string[] {
  const { matches } = extractFeatures({ title, text: '', lang });
  const terms: string[] = [];
  for (const m of matches) {
    if (!m.inTitle || !SUBJECT_CONCEPTS.has(m.concept)) continue;
    const term = fold(m.surface).replace(/[^\p{L}\p{M}\p{N} -]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 48);
    if (term.length >= 2 && !terms.includes(term)) terms.push(term);
    if (terms.length >= MAX_TERMS) break;
  }
  return terms;
}
