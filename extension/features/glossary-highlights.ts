/**
 * Glossary terms in the article get a subtle dotted underline; their explanation is a styled
 * popover on hover, keyboard focus and tap (features/glossary-popover.ts), so each term is
 * focusable (tabindex 0). The first occurrence of each term is wrapped in a <span> by splitting
 * its text node; the span sets only text decoration, so no line moves. `remove()` joins the
 * text nodes back into the page's original node, so a framework holding that node keeps a
 * correct reference.
 */
import { localize, type UiLang } from '../../shared/context/localize';
import type { PageTerm } from '../lib/messages';

export const TERM_ATTRIBUTE = 'data-nadzor-term';

/** Inline style: nothing that takes space, and resets for page rules that target spans. */
const TERM_STYLE = [
  'all: unset',
  'text-decoration-line: underline',
  'text-decoration-style: dotted',
  'text-decoration-thickness: 1px',
  'text-decoration-color: color-mix(in srgb, currentColor 55%, transparent)',
  'text-underline-offset: 0.18em',
  'cursor: help',
  'outline-offset: 2px',
].join(';');

/** Elements whose text is never touched: code, form fields, links, our own UI. */
const SKIP_SELECTOR =
  'script, style, noscript, template, textarea, input, select, option, button, code, pre, kbd, samp, a, svg, math, ' +
  `h1, [contenteditable=""], [contenteditable="true"], [${TERM_ATTRIBUTE}], [data-nadzor-panel]`;

export interface Highlights {
  /** The terms found, in order of first appearance. */
  terms: PageTerm[];
  /** Number of spans added. */
  count: number;
  /** Undo every change. */
  remove(): void;
}

export interface HighlightOptions {
  /** At most this many highlights (one per term). Default 40. */
  limit?: number;
  /**
   * Characters of article text searched, from the top. Default 8,000 (about 1,200 words): a
   * term is explained at its first use, which on news pages comes early, and a 5,000-word
   * page costs no more than a short one.
   */
  maxChars?: number;
  /** Only find the terms, change nothing (highlights switched off). */
  dryRun?: boolean;
}

interface Split {
  original: Text;
  /** Spans and text nodes added after `original`, in document order. */
  added: Node[];
}

/**
 * Text.splitText, written out: `node` keeps the text before `offset` (so it stays the page's
 * own node) and the rest moves to a new node right after it, which is returned.
 */
function splitTextAt(node: Text, offset: number): Text {
  const tail = node.ownerDocument.createTextNode(node.data.slice(offset));
  node.data = node.data.slice(0, offset);
  node.parentNode!.insertBefore(tail, node.nextSibling);
  return tail;
}

/** Do the `added` nodes still follow `original` directly, in order? */
function contiguous(original: Node, added: readonly Node[]): boolean {
  let next = original.nextSibling;
  for (const n of added) {
    if (next !== n) return false;
    next = n.nextSibling;
  }
  return true;
}

/**
 * A letter, mark or digit: what a form must not be glued to (whole words only). Made on first
 * use, not when the content script starts: a Unicode-property pattern costs about a millisecond.
 */
let wordChar: RegExp | undefined;
const WORD_CHAR = (): RegExp => (wordChar ??= /[\p{L}\p{M}\p{N}]/u);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One regular expression for the forms of `terms` as written in the article, longest first,
 * any whitespace between words; and the term of each form.
 */
function formsPattern(terms: readonly PageTerm[]): { pattern: RegExp; termOf: Map<string, PageTerm> } {
  const termOf = new Map<string, PageTerm>();
  for (const t of terms) for (const f of t.forms) if (!termOf.has(f)) termOf.set(f, t);
  const alternatives = [...termOf.keys()]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.split(' ').map(escapeRegExp).join('\\s+'));
  // No 'u' flag and no lookarounds: a plain alternation compiles and runs fastest; word
  // boundaries are checked on the match.
  return { pattern: new RegExp(alternatives.join('|'), 'g'), termOf };
}

/** The accessible name of a term's span: the word as written, then what the glossary calls it. */
export function termLabel(term: PageTerm, lang: UiLang, written: string): string {
  return `${written} (${localize(term.term, lang)})`;
}

/**
 * Underlines the first occurrence of each of `candidates` in `root`: the terms the background
 * found in the article's text, with the forms they are written in there (lib/classify-answer.ts).
 * So the page needs no glossary and no matcher: one regular expression of those exact forms,
 * and the walk stops as soon as every term is underlined.
 */
export function highlightGlossary(root: Element, lang: UiLang, candidates: readonly PageTerm[], options: HighlightOptions = {}): Highlights {
  const limit = Math.min(options.limit ?? 40, candidates.length);
  const doc = root.ownerDocument;
  const seen = new Set<string>();
  const terms: PageTerm[] = [];
  if (limit === 0) return { terms, count: 0, remove() {} };
  const { pattern, termOf } = formsPattern(candidates);
  const splits: Split[] = [];

  // One pass, stopping as soon as every term is underlined (usually in the first paragraphs).
  // After wrapping words in a text node, the walk goes on after the last piece, so it never
  // visits our own spans.
  const maxChars = options.maxChars ?? 8_000;
  let chars = 0;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n && chars < maxChars && terms.length < limit; n = walker.nextNode()) {
    const node = n as Text;
    if (node.data.trim().length < 2) continue;
    chars += node.data.length;
    const parent = node.parentElement;
    if (!parent || parent.closest(SKIP_SELECTOR)) continue;
    const matches: Array<{ term: PageTerm; start: number; end: number }> = [];
    const data = node.data;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(data); m && terms.length < limit; m = pattern.exec(data)) {
      const start = m.index;
      const end = start + m[0].length;
      // Whole words only: not glued to a letter, mark or digit on either side.
      if ((start > 0 && WORD_CHAR().test(data[start - 1])) || (end < data.length && WORD_CHAR().test(data[end]))) {
        pattern.lastIndex = start + 1;
        continue;
      }
      const term = termOf.get(m[0].replace(/\s+/g, ' '));
      if (!term || seen.has(term.id)) continue;
      seen.add(term.id);
      terms.push(term);
      matches.push({ term, start, end });
    }
    if (matches.length === 0 || options.dryRun) continue;
    const split: Split = { original: node, added: [] };
    let current = node;
    let offset = 0;
    for (const m of matches) {
      const middle = splitTextAt(current, m.start - offset);
      const tail = splitTextAt(middle, m.end - m.start);
      const span = doc.createElement('span');
      span.setAttribute(TERM_ATTRIBUTE, m.term.id);
      span.setAttribute('style', TERM_STYLE);
      // Reachable by keyboard; the popover opens on focus. No `title`: the browser's tooltip
      // would come late, unstyled, and on top of ours.
      span.setAttribute('tabindex', '0');
      span.setAttribute('aria-label', termLabel(m.term, lang, middle.data));
      middle.parentNode!.insertBefore(span, middle);
      span.appendChild(middle);
      split.added.push(span, tail);
      current = tail;
      offset = m.end;
    }
    splits.push(split);
    walker.currentNode = current;
  }

  return {
    terms,
    count: options.dryRun ? 0 : splits.reduce((n, s) => n + s.added.length / 2, 0),
    remove() {
      for (const { original, added } of splits) {
        const parent = original.parentNode;
        if (parent && contiguous(original, added)) {
          original.data += added.map((n) => n.textContent ?? '').join('');
          for (const n of added) parent.removeChild(n);
        } else {
          // The page re-rendered around us: unwrap what is left.
          for (const n of added) {
            if (n.nodeType === 1 && n.parentNode) (n as Element).replaceWith(...Array.from(n.childNodes));
          }
        }
      }
      splits.length = 0;
    },
  };
}
