/**
 * The panel's theme follows the page it sits on, not only the system setting: a dark panel on
 * a white news site (or the reverse) looks like an advert. The page's background is the first
 * opaque background among <body>, <html> and the article's ancestors; a page that paints
 * none is white, as browsers show it.
 */

export type Theme = 'light' | 'dark';

/** "rgb(12, 34, 56)" or "rgba(12, 34, 56, 0.5)" as [r, g, b, a]; null for anything else. */
export function parseColor(value: string): [number, number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The theme for a page whose computed background colours are `backgrounds`, innermost first. */
export function themeFor(backgrounds: readonly string[]): Theme {
  for (const bg of backgrounds) {
    const c = parseColor(bg);
    if (c && c[3] >= 0.5) return luminance(c) < 0.2 ? 'dark' : 'light';
  }
  return 'light';
}

/** The page's theme, read from computed styles: the article's ancestors, then body and html. */
export function pageTheme(doc: Document, article?: Element | null): Theme {
  const view = doc.defaultView;
  if (!view) return 'light';
  const chain: Element[] = [];
  for (let el: Element | null = article ?? null; el && el !== doc.body && el !== doc.documentElement; el = el.parentElement) chain.push(el);
  if (doc.body) chain.push(doc.body);
  chain.push(doc.documentElement);
  return themeFor(chain.map((el) => view.getComputedStyle(el).backgroundColor));
}
