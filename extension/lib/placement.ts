/**
 * Where the panel's tab goes: a free edge of the viewport, clear of the page's fixed bars and
 * not over the article's text. Pure geometry over a probe the caller supplies (the DOM probe is
 * in features/page-probe.ts), so it is tested without a browser.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What lies under a rectangle of the viewport. */
export type Occupant = 'free' | 'text' | 'fixed';

export interface Placement {
  side: 'left' | 'right';
  /** Distance from the viewport's top to the tab's top edge, px. */
  top: number;
  /** Room between the top bar and the bottom bar, for the opened panel. */
  insetTop: number;
  insetBottom: number;
}

export interface PlacementInput {
  viewport: { width: number; height: number };
  tab: { width: number; height: number };
  /** Heights of the page's fixed or sticky bars along the top and bottom edges. */
  insetTop: number;
  insetBottom: number;
  probe(rect: Rect): Occupant;
}

const MARGIN = 8;

/**
 * Tries the right edge, then the left, each from the lower third upward in steps of a tab
 * height (readers' eyes and the headline are at the top; cookie and back-to-top buttons at the
 * very bottom are skipped by the probe), and takes the first spot with nothing under it. When
 * every spot touches something, a spot over a fixed control loses to one over text, and the
 * right edge's lowest spot between the bars is the last resort.
 */
export function choosePlacement(input: PlacementInput): Placement {
  const { viewport, tab, probe } = input;
  const insetTop = Math.max(0, input.insetTop);
  const insetBottom = Math.max(0, input.insetBottom);
  const minTop = insetTop + MARGIN;
  const maxTop = viewport.height - insetBottom - tab.height - MARGIN;
  const base = { insetTop, insetBottom };
  if (maxTop < minTop) return { side: 'right', top: Math.max(0, Math.min(minTop, viewport.height - tab.height)), ...base };

  const tops: number[] = [];
  const start = Math.min(maxTop, Math.max(minTop, Math.round(viewport.height * 0.62)));
  for (let top = start; top >= minTop; top -= tab.height + MARGIN) tops.push(top);
  for (let top = start + tab.height + MARGIN; top <= maxTop; top += tab.height + MARGIN) tops.push(top);

  let overText: Placement | null = null;
  for (const side of ['right', 'left'] as const) {
    for (const top of tops) {
      const x = side === 'right' ? viewport.width - tab.width : 0;
      const under = probe({ x, y: top, width: tab.width, height: tab.height });
      if (under === 'free') return { side, top, ...base };
      if (under === 'text' && !overText) overText = { side, top, ...base };
    }
  }
  return overText ?? { side: 'right', top: maxTop, ...base };
}

/** The tab's share of the viewport's area (the first appearance must stay within 8%). */
export function footprint(tab: { width: number; height: number }, viewport: { width: number; height: number }): number {
  return (tab.width * tab.height) / (viewport.width * viewport.height);
}
