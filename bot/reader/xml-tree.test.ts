import { describe, expect, it } from 'vitest';
import { parseXmlTree, XmlBudgetError, type XmlElement } from './xml-tree';

const elements = (el: XmlElement | null | undefined) => (el?.children ?? []).filter((c): c is XmlElement => typeof c !== 'string');
const text = (el: XmlElement): string => el.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');

describe('parseXmlTree budgets (issue 10)', () => {
  it('expands declared entities within the budget', () => {
    const tree = parseXmlTree(`<!DOCTYPE r [<!ENTITY e "abc">]><r>&e;&e;</r>`);
    expect(text(tree.root!)).toBe('abcabc');
  });

  it('refuses entity amplification with XmlBudgetError', () => {
    const doc = `<!DOCTYPE r [<!ENTITY big "${'A'.repeat(20_000)}">]><r>${'&big;'.repeat(20_000)}</r>`;
    expect(() => parseXmlTree(doc)).toThrow(XmlBudgetError);
    expect(() => parseXmlTree(doc)).toThrow(/entity amplification/);
    expect(() => parseXmlTree(`<!DOCTYPE r [<!ENTITY e "abc">]><r>&e;&e;</r>`, { maxEntityExpansion: 5 })).toThrow(XmlBudgetError);
  });

  it('refuses a DOCTYPE with too many entities', () => {
    const decls = Array.from({ length: 300 }, (_, i) => `<!ENTITY e${i} "x">`).join('');
    expect(() => parseXmlTree(`<!DOCTYPE r [${decls}]><r/>`)).toThrow(/declares more than 256 entities/);
  });

  it('refuses more live elements than the budget', () => {
    expect(() => parseXmlTree(`<r>${'<a/><b/>'.repeat(100)}</r>`, { maxElements: 50 })).toThrow(/more than 50 elements/);
  });

  it('keeps the newest maxItems entries per parent, by date, and counts the rest', () => {
    const items = Array.from({ length: 50 }, (_, n) =>
      `<item><title>${n}</title><pubDate>${new Date(Date.UTC(2026, 0, 1) + ((n * 7) % 50) * 60_000).toUTCString()}</pubDate></item>`);
    const tree = parseXmlTree(`<rss><channel>${items.join('')}</channel></rss>`, { maxItems: 5 });
    expect(tree.itemsSeen).toBe(50);
    expect(tree.itemsDropped).toBe(45);
    const kept = elements(elements(tree.root)[0]).filter((e) => e.name === 'item');
    // Minute (n * 7) % 50: the five newest are minutes 45..49, kept in document order.
    const minutes = kept.map((e) => (Number(text(elements(e)[0])) * 7) % 50);
    expect(minutes.sort((a, b) => a - b)).toEqual([45, 46, 47, 48, 49]);
    expect(tree.warnings.join(' ')).toMatch(/45 older entries dropped/);
  });

  it('keeps undated entries in document order (feeds list the newest first)', () => {
    const tree = parseXmlTree(`<feed>${Array.from({ length: 20 }, (_, n) => `<entry><title>${n}</title></entry>`).join('')}</feed>`, { maxItems: 3 });
    expect(elements(tree.root).map((e) => text(e))).toEqual(['0', '1', '2']);
  });

  it('skips children of one name past maxSameName', () => {
    const tree = parseXmlTree(`<r>${'<c><x/></c>'.repeat(2000)}<t>kept</t></r>`);
    const kids = elements(tree.root);
    expect(kids.filter((e) => e.name === 'c')).toHaveLength(1000);
    expect(kids.find((e) => e.name === 't') && text(kids.find((e) => e.name === 't')!)).toBe('kept');
  });

  it('reads unterminated end tags in linear time', () => {
    const doc = `<r><t>a</t>${'</a'.repeat(200_000)}</r>`;
    // Quadratic, this took tens of seconds (past the test's timeout); no timing is asserted.
    const tree = parseXmlTree(doc);
    expect(text(elements(tree.root)[0])).toBe('a');
  });
});
