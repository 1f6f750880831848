import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { luminance, pageTheme, parseColor, themeFor } from './page-theme';

describe('page theme', () => {
  it('parses computed colours', () => {
    expect(parseColor('rgb(255, 255, 255)')).toEqual([255, 255, 255, 1]);
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseColor('rgb(10 20 30 / 50%)')).toEqual([10, 20, 30, 0.5]);
    expect(parseColor('transparent')).toBeNull();
    expect(luminance([255, 255, 255])).toBeCloseTo(1);
  });

  it('follows the first opaque background, innermost first; none is white', () => {
    expect(themeFor(['rgba(0, 0, 0, 0)', 'rgb(18, 18, 18)', 'rgb(255, 255, 255)'])).toBe('dark');
    expect(themeFor(['rgba(0, 0, 0, 0)', 'rgb(250, 250, 245)'])).toBe('light');
    expect(themeFor(['rgba(0, 0, 0, 0)'])).toBe('light');
    expect(themeFor([])).toBe('light');
  });

  it('reads the page through getComputedStyle', () => {
    const { document } = parseHTML('<!doctype html><html><body><main><article>x</article></main></body></html>');
    const doc = document as unknown as Document;
    const colours = new Map<Element, string>([[doc.body, 'rgb(20, 20, 24)']]);
    Object.defineProperty(doc, 'defaultView', { value: { getComputedStyle: (el: Element) => ({ backgroundColor: colours.get(el) ?? 'rgba(0, 0, 0, 0)' }) } });
    expect(pageTheme(doc, doc.querySelector('article'))).toBe('dark');
  });
});
