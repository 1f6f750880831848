import { describe, expect, it } from 'vitest';
import { isOwnSender, parseBackgroundMessage, parseContentMessage, parseTerms, parseVerdictReport } from './messages';

describe('parseBackgroundMessage', () => {
  it('accepts a verdict', () => {
    expect(parseBackgroundMessage({ type: 'verdict', relevant: true, score: 0.9 })).toEqual({ type: 'verdict', relevant: true, score: 0.9 });
  });

  it('accepts a related request with known topics and word terms', () => {
    const m = parseBackgroundMessage({ type: 'related', topics: ['cameras', 'law'], terms: ['kamere', 'prepoznavanje lica'], lang: 'sr' });
    expect(m).toEqual({ type: 'related', topics: ['cameras', 'law'], terms: ['kamere', 'prepoznavanje lica'], lang: 'sr' });
  });

  it('drops extra fields, so nothing else can ride along to the server', () => {
    const m = parseBackgroundMessage({ type: 'related', topics: ['cameras'], terms: [], lang: 'en', url: 'https://x.test/a' });
    expect(m).toEqual({ type: 'related', topics: ['cameras'], terms: [], lang: 'en' });
  });

  it.each([
    null,
    'verdict',
    [],
    { type: 'unknown' },
    { type: 'verdict', relevant: 'yes', score: 0.5 },
    { type: 'verdict', relevant: true, score: 2 },
    { type: 'verdict', relevant: true, score: Number.NaN },
    { type: 'related', topics: ['not-a-topic'], terms: [], lang: 'sr' },
    { type: 'related', topics: 'cameras', terms: [], lang: 'sr' },
    { type: 'related', topics: [], terms: ['https://evil.test/?q=1'], lang: 'sr' },
    { type: 'related', topics: [], terms: ['a'.repeat(100)], lang: 'sr' },
    { type: 'related', topics: [], terms: Array(20).fill('x'), lang: 'sr' },
    { type: 'related', topics: [], terms: [], lang: 'de' },
  ])('rejects %j', (raw) => {
    expect(parseBackgroundMessage(raw)).toBeNull();
  });
});

describe('parseTerms', () => {
  it('takes Cyrillic and Latin words with spaces and hyphens', () => {
    expect(parseTerms(['камере', 'video-nadzor', 'face recognition'])).toEqual(['камере', 'video-nadzor', 'face recognition']);
  });
  it('refuses markup and punctuation', () => {
    expect(parseTerms(['<b>x</b>'])).toBeNull();
    expect(parseTerms(['a/b'])).toBeNull();
  });
});

describe('parseContentMessage and parseVerdictReport', () => {
  it('knows only get-verdict', () => {
    expect(parseContentMessage({ type: 'get-verdict' })).toEqual({ type: 'get-verdict' });
    expect(parseContentMessage({ type: 'verdict' })).toBeNull();
  });

  it('validates a report', () => {
    const report = { relevant: true, score: 0.8, topics: ['cameras'], reasons: ['cameras: "kamere"'], uiLang: 'sr-Latn' };
    expect(parseVerdictReport(report)).toEqual(report);
    expect(parseVerdictReport({ ...report, uiLang: 'fr' })).toBeNull();
    expect(parseVerdictReport({ ...report, reasons: [42] })).toBeNull();
    expect(parseVerdictReport(null)).toBeNull();
  });
});

describe('isOwnSender', () => {
  it('tells our content scripts from our pages and from others', () => {
    expect(isOwnSender({ id: 'me', tab: { id: 3 } }, 'me', 'content-script')).toBe(true);
    expect(isOwnSender({ id: 'me' }, 'me', 'content-script')).toBe(false);
    expect(isOwnSender({ id: 'other', tab: { id: 3 } }, 'me', 'content-script')).toBe(false);
    expect(isOwnSender({ id: 'me' }, 'me', 'extension-page')).toBe(true);
    expect(isOwnSender({ id: 'me', tab: { id: 3 } }, 'me', 'extension-page')).toBe(false);
  });
});
