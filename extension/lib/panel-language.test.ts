import { describe, expect, it } from 'vitest';
import { panelLanguage, uiLanguage } from './panel-language';

describe('panelLanguage', () => {
  it('follows the page: Cyrillic text gets Cyrillic', () => {
    expect(panelLanguage('auto', { htmlLang: 'sr-Cyrl-RS', script: 'Cyrl', textLang: 'sr' })).toBe('sr-Cyrl');
    expect(panelLanguage('auto', { htmlLang: '', script: 'Cyrl', textLang: 'sr' })).toBe('sr-Cyrl');
  });

  it('Serbian (and its neighbours) in Latin script get Serbian Latin', () => {
    expect(panelLanguage('auto', { htmlLang: 'sr', script: 'Latn', textLang: 'sr' })).toBe('sr-Latn');
    expect(panelLanguage('auto', { htmlLang: 'hr-HR', script: 'Latn', textLang: 'sr' })).toBe('sr-Latn');
    expect(panelLanguage('auto', { htmlLang: '', script: 'Latn', textLang: 'sr' })).toBe('sr-Latn');
  });

  it('everything else gets English', () => {
    expect(panelLanguage('auto', { htmlLang: 'en-GB', script: 'Latn', textLang: 'en' })).toBe('en');
    expect(panelLanguage('auto', { htmlLang: 'de', script: 'Latn', textLang: 'de' })).toBe('en');
  });

  it('the reader’s choice wins', () => {
    expect(panelLanguage('en', { htmlLang: 'sr-Cyrl', script: 'Cyrl', textLang: 'sr' })).toBe('en');
    expect(panelLanguage('sr-Cyrl', { htmlLang: 'en', script: 'Latn', textLang: 'en' })).toBe('sr-Cyrl');
  });
});

describe('uiLanguage', () => {
  it('maps browser languages', () => {
    expect(uiLanguage('auto', 'sr')).toBe('sr-Cyrl');
    expect(uiLanguage('auto', 'sr-Latn-RS')).toBe('sr-Latn');
    expect(uiLanguage('auto', 'en-US')).toBe('en');
    expect(uiLanguage('sr-Latn', 'en-US')).toBe('sr-Latn');
  });
});
