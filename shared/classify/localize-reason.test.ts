import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { isShownReason, localizeReason, localizeReasons } from './localize-reason';

describe('localizeReason', () => {
  it('translates the concept, keeps the article’s own words', () => {
    expect(localizeReason('face recognition: "prepoznavanje lica"', 'sr-Latn')).toBe('prepoznavanje lica: "prepoznavanje lica"');
    expect(localizeReason('Serbia: "beogradu"', 'sr-Cyrl')).toBe('Србија: "beogradu"');
    expect(localizeReason('Serbia: "beogradu"', 'en')).toBe('Serbia: "beogradu"');
  });

  it('makes grammatical sentences of "despite" and "although" in every language', () => {
    const despite = 'despite another country: "france"';
    expect(localizeReason(despite, 'sr-Latn')).toBe('uprkos izrazima iz grupe „druga zemlja“: "france"');
    expect(localizeReason(despite, 'sr-Cyrl')).toBe('упркос изразима из групе „друга земља“: "france"');
    expect(localizeReason(despite, 'en')).toBe('despite words about another country: "france"');
    expect(localizeReason(despite, 'sr-Latn')).not.toContain('uprkos druga');
    const although = 'although cameras: "kamere"';
    expect(localizeReason(although, 'sr-Latn')).toBe('iako sadrži izraze iz grupe „kamere“: "kamere"');
    expect(localizeReason(although, 'en')).toBe('although it has words about cameras: "kamere"');
  });

  it('keeps brand names Latin in Cyrillic', () => {
    expect(localizeReason('Huawei / camera vendors: "huawei"', 'sr-Cyrl')).toBe('Huawei / произвођачи камера: "huawei"');
  });

  it('never shows internal markers', () => {
    const marker = 'Serbian (ekavian) wording: "grad"';
    expect(isShownReason(marker)).toBe(false);
    expect(localizeReason(marker, 'sr-Latn')).toBe('');
    expect(localizeReasons([marker, 'cameras: "kamere"'], 'sr-Latn')).toEqual(['kamere: "kamere"']);
    expect(localizeReasons(['despite Serbian (ekavian) wording: "x"'], 'en')).toEqual([]);
  });

  it('has a Serbian label for every reason the classifier gives', () => {
    const c = classify({ title: 'Kamere za prepoznavanje lica u Beogradu, Huawei, Poverenik, Nacrt zakona', text: 'Pravno lice, lične karte, SHARE fondacija, protest, nabavka, Pegasus.' });
    expect(c.reasons.length).toBeGreaterThan(3);
    for (const r of c.reasons) {
      const out = localizeReason(r, 'sr-Latn');
      if (out !== '') expect(out, r).not.toBe(r);
    }
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
