import type { Concept } from './concepts';

/** One concept occurrence: which concept, and the token span it covers. */
export interface ConceptMatch {
  concept: string;
  start: number;
  end: number;
}

interface CompiledTerm {
  concept: string;
  words: Array<{ text: string; exact: boolean }>;
}

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
   * Calls `found` for every match in `tokens` (folded), in order of position. `keys` may give
   * each token's keyOf() precomputed (the classifier caches it per word).
   */
  each(tokens: string[], found: (concept: string, start: number, end: number) => void, keys?: number[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.index.get(keys ? keys[i] : keyOf(tokens[i]));
      if (!candidates) continue;
      for (const term of candidates) {
        const words = term.words;
        if (i + words.length > tokens.length) continue;
        let ok = true;
        for (let j = 0; j < words.length && ok; j++) {
          const w = words[j];
          const t = tokens[i + j];
          ok = w.exact ? t === w.text : t.startsWith(w.text);
        }
        if (ok) found(term.concept, i, i + words.length);
      }
    }
  }

  /** All matches in `tokens` (folded). Overlapping matches of different concepts are all kept. */
  match(tokens: string[]): ConceptMatch[] {
    const out: ConceptMatch[] = [];
    this.each(tokens, (concept, start, end) => out.push({ concept, start, end }));
    return out;
  }
}
