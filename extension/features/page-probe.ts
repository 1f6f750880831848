/**
 * What the page has under a spot of the viewport, for lib/placement.ts: its fixed or sticky
 * controls (cookie buttons, back-to-top, bottom bars) and its article text. Asked with
 * elementsFromPoint on a few points, so the cost does not grow with the page: a handful of
 * hit tests and computed styles, never a walk over the DOM.
 */
import type { Occupant, Rect } from '../lib/placement';

const TEXT_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'FIGCAPTION', 'TD', 'DD', 'DT', 'PRE', 'A', 'SPAN', 'EM', 'STRONG', 'B', 'I', 'TIME', 'LABEL']);

/** Is `el` or an ancestor fixed or sticky (a bar or a floating control)? */
function pinned(el: Element, view: Window): Element | null {
  for (let e: Element | null = el; e && e !== e.ownerDocument.documentElement; e = e.parentElement) {
    const pos = view.getComputedStyle(e).position;
    if (pos === 'fixed' || pos === 'sticky') return e;
  }
  return null;
}

/** Does `el` show text of its own (a text node with letters), as a paragraph or heading does? */
function hasOwnText(el: Element): boolean {
  if (!TEXT_TAGS.has(el.tagName)) return false;
  for (const n of el.childNodes) if (n.nodeType === 3 && /\S/.test(n.nodeValue ?? '')) return true;
  return false;
}

/** A probe that ignores our own host element. */
export function domProbe(doc: Document, ownHost: Element | null): (rect: Rect) => Occupant {
  const view = doc.defaultView!;
  return (rect) => {
    let text = false;
    // Five columns: a round 40-50 px back-to-top button cannot hide between them.
    const xs = [rect.x + 2, rect.x + rect.width * 0.25, rect.x + rect.width / 2, rect.x + rect.width * 0.75, rect.x + rect.width - 2];
    const ys = [rect.y + 2, rect.y + rect.height / 2, rect.y + rect.height - 2];
    for (const x of xs) {
      for (const y of ys) {
        const top = doc.elementsFromPoint(x, y).find((e) => e !== ownHost && !ownHost?.contains(e));
        if (!top || top === doc.documentElement || top === doc.body) continue;
        if (pinned(top, view)) return 'fixed';
        if (hasOwnText(top)) text = true;
      }
    }
    return text ? 'text' : 'free';
  };
}

/**
 * Heights of the fixed or sticky bars along the top and bottom edges: elements pinned to the
 * viewport that touch the edge and span at least a third of its width.
 */
export function edgeInsets(doc: Document, ownHost: Element | null): { insetTop: number; insetBottom: number } {
  const view = doc.defaultView!;
  const w = view.innerWidth;
  const hgt = view.innerHeight;
  let insetTop = 0;
  let insetBottom = 0;
  for (const x of [w * 0.2, w * 0.5, w * 0.8]) {
    for (const y of [1, hgt - 2]) {
      const el = doc.elementsFromPoint(x, y).find((e) => e !== ownHost && !ownHost?.contains(e));
      if (!el) continue;
      const bar = pinned(el, view);
      if (!bar) continue;
      const r = bar.getBoundingClientRect();
      if (r.width < w / 3 || r.height > hgt / 3) continue;
      if (y < hgt / 2 && r.top <= 1) insetTop = Math.max(insetTop, r.bottom);
      if (y > hgt / 2 && r.bottom >= hgt - 2) insetBottom = Math.max(insetBottom, hgt - r.top);
    }
  }
  return { insetTop: Math.round(insetTop), insetBottom: Math.round(insetBottom) };
}
