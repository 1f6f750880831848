import { describe, expect, it } from 'vitest';
import { glossary } from '../../shared/context/glossary';
import { GlossaryMatcher } from './glossary-matcher';

const matcher = new GlossaryMatcher(glossary);
const found = (text: string) => matcher.find(text).map((m) => [m.term.id, text.slice(m.start, m.end)]);

describe('GlossaryMatcher', () => {
  it('finds a term in Latin, in Cyrillic and without diacritics', () => {
    expect(found('Poverenik je odbio')).toEqual([['commissioner', 'Poverenik']]);
    expect(found('Повереник је одбио')).toEqual([['commissioner', 'Повереник']]);
    expect(found('procena uticaja na zastitu podataka')[0]).toEqual(['dpia', 'procena uticaja na zastitu podataka']);
  });

  it('prefers the longest form', () => {
    expect(found('masovnog biometrijskog nadzora')).toEqual([['biometric-mass-surveillance', 'masovnog biometrijskog nadzora']]);
  });

  it('matches whole words only', () => {
    expect(found('veći broj')).toEqual([]);
    expect(found('DPIAs')).toEqual([]);
  });

  it('lets multi-word forms span spaces and hyphens, not sentence ends', () => {
    expect(found('video-nadzor')).toEqual([['cctv', 'video-nadzor']]);
    expect(found('Safe City')).toEqual([['safe-city', 'Safe City']]);
    expect(found('Safe. City')).toEqual([]);
  });

  it('gives offsets into the original string', () => {
    const text = 'Sistem „Bezbedan grad“ kompanije Huawei';
    const [m] = matcher.find(text);
    expect(text.slice(m.start, m.end)).toBe('Bezbedan grad');
  });
});
