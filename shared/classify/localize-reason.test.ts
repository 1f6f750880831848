import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { localizeReason } from './localize-reason';

describe('localizeReason', () => {
  it('translates the concept, keeps the article’s own words', () => {
    expect(localizeReason('face recognition: "prepoznavanje lica"', 'sr-Latn')).toBe('prepoznavanje lica: "prepoznavanje lica"');
    expect(localizeReason('Serbia: "beogradu"', 'sr-Cyrl')).toBe('Србија: "beogradu"');
    expect(localizeReason('despite identity documents: "lične karte"', 'sr-Latn')).toBe('uprkos lična dokumenta: "lične karte"');
    expect(localizeReason('Serbia: "beogradu"', 'en')).toBe('Serbia: "beogradu"');
  });

  it('has a Serbian label for every reason the classifier gives', () => {
    const c = classify({ title: 'Kamere za prepoznavanje lica u Beogradu, Huawei, Poverenik, Nacrt zakona', text: 'Pravno lice, lične karte, SHARE fondacija, protest, nabavka, Pegasus.' });
    expect(c.reasons.length).toBeGreaterThan(3);
    for (const r of c.reasons) expect(localizeReason(r, 'sr-Latn'), r).not.toBe(r);
  });

  it('leaves unknown text alone', () => {
    expect(localizeReason('something else', 'sr-Latn')).toBe('something else');
  });
});

describe('reasons from the article stage', () => {
  it('are said in Serbian too', () => {
    expect(localizeReason('cameras: "kamere" (in the article page)', 'sr-Latn')).toMatch(/: "kamere" \(na stranici članka\)$/);
    expect(localizeReason('the article page decided it: on the title and feed text alone the score was 0.04', 'sr-Latn')).toBe(
      'stranica članka je odlučila: samo po naslovu i tekstu iz feeda ocena je bila 0.04',
    );
    expect(localizeReason('the article page decided it: on the title and feed text alone the score was 0.04', 'sr-Cyrl')).toMatch(/^страница чланка/);
  });
});
