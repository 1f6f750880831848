import type { Concept } from './concepts';

/** One concept occurrence: which concept, and the token span it covers. */
export interface ConceptMatch {
  concept: string;
  start: number;
  end: number;
}

/** A term ready for matching; `words[0]` is already known to match when it is a candidate. */
export interface CompiledTerm {
  concept: string;
  /** The concept's position in the list the matcher was built from (for array look-ups). */
  conceptIndex: number;
  words: Array<{ text: string; exact: boolean }>;
}

const wordMatches = (w: { text: string; exact: boolean }, token: string): boolean =>
  w.exact ? token === w.text : token.startsWith(w.text);

const NONE: readonly CompiledTerm[] = [];

/** Index key of a folded word: its first three character codes packed into one number. */
export function keyOf(word: string): number {
  const n = Math.min(word.length, 3);
  let key = n;
  for (let i = 0; i < n; i++) key = key * 65536 + word.charCodeAt(i);
  return key;
}

/**
 * Finds concept terms in a folded token stream. Terms are indexed by the first three letters
 * of their first word, so each token looks at a handful of candidates instead of every term
 * (the classifier has to run at tens of thousands of items a second). A first word shorter
 * than three letters is indexed under all of itself, so such terms must be exact ("=ai").
 */
export class ConceptMatcher {
  private readonly index = new Map<number, CompiledTerm[]>();

  constructor(concepts: Concept[]) {
    concepts.forEach((concept, conceptIndex) => {
      for (const term of concept.terms) {
        const words = term.split(' ').map((w) =>
          w.startsWith('=') ? { text: w.slice(1), exact: true } : { text: w, exact: false },
        );
        const key = keyOf(words[0].text);
        const list = this.index.get(key) ?? [];
        list.push({ concept: concept.id, conceptIndex, words });
        this.index.set(key, list);
      }
    });
  }

  /**
   * The terms whose first word matches this folded token. It depends on the token alone, so
   * callers that meet the same words again and again (the classifier) cache it per word.
   */
  startingWith(token: string): readonly CompiledTerm[] {
    const candidates = this.index.get(keyOf(token));
    if (!candidates) return NONE;
    const out = candidates.filter((term) => wordMatches(term.words[0], token));
    return out.length ? out : NONE;
  }

  /**
   * Calls `found` for every match among `words` (each folded, with its startingWith()
   * candidates, which callers cache per word), in order of position.
   */
  each(
    words: ReadonlyArray<{ readonly folded: string; readonly starts: readonly CompiledTerm[] }>,
    found: (concept: string, start: number, end: number, conceptIndex: number) => void,
  ): void {
    for (let i = 0; i < words.length; i++) {
      const candidates = words[i].starts;
      for (let c = 0; c < candidates.length; c++) {
        const term = candidates[c];
        const termWords = term.words;
        if (i + termWords.length > words.length) continue;
        let ok = true;
        for (let j = 1; j < termWords.length && ok; j++) ok = wordMatches(termWords[j], words[i + j].folded);
        if (ok) found(term.concept, i, i + termWords.length, term.conceptIndex);
      }
    }
  }
}
