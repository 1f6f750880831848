import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';
import { quickLanguage } from './quick-language';
import { detectScript } from './script';
import { tokenize } from './tokenize';
import { fold } from './fold';

describe('detectScript', () => {
  it('decides by the letters', () => {
    expect(detectScript('Камере у Београду')).toBe('Cyrl');
    expect(detectScript('Kamere u Beogradu')).toBe('Latn');
    expect(detectScript('Камере (Huawei) у Београду')).toBe('Cyrl');
    expect(detectScript('123 !?')).toBeNull();
    expect(detectScript('abc где')).toBeNull();
  });

  it('does not count × and ÷ as Latin letters (they sit in the Latin-1 block but are signs)', () => {
    expect(detectScript('абв××')).toBe('Cyrl');
    expect(detectScript('×÷')).toBeNull();
  });
});

describe('detectLanguage (franc)', () => {
  it('reports the Serbo-Croatian group as sr', () => {
    expect(detectLanguage('Vlada Srbije je postavila kamere za prepoznavanje lica na ulicama Beograda.').lang).toBe('sr');
    expect(detectLanguage('Hrvatska policija nabavlja sustav za prepoznavanje lica, evo što to znači u praksi.').lang).toBe('sr');
    expect(detectLanguage('Влада Србије је поставила камере за препознавање лица на улицама.').lang).toBe('sr');
  });

  it('knows English and the neighbours', () => {
    expect(detectLanguage('The Serbian government installed facial recognition cameras across Belgrade.').lang).toBe('en');
    expect(detectLanguage('Кинески и српски полицајци заеднички ќе патролираат во Белград').lang).toBe('mk');
  });

  it('does not answer confidently on a short title', () => {
    const guess = detectLanguage('Kamere u Beogradu');
    expect(guess).toEqual({ lang: 'und', confident: false });
    expect(detectLanguage('Face ID').lang).toBe('und');
  });

  it('answers a short Cyrillic title from Serbian-only letters', () => {
    expect(detectLanguage('Ђаци и камере')).toEqual({ lang: 'sr', confident: true });
  });
});

describe('quickLanguage', () => {
  const q = (text: string) => quickLanguage(text, tokenize(text).map(fold));
  it('guesses from function words and letters', () => {
    expect(q('Policija je postavila kamere za nadzor i prepoznavanje lica u gradu')).toBe('sr');
    expect(q('The police installed cameras in the city for face recognition')).toBe('en');
    expect(q('Die Polizei hat in der Stadt Kameras mit Gesichtserkennung installiert')).toBe('de');
    expect(q('Ђаци и камере')).toBe('sr');
  });
  it('says und rather than guess on thin evidence', () => {
    expect(q('Huawei Safe City')).toBe('und');
  });
});
