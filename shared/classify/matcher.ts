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
    for (const concept of concepts) {
      for (const term of concept.terms) {
        const words = term.split(' ').map((w) =>
          w.startsWith('=') ? { text: w.slice(1), exact: true } : { text: w, exact: false },
        );
        const key = keyOf(words[0].text);
        const list = this.index.get(key) ?? [];
        list.push({ concept: concept.id, words });
        this.index.set(key, list);
      }
    }
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
   * Calls `found` for every match in `tokens` (folded), in order of position. `starts` may give
   * each token's startingWith() precomputed.
   */
  each(
    tokens: string[],
    found: (concept: string, start: number, end: number) => void,
    starts?: ReadonlyArray<readonly CompiledTerm[]>,
  ): void {
    for (let i = 0; i < tokens.length; i++) {
      const candidates = starts ? starts[i] : this.startingWith(tokens[i]);
      for (let c = 0; c < candidates.length; c++) {
        const term = candidates[c];
        const words = term.words;
        if (i + words.length > tokens.length) continue;
        let ok = true;
        for (let j = 1; j < words.length && ok; j++) ok = wordMatches(words[j], tokens[i + j]);
        if (ok) found(term.concept, i, i + words.length);
      }
    }
  }
}
