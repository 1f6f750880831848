import { describe, expect, it } from 'vitest';
import { localize } from './localize';

describe('Cyrillic context text', () => {
  it('keeps hashtags and brand names Latin', () => {
    expect(localize({ en: 'x', sr: 'Inicijativa #hiljadekamera i EDRi' }, 'sr-Cyrl')).toBe('Иницијатива #hiljadekamera и EDRi');
    expect(localize({ en: 'x', sr: 'SHARE fondacija' }, 'sr-Cyrl')).toBe('SHARE фондација');
  });
});
