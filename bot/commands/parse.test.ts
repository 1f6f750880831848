import { describe, expect, it } from 'vitest';
import { parseCommandText } from './parse';

describe('parseCommandText', () => {
  it('reads numbers, URLs and feed actions', () => {
    expect(parseCommandText('latest', ' 7 ')).toEqual({ name: 'latest', n: 7 });
    expect(parseCommandText('latest', 'many')).toEqual({ name: 'latest', n: undefined });
    expect(parseCommandText('coverage', '30')).toEqual({ name: 'coverage', days: 30 });
    expect(parseCommandText('why', 'https://a.rs/x extra')).toEqual({ name: 'why', url: 'https://a.rs/x' });
    expect(parseCommandText('feeds', '')).toEqual({ name: 'feeds', action: 'list' });
    expect(parseCommandText('feeds', 'add https://a.rs/rss strani Radio Slobodna Evropa')).toEqual({
      name: 'feeds', action: 'add', url: 'https://a.rs/rss', scope: 'international', outlet: 'Radio Slobodna Evropa',
    });
    expect(parseCommandText('feeds', 'add https://a.rs/rss Lokalne novine')).toMatchObject({ scope: undefined, outlet: 'Lokalne novine' });
    expect(parseCommandText('feeds', 'ukloni https://a.rs/rss')).toEqual({ name: 'feeds', action: 'remove', url: 'https://a.rs/rss' });
  });

  it('reads subscription settings in any order, in Serbian or English', () => {
    expect(parseCommandText('subscribe', 'nedeljno ćir law,cameras min=0,7')).toEqual({
      name: 'subscribe', mode: 'weekly', language: 'sr-Cyrl', topics: ['law', 'cameras'], minScore: 0.7,
    });
    expect(parseCommandText('subscribe', 'all min=off en')).toEqual({ name: 'subscribe', topics: [], minScore: null, language: 'en' });
    expect(parseCommandText('subscribe', 'hourly min=2 cameras,bogus')).toEqual({ name: 'subscribe', unknown: ['hourly', 'min=2', 'cameras,bogus'] });
    expect(parseCommandText('subscribe', 'mediji=3')).toEqual({ name: 'subscribe', milestoneOutlets: 3 });
    expect(parseCommandText('subscribe', 'outlets=off')).toEqual({ name: 'subscribe', milestoneOutlets: 0 });
    expect(parseCommandText('subscribe', 'outlets=default')).toEqual({ name: 'subscribe', milestoneOutlets: null });
    expect(parseCommandText('subscribe', 'outlets=1 outlets=x')).toEqual({ name: 'subscribe', unknown: ['outlets=1', 'outlets=x'] });
  });
});
