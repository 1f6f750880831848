import { describe, expect, it } from 'vitest';
import { stem } from './stem';
import { fold } from './fold';

const sameStem = (words: string[], lang: 'sr' | 'en') => new Set(words.map((w) => stem(fold(w), lang)));

describe('stem', () => {
  it('brings Serbian inflections together', () => {
    expect(sameStem(['kamera', 'kamere', 'kamerama', 'kameru', 'камерама'], 'sr').size).toBe(1);
    expect(sameStem(['Beograd', 'Beogradu', 'Beograda', 'Београду'], 'sr').size).toBe(1);
    expect(sameStem(['nadzor', 'nadzora', 'nadzoru', 'надзором'], 'sr').size).toBe(1);
    expect(sameStem(['prepoznavanje', 'prepoznavanja', 'prepoznavanju'], 'sr').size).toBe(1);
    expect(sameStem(['biometrijski', 'biometrijskog', 'biometrijskom', 'биометријски'], 'sr').size).toBe(1);
  });

  it('brings English inflections together', () => {
    expect(sameStem(['camera', 'cameras'], 'en').size).toBe(1);
    expect(sameStem(['recognise', 'recognised', 'recognises'], 'en').size).toBe(1);
    expect(sameStem(['surveillance', 'surveillances'], 'en').size).toBe(1);
  });

  it('treats Cyrillic like its Latin transliteration', () => {
    expect(stem('камерама', 'sr')).toBe(stem('kamerama', 'sr'));
  });
});
