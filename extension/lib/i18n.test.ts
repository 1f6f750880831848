import { describe, expect, it } from 'vitest';
import { UI_LANGS } from '../../shared/context/localize';
import { TOPICS } from '../../shared/model/types';
import { format, strings, topicAbout, topicLabel } from './i18n';

describe('interface strings', () => {
  it('every language has every string, none empty', () => {
    const keys = Object.keys(strings('en')).sort();
    for (const lang of UI_LANGS) {
      const s = strings(lang);
      expect(Object.keys(s).sort()).toEqual(keys);
      for (const [k, v] of Object.entries(s)) expect(v.trim(), `${lang}.${k}`).not.toBe('');
    }
  });

  it('Cyrillic keeps the product name and placeholders', () => {
    const s = strings('sr-Cyrl');
    expect(s.panelLabel).toBe('Nadzor Watch: контекст кампање');
    expect(s.addCurrent).toBe('Додај {host}');
    expect(format(s.addCurrent, { host: 'example.org' })).toBe('Додај example.org');
  });

  it('every topic has a label and a sentence in every language', () => {
    for (const topic of TOPICS) {
      for (const lang of UI_LANGS) {
        expect(topicLabel(topic, lang)).not.toBe('');
        expect(topicAbout(topic, lang).length).toBeGreaterThan(40);
      }
    }
    expect(topicLabel('cameras', 'sr-Cyrl')).toBe('Камере');
  });
});
