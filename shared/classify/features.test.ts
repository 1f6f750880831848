import { describe, expect, it } from 'vitest';
import { extractFeatures } from './features';
import { detectScript } from '../text/script';
import { quickLanguage } from '../text/quick-language';
import { tokenize } from '../text/tokenize';
import { fold } from '../text/fold';

describe('extractFeatures: script and language counted word by word', () => {
  // extractFeatures tallies letters and alphabet cues per cached word instead of scanning the
  // text again; it must agree with the text-level functions on every kind of text.
  const texts: Array<[string, string]> = [
    ['Kamere na Slaviji', 'Policija je postavila nove kamere u Beogradu.'],
    ['Камере на Славији', 'Полиција је поставила нове камере у Београду.'],
    ['Ђаво и ћуд', ''],
    ['Македонија: ѓ и ќ', 'ѕвезда'],
    ['Москва', 'Это камеры ъ'],
    ['Київ', 'камери і відео'],
    ['ćevapi', 'đak'],
    ['Mixed Латиница и Cyrillic', '3 × 4 ÷ 2 = 6, 8.100 kamera'],
    ['', ''],
    ['The cameras', 'The police said on Monday that the cameras will stay.'],
  ];
  it.each(texts)('%s', (title, text) => {
    const x = extractFeatures({ title, text });
    expect(x.script).toBe(detectScript(title, text));
    expect(x.lang).toBe(quickLanguage(`${title}\n${text}`, tokenize(`${title}\n${text}`).map(fold), detectScript(title, text)));
  });
});

describe('extractFeatures: look-alike words do not match surveillance terms', () => {
  // Each word of a lexicon term is a prefix unless written "=x": these are ordinary phrases that
  // a careless prefix would take for face recognition or predictive policing.
  it.each([
    ['Facebook scandal grows', 'c:face'],
    ['Face scandal: the star apologises', 'c:face'],
    ['Facebook paying publishers', 'c:face'],
    ['Predictive policy analysis for the budget', 'c:mass-surveillance'],
  ])('%s has no %s', (title, feature) => {
    expect(extractFeatures({ title, text: '' }).features.has(feature)).toBe(false);
  });

  it.each([
    ['Police roll out face scans at the stadium', 'c:face'],
    ['Predictive policing comes to Belgrade', 'c:mass-surveillance'],
  ])('%s has %s', (title, feature) => {
    expect(extractFeatures({ title, text: '' }).features.has(feature)).toBe(true);
  });
});
