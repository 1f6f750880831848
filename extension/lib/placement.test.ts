import { describe, expect, it } from 'vitest';
import { choosePlacement, footprint, type Occupant, type Rect } from './placement';

const viewport = { width: 1280, height: 900 };
const tab = { width: 150, height: 36 };

/** A probe over named regions of the viewport; anything else is free. */
function probe(regions: Array<{ rect: Rect; is: Occupant }>) {
  const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  return (r: Rect): Occupant => regions.find((g) => overlaps(g.rect, r))?.is ?? 'free';
}

describe('choosePlacement', () => {
  it('puts the tab on the right edge, in the lower part, when nothing is there', () => {
    const p = choosePlacement({ viewport, tab, insetTop: 0, insetBottom: 0, probe: probe([]) });
    expect(p).toMatchObject({ side: 'right', top: Math.round(900 * 0.62) });
  });

  it('stays clear of fixed top and bottom bars', () => {
    const p = choosePlacement({ viewport: { width: 1280, height: 300 }, tab, insetTop: 60, insetBottom: 80, probe: probe([]) });
    expect(p.top).toBeGreaterThanOrEqual(60 + 8);
    expect(p.top + tab.height).toBeLessThanOrEqual(300 - 80 - 8);
    expect(p).toMatchObject({ insetTop: 60, insetBottom: 80 });
  });

  it('moves off a fixed control (a back-to-top button) and off text, to the other edge if it must', () => {
    const backToTop = { rect: { x: 1200, y: 500, width: 80, height: 80 }, is: 'fixed' as const };
    const p1 = choosePlacement({ viewport, tab, insetTop: 0, insetBottom: 0, probe: probe([backToTop]) });
    expect(p1.side).toBe('right');
    expect(p1.top + tab.height <= 500 || p1.top >= 580).toBe(true);
    // Text all along the right edge (a narrow window): the left edge, if free.
    const rightText = { rect: { x: 1100, y: 0, width: 180, height: 900 }, is: 'text' as const };
    expect(choosePlacement({ viewport, tab, insetTop: 0, insetBottom: 0, probe: probe([rightText]) }).side).toBe('left');
    // Text everywhere: over text rather than over a fixed control.
    const allText = { rect: { x: 0, y: 0, width: 1280, height: 900 }, is: 'text' as const };
    const p3 = choosePlacement({ viewport, tab, insetTop: 0, insetBottom: 0, probe: probe([backToTop, allText]) });
    expect(p3.top + tab.height <= 500 || p3.top >= 580 || p3.side === 'left').toBe(true);
  });

  it('keeps the closed tab far below 8% of a 1280×900 window', () => {
    expect(footprint(tab, viewport)).toBeLessThan(0.01);
  });
});
