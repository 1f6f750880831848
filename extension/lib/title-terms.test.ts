import { describe, expect, it } from 'vitest';
import { parseTerms } from './messages';
import { titleTerms } from './title-terms';

describe('titleTerms', () => {
  it('keeps the surveillance vocabulary of the title, folded', () => {
    const terms = titleTerms('Kamere sa prepoznavanjem lica u Beogradu: Marko Marković traži odgovore', 'sr');
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.join(' ')).toMatch(/kamer/);
    expect(terms.join(' ')).not.toMatch(/markovic|marko|trazi|odgovore/);
  });

  it('folds Cyrillic to Latin', () => {
    const terms = titleTerms('Камере са препознавањем лица у Београду', 'sr');
    expect(terms.join(' ')).toMatch(/^[a-z0-9 -]+$/);
  });

  it('gives nothing for a title outside the subject', () => {
    expect(titleTerms('Košarkaši Partizana slavili derbi', 'sr')).toEqual([]);
  });

  it('always passes the message validation', () => {
    for (const title of ['Huawei „Safe City“ — 8.100 kamera!', 'Face recognition: the AI Act and Serbia', '']) {
      expect(parseTerms(titleTerms(title))).not.toBeNull();
    }
  });
});
