import { describe, expect, it } from 'vitest';
import { conceptsOfFeature, gapRandom, withLexiconGaps } from './lexicon-gaps';

const features = new Set(['c:face', 't:face', 'c:law', 'p:face&law', 'c:serbia', 'w:kamer', 'x:scope-domestic']);

describe('withLexiconGaps', () => {
  it('names the concepts of concept, title and pair features, and none of words or context', () => {
    expect(conceptsOfFeature('c:face')).toEqual(['face']);
    expect(conceptsOfFeature('t:face')).toEqual(['face']);
    expect(conceptsOfFeature('p:face&law')).toEqual(['face', 'law']);
    expect(conceptsOfFeature('w:kamer')).toEqual([]);
    expect(conceptsOfFeature('x:tld-rs')).toEqual([]);
  });

  it('drops a concept with all its features, and keeps words and context', () => {
    // share 1: every concept goes.
    expect([...withLexiconGaps(features, 1, Math.random)].sort()).toEqual(['w:kamer', 'x:scope-domestic']);
    // share 0: nothing goes.
    expect(withLexiconGaps(features, 0, Math.random)).toBe(features);
    // A generator that drops only the first concept in sorted order ("face").
    let n = 0;
    const firstOnly = () => (n++ === 0 ? 0 : 0.99);
    expect([...withLexiconGaps(features, 0.5, firstOnly)].sort()).toEqual(['c:law', 'c:serbia', 'w:kamer', 'x:scope-domestic']);
  });

  it('draws the same copies for the same item on every run', () => {
    const a = withLexiconGaps(features, 0.5, gapRandom('abc123'));
    const b = withLexiconGaps(features, 0.5, gapRandom('abc123'));
    expect([...a]).toEqual([...b]);
  });
});
