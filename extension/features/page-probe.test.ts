import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { domProbe, edgeInsets } from './page-probe';

/**
 * linkedom has no layout: the page's geometry is given as boxes, and elementsFromPoint and
 * getComputedStyle answer from them, as a browser would.
 */
function page(boxes: Array<{ sel: string; x: number; y: number; w: number; h: number; position?: string }>) {
  const { document } = parseHTML(`<!doctype html><html><body>
    <header id="bar">Site</header><article><p id="text">Kamere i prepoznavanje lica.</p></article>
    <button id="top">▲</button><div id="cookie"><p>Kolačići</p></div><nadzor-panel id="own"></nadzor-panel></body></html>`);
  const doc = document as unknown as Document;
  const placed = boxes.map((b) => ({ ...b, el: doc.querySelector(b.sel)! }));
  const view = {
    innerWidth: 1280,
    innerHeight: 900,
    getComputedStyle: (el: Element) => ({ position: placed.find((p) => p.el === el)?.position ?? 'static' }),
  };
  Object.defineProperty(doc, 'defaultView', { value: view });
  (doc as unknown as { elementsFromPoint: (x: number, y: number) => Element[] }).elementsFromPoint = (x, y) =>
    placed.filter((p) => x >= p.x && x < p.x + p.w && y >= p.y && y < p.y + p.h).map((p) => p.el).reverse();
  for (const p of placed) (p.el as unknown as { getBoundingClientRect: () => DOMRect }).getBoundingClientRect = () => ({ left: p.x, top: p.y, right: p.x + p.w, bottom: p.y + p.h, width: p.w, height: p.h, x: p.x, y: p.y }) as DOMRect;
  return doc;
}

describe('page probe', () => {
  const layout = [
    { sel: 'header', x: 0, y: 0, w: 1280, h: 64, position: 'fixed' },
    { sel: '#text', x: 240, y: 100, w: 800, h: 700 },
    { sel: '#top', x: 1210, y: 820, w: 50, h: 50, position: 'fixed' },
    { sel: '#cookie', x: 0, y: 860, w: 1280, h: 40, position: 'fixed' },
    { sel: '#own', x: 1130, y: 500, w: 150, h: 36, position: 'fixed' },
  ];

  it('tells free space from article text and fixed controls, ignoring our own host', () => {
    const doc = page(layout);
    const probe = domProbe(doc, doc.getElementById('own'));
    expect(probe({ x: 1130, y: 500, width: 150, height: 36 })).toBe('free');
    expect(probe({ x: 900, y: 300, width: 150, height: 36 })).toBe('text');
    expect(probe({ x: 1130, y: 800, width: 150, height: 36 })).toBe('fixed');
  });

  it('measures the fixed bars along the top and bottom edges', () => {
    const doc = page(layout);
    expect(edgeInsets(doc, doc.getElementById('own'))).toEqual({ insetTop: 64, insetBottom: 40 });
  });
});
