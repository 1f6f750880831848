import { describe, expect, it } from 'vitest';
import { parseLanguage } from './language';
import { formatDateTime, formatDay, formatScore, pluralCategory, t, topicLabel, topicTag } from './localize';

describe('localize', () => {
  it('picks Serbian plural forms (1, 2-4, 5+, teens) and English ones', () => {
    expect([1, 2, 4, 5, 11, 12, 21, 22, 25, 111].map((n) => pluralCategory('sr-Latn', n))).toEqual(
      ['one', 'few', 'few', 'other', 'other', 'other', 'one', 'few', 'other', 'other'],
    );
    expect(t('sr-Latn', 'digest.articles', { n: 1 })).toBe('1 članak');
    expect(t('sr-Latn', 'digest.articles', { n: 3 })).toBe('3 članka');
    expect(t('sr-Latn', 'digest.articles', { n: 12 })).toBe('12 članaka');
    expect(t('en', 'digest.articles', { n: 1 })).toBe('1 article');
    expect(t('en', 'digest.articles', { n: 2 })).toBe('2 articles');
  });

  it('transliterates the catalogue for sr-Cyrl but never the parameters', () => {
    expect(t('sr-Cyrl', 'alert.also', { n: 2, list: 'Danas, N1 Info' })).toBe('Пренело још 2 медија: Danas, N1 Info');
    expect(t('sr-Cyrl', 'feeds.added', { outlet: 'Novi Sad', url: 'https://x.rs/feed' })).toBe('Додат извор „Novi Sad“: https://x.rs/feed');
  });

  it('formats dates in Belgrade time, the way each language writes them', () => {
    expect(formatDateTime('sr-Latn', '2025-03-03T10:00:00Z')).toBe('3. 3. 2025. 11:00');
    expect(formatDateTime('en', '2025-07-03T10:05:00Z')).toBe('3 Jul 2025, 12:05');
    expect(formatDateTime('sr-Cyrl', null)).toBe('датум непознат');
    expect(formatDay('en', '2025-12-31T23:30:00Z')).toBe('1 Jan 2026');
  });

  it('formats scores and topic tags', () => {
    expect(formatScore('sr-Latn', 0.905)).toBe('0,91');
    expect(formatScore('en', 0.5)).toBe('0.50');
    expect(topicTag('sr-Latn', 'face-recognition')).toBe('#prepoznavanje_lica');
    expect(topicTag('en', 'dpia-commissioner')).toBe('#commissioner_and_impact_assessment');
    expect(topicTag('sr-Cyrl', 'huawei-safe-city')).toBe('#huawei_безбедан_град');
    expect(topicLabel('sr-Cyrl', 'cameras')).toBe('Камере');
  });

  it('reads languages as people type them', () => {
    expect(['sr-Latn', 'SR-CYRL', 'lat', 'ćir', 'ћир', 'en', 'English', 'de'].map(parseLanguage)).toEqual(
      ['sr-Latn', 'sr-Cyrl', 'sr-Latn', 'sr-Cyrl', 'sr-Cyrl', 'en', 'en', null],
    );
  });
});
