/**
 * Finds glossary terms in a string, whatever the script and diacritics: "Повереник",
 * "Poverenik" and "poverenik" all match the term whose forms list "Poverenik". Words are
 * compared whole after folding (shared/text/fold), so "ECI" does not match inside "veći".
 * Returns character offsets in the original string, for wrapping the words in the page.
 */
import type { GlossaryTerm } from '../../shared/context/types';
import { fold } from '../../shared/text/fold';

/** What the matcher needs of a term: its id and its surface forms. */
export type MatchableTerm = Pick<GlossaryTerm, 'id' | 'matches'>;

export interface TermMatch<T extends MatchableTerm = GlossaryTerm> {
  term: T;
  /** Offsets in the searched string: text.slice(start, end) is the matched text. */
  start: number;
  end: number;
}

interface Form<T> {
  words: string[];
  term: T;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** What may stand between the words of a multi-word form: spaces, hyphens, apostrophes. */
const GAP = /^[\s\u00a0\-\u2010\u2011\u2013'\u2019\u2018]{1,3}$/;

function words(text: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    out.push({ word: fold(m[0]), start, end: start + m[0].length });
  }
  return out;
}

/** Forms indexed by their first folded word, longest first. */
function compile<T extends MatchableTerm>(terms: readonly T[]): Map<string, Array<Form<T>>> {
  const index = new Map<string, Array<Form<T>>>();
  for (const term of terms) {
    for (const form of term.matches) {
      const ws = words(form).map((w) => w.word);
      if (ws.length === 0) continue;
      const list = index.get(ws[0]) ?? [];
      list.push({ words: ws, term });
      index.set(ws[0], list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/**
 * A matcher for `terms`: the whole glossary in the background (lib/classify-answer.ts), only
 * the terms the background found in the article in the content script.
 */
export class GlossaryMatcher<T extends MatchableTerm = GlossaryTerm> {
  private readonly index: Map<string, Array<Form<T>>>;

  constructor(terms: readonly T[]) {
    this.index = compile(terms);
  }

  /** Non-overlapping matches in `text`, left to right, the longest form winning at each word. */
  find(text: string): Array<TermMatch<T>> {
    const ws = words(text);
    const out: Array<TermMatch<T>> = [];
    for (let i = 0; i < ws.length; i++) {
      const forms = this.index.get(ws[i].word);
      if (!forms) continue;
      for (const form of forms) {
        const n = form.words.length;
        if (i + n > ws.length) continue;
        let ok = true;
        for (let j = 1; j < n && ok; j++) {
          ok = ws[i + j].word === form.words[j] && GAP.test(text.slice(ws[i + j - 1].end, ws[i + j].start));
        }
        if (!ok) continue;
        out.push({ term: form.term, start: ws[i].start, end: ws[i + n - 1].end });
        i += n - 1;
        break;
      }
    }
    return out;
  }
}
