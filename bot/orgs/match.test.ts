import { describe, expect, it } from 'vitest';
import { createOrgMatcher, orgFtsQuery, parseName } from './match';
import { defaultOrgs } from './registry';

const matcher = createOrgMatcher(defaultOrgs());

describe('createOrgMatcher', () => {
  it('finds a name in either script, with or without diacritics', () => {
    expect(matcher.match('Šer fondacija upozorava na kamere')).toEqual(['share-foundation']);
    expect(matcher.match('Шер фондација упозорава на камере')).toEqual(['share-foundation']);
    expect(matcher.match('Ser fondacija upozorava')).toEqual(['share-foundation']);
    expect(matcher.match('SHARE Foundation warns about cameras')).toEqual(['share-foundation']);
  });

  it('matches case endings only where the name pattern has a *', () => {
    expect(matcher.match('Analiza Šer fondacije i Partnera Srbija')).toEqual(['share-foundation', 'partners-serbia']);
    expect(matcher.match('Кинески партнери Србије')).toEqual([]);
    expect(matcher.match('Izjava Poverenika za informacije')).toEqual(['data-protection-commissioner']);
  });

  it('matches whole words only', () => {
    expect(matcher.match('MUP nabavlja kamere')).toEqual(['ministry-of-interior']);
    expect(matcher.match('Smupani podaci', 'komupa')).toEqual([]);
    expect(matcher.match('Huawei-a kamere')).toEqual(['huawei']);
    expect(matcher.match('Хуавеја камере')).toEqual(['huawei']);
    expect(matcher.match('birnbaum')).toEqual([]);
  });

  it('looks in the text as well as the title, but not across them', () => {
    expect(matcher.match('Kamere', 'Prema podacima BIRN-a')).toEqual(['birn']);
    expect(matcher.match('Izveštaj SHARE', 'Foundation of the new law')).toEqual([]);
  });
});

describe('parseName', () => {
  it('folds the words and marks prefixes', () => {
    expect(parseName('Šer fondacij*')).toEqual([
      { text: 'ser', prefix: false },
      { text: 'fondacij', prefix: true },
    ]);
    expect(parseName('Шер')).toEqual([{ text: 'ser', prefix: false }]);
  });

  it('rejects stars that do not end a word and too-short prefixes', () => {
    expect(parseName('*fondacija')).toMatch(/\* may only end a word/);
    expect(parseName('fond **')).toMatch(/\* may only end a word/);
    expect(parseName('ab*')).toMatch(/at least 3 letters/);
    expect(parseName('#!')).toMatch(/no letters or digits/);
  });
});

describe('orgFtsQuery', () => {
  it('quotes every word and joins the names with OR', () => {
    expect(orgFtsQuery({ names: ['Šer fondacij*', 'SHARE Foundation', 'Шер фондациј*'] })).toBe(
      '"ser" + "fondacij"* OR "share" + "foundation"',
    );
  });
});
