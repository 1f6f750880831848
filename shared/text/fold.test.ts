import { describe, expect, it } from 'vitest';
import { fold } from './fold';

describe('fold', () => {
  it('makes Cyrillic, Latin and diacritic-free text meet', () => {
    expect(fold('Препознавање лица')).toBe('prepoznavanje lica');
    expect(fold('Prepoznavanje lica')).toBe('prepoznavanje lica');
    expect(fold('prepoznavanje lica')).toBe('prepoznavanje lica');
  });

  it('takes the diacritics off and spells đ as dj', () => {
    expect(fold('šćžčđ ŠĆŽČĐ')).toBe('sczcdj sczcdj');
    expect(fold('Ђорђе Вучић')).toBe('djordje vucic');
    expect(fold('Šer fondacija')).toBe(fold('Шер фондација'));
    expect(fold('Njegoš')).toBe(fold('ЊЕГОШ'));
  });

  it('folds the letters of other Cyrillic alphabets to Latin too', () => {
    expect(fold('ќе')).toBe('kje');
    expect(fold('Москва')).toBe('moskva');
  });

  it('lower-cases plain ASCII', () => {
    expect(fold('Face Recognition')).toBe('face recognition');
  });
});
