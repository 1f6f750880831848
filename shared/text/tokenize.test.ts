import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  it('keeps Serbian words whole in both scripts', () => {
    expect(tokenize('Šer fondacija: čuvajte žene, ćerke i đake')).toEqual(['Šer', 'fondacija', 'čuvajte', 'žene', 'ćerke', 'i', 'đake']);
    expect(tokenize('Препознавање лица у Београду')).toEqual(['Препознавање', 'лица', 'у', 'Београду']);
  });

  it('splits at punctuation, hyphens and hashtags', () => {
    expect(tokenize('#hiljadekamera, (MUP) video-nadzor!')).toEqual(['hiljadekamera', 'MUP', 'video', 'nadzor']);
  });

  it('keeps numbers with thousands separators together', () => {
    expect(tokenize('8.100 kamera, 1,000 cameras at 800 locations; 12.5')).toEqual(['8.100', 'kamera', '1,000', 'cameras', 'at', '800', 'locations', '12', '5']);
  });

  it('handles decomposed diacritics and empty input', () => {
    expect(tokenize('s\u030Cifra')).toEqual(['s\u030Cifra']);
    expect(tokenize('')).toEqual([]);
    expect(tokenize('... !!!')).toEqual([]);
  });
});
