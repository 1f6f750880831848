import { describe, expect, it } from 'vitest';
import { classify } from '../../shared/classify/classify';
import { withStoredLanguage } from './article-language';

describe('withStoredLanguage', () => {
  it('keeps the quick guess when it has one', () => {
    const c = classify({ title: 'Kamere za prepoznavanje lica u Beogradu', text: 'MUP Srbije postavlja nove kamere na ulicama grada.' });
    expect(c.lang).toBe('sr');
    expect(withStoredLanguage(c, 'x', 'y')).toBe(c);
  });

  it('asks franc when the quick guess gives up, and keeps the rest of the classification', () => {
    const title = 'Трябва ли новите технологии за лицево разпознаване да ни тревожат';
    const text = 'Системите за лицево разпознаване се разпространяват бързо в много градове по света и пораждат въпроси.';
    // As the quick guess leaves some items (4 of the corpus's 364).
    const c = { ...classify({ title, text }), lang: 'und' };
    const stored = withStoredLanguage(c, title, text);
    expect(stored.lang).toBe('bg');
    expect({ ...stored, lang: 'und' }).toEqual(c);
  });

  it('stays "und" when franc is not confident either', () => {
    const c = { ...classify({ title: 'x', text: '' }), lang: 'und' };
    expect(withStoredLanguage(c, 'Ok', '').lang).toBe('und');
  });
});
