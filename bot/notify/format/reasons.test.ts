import { describe, expect, it } from 'vitest';
import { meaningfulTopics, splitReasons } from './reasons';

describe('alert reasons and tags', () => {
  const reasons = [
    'Serbia: "beograd"',
    'police and the Ministry of Interior: "mup"',
    'face recognition: "prepoznavanje lica"',
    'Serbian (ekavian) wording: "bezbednost"',
    'cameras: "kamere"',
    'despite consumer gadgets: "telefon"',
  ];

  it('shows at most two reasons, the ones about the subject first; the rest stay in order', () => {
    expect(splitReasons({ reasons })).toEqual({
      shown: ['face recognition: "prepoznavanje lica"', 'cameras: "kamere"'],
      rest: ['Serbia: "beograd"', 'police and the Ministry of Interior: "mup"', 'Serbian (ekavian) wording: "bezbednost"', 'despite consumer gadgets: "telefon"'],
    });
    expect(splitReasons({ reasons: ['Serbia: "srbija"', 'despite sport: "utakmica"'] }).shown).toEqual(['Serbia: "srbija"']);
    expect(splitReasons({ reasons: ['no surveillance or Serbia terms found'] }).shown).toEqual(['no surveillance or Serbia terms found']);
  });

  it('tags at most three topics, those the reasons are about, strongest first', () => {
    expect(meaningfulTopics({ reasons, topics: ['cameras', 'face-recognition', 'local-procurement'] })).toEqual(['face-recognition', 'cameras']);
    const many = ['Safe City / Safe Society: "sigurni grad"', 'the draft Law on Internal Affairs: "nacrt"', 'cameras: "kamere"', 'the Commissioner / DPIA: "poverenik"'];
    expect(meaningfulTopics({ reasons: many, topics: ['cameras', 'huawei-safe-city', 'law', 'dpia-commissioner'] })).toEqual(['huawei-safe-city', 'law', 'cameras']);
    expect(meaningfulTopics({ reasons: ['Serbia: "srbija"'], topics: ['protest'] })).toEqual(['protest']);
  });
});
