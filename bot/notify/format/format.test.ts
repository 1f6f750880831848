import { describe, expect, it } from 'vitest';
import { alertMessage, followUp } from '../testdata/messages';
import { alertView, firstMessageView } from './alert-view';
import { cleanInline, safeHttpUrl } from './clean';
import { changeText } from './digest-doc';
import { cut, leadOf } from './lead';
import { fitLine, renderSplit } from './rich';

describe('cleanInline', () => {
  it('removes terminal escapes, control and bidi characters, and folds whitespace', () => {
    expect(cleanInline('a\u001b[1;31mb\u001b[0m\u001b]0;pwned\u0007 c\u0000\u202e d\n\te')).toBe('ab c d e');
    expect(cleanInline('\u009b31mx')).toBe('x');
  });

  it('keeps only http(s) links', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl(' https://a.rs/x y ')).toBe('https://a.rs/x%20y');
    expect(safeHttpUrl(null)).toBeNull();
  });
});

describe('leadOf', () => {
  it('takes one or two sentences, skipping a repeated title', () => {
    expect(leadOf('Naslov', 'Naslov. Prva rečenica. Druga rečenica! Treća.')).toBe('Prva rečenica. Druga rečenica!');
    expect(leadOf('X', 'Npr. kamere su postavljene u 2019. godini. Dalje.')).toBe('Npr. kamere su postavljene u 2019. godini. Dalje.');
    expect(leadOf('X', '')).toBe('');
  });

  it('cuts a long first sentence at a word boundary', () => {
    const lead = leadOf('X', 'reč '.repeat(200));
    expect(lead.length).toBeLessThanOrEqual(300);
    expect(lead.endsWith('reč…')).toBe(true);
    expect(cut('abc', 1)).toBe('…');
  });
});

describe('rich text', () => {
  const render = (l: Array<string | { text: string }>) => l.map((x) => (typeof x === 'string' ? x : `<${x.text}>`)).join('');

  it('trims the longest run of a line until it fits, never the markup', () => {
    const line = fitLine(['short ', { text: 'x'.repeat(500) }], render, 100);
    expect(render(line).length).toBeLessThanOrEqual(100);
    expect(render(line)).toMatch(/^short <x+…>$/);
  });

  it('splits between paragraphs first, then lines, keeping the heading with the first lines', () => {
    const doc = [['Heading'], [], ...Array.from({ length: 30 }, (_, i) => [`line ${i} ${'y'.repeat(30)}`])];
    const parts = renderSplit(doc, render, 200);
    expect(parts.every((p) => p.length <= 200)).toBe(true);
    expect(parts[0].startsWith('Heading\n\nline 0')).toBe(true);
    expect(parts.join('\n').match(/line \d+/g)).toHaveLength(30);
  });
});

describe('alert views', () => {
  it('says which other outlets carried a story, never the message\'s own', () => {
    const first = alertMessage({ story: { outlets: ['Example Vesti', 'B', 'C'] } });
    expect(alertView(first).also).toBe('Prenelo još 2 medija: B, C');
    const f = followUp(first, '55');
    expect(alertView(f).also).toBe('Preneo još 1 medij: Example Vesti');
    const rts = followUp(alertMessage(), null, { outlet: 'РТС' });
    expect(alertView(rts).also).not.toContain('РТС');
    expect(firstMessageView(f)).toMatchObject({ title: first.article.title, also: 'Preneo još 1 medij: Drugi Portal', kind: 'new' });
    expect(firstMessageView(first)).toBeNull();
  });

  it('describes the change between periods', () => {
    expect(changeText(12, 8)).toBe('+4 (+50%)');
    expect(changeText(3, 6)).toBe('−3 (−50%)');
    expect(changeText(5, 0)).toBe('+5');
    expect(changeText(0, 0)).toBe('±0');
  });
});
