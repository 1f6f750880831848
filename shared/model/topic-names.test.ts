import { describe, expect, it } from 'vitest';
import { TOPICS } from './types';
import { languageName } from './language-names';
import { TOPIC_NAMES, topicName } from './topic-names';
import { uiCyrillic } from '../text/ui-cyrillic';

describe('one vocabulary', () => {
  it('names every topic in every language', () => {
    for (const t of TOPICS) {
      expect(TOPIC_NAMES[t].en).not.toBe('');
      expect(topicName(t, 'sr-Cyrl')).not.toBe(topicName(t, 'sr-Latn'));
    }
    expect(topicName('huawei-safe-city', 'sr-Cyrl')).toBe('Huawei „Безбедан град“');
    expect(topicName('unknown', 'en')).toBe('unknown');
  });

  it('keeps brand names and hashtags Latin in Cyrillic text', () => {
    expect(uiCyrillic('Inicijativa #hiljadekamera, EDRi i SHARE fondacija')).toBe('Иницијатива #hiljadekamera, EDRi и SHARE фондација');
    expect(uiCyrillic('Huawei kamere, {n} članaka')).toBe('Huawei камере, {n} чланака');
    expect(uiCyrillic('podeljeno')).toBe('подељено');
  });

  it('names languages, never shows a raw code', () => {
    expect(languageName('sv', 'en')).toBe('Swedish');
    expect(languageName('sv', 'sr-Latn')).toBe('švedski');
    expect(languageName('sv', 'sr-Cyrl')).toBe('шведски');
    expect(languageName('sr', 'sr-Latn')).toBe('srpski (i srodni)');
    expect(languageName('und', 'en')).toBe('undetermined');
    expect(languageName('qq', 'en')).toBe('QQ');
  });
});
