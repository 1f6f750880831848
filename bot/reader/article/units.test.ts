import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FetchError } from '../fetcher';
import { decodeHtmlBytes } from './decode-html';
import { resolvePublisherUrl } from './resolve-link';
import { RobotsCache } from './robots';
import { pageWanted, shortness } from './select';
import type { IncomingItem } from '../processor';

const base: IncomingItem = { id: 'x', url: null, title: 'Naslov', summary: '', content: '', published: null, updated: null, author: null, enclosures: [] };

describe('which items want a page', () => {
  it('title only, cut off, short, or undecided', () => {
    expect(shortness('')).toBe('title only');
    expect(shortness('Ministarstvo je saopštilo da će kamere …')).toBe('cut off');
    expect(shortness('Ministarstvo je saopštilo da će kamere [...]')).toBe('cut off');
    expect(shortness('Ministarstvo je saopštilo da će kamere... Opširnije »')).toBe('cut off');
    expect(shortness('Jedna rečenica o kamerama.')).toBe('short');
    const long = 'reč '.repeat(60);
    expect(shortness(long)).toBeNull();
    expect(pageWanted(long, 0.5)).toBe('undecided');
    expect(pageWanted(long, 0.95)).toBeNull();
    expect(pageWanted(long, 0.05)).toBeNull();
    // A short item with no sign of the subject at all is not worth a request.
    expect(pageWanted('', 0.001)).toBeNull();
    expect(pageWanted('', 0.05)).toBe('title only');
  });
});

describe('news-search links', () => {
  it("takes Bing's url= parameter", () => {
    const url = 'https://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=1&url=https%3a%2f%2fwww.danas.rs%2fvesti%2fdrustvo%2fkamere%2f&c=1';
    expect(resolvePublisherUrl({ ...base, url })).toEqual({ url: 'https://www.danas.rs/vesti/drustvo/kamere/' });
  });
  it('keeps direct links (GDELT) as they are', () => {
    expect(resolvePublisherUrl({ ...base, url: 'https://n1info.rs/vesti/kamere-slavija/' })).toEqual({ url: 'https://n1info.rs/vesti/kamere-slavija/' });
  });
  it('uses a source link that names an article, or a publisher URL in the description', () => {
    const g = 'https://news.google.com/rss/articles/CBMiSWh0dHBzOi8v?oc=5';
    expect(resolvePublisherUrl({ ...base, url: g, source: { title: 'Danas', href: 'https://www.danas.rs/vesti/kamere/' } })).toEqual({ url: 'https://www.danas.rs/vesti/kamere/' });
    expect(resolvePublisherUrl({ ...base, url: g, summary: 'Kamere na Slaviji https://nova.rs/vesti/kamere-slavija/ Nova.rs' })).toEqual({ url: 'https://nova.rs/vesti/kamere-slavija/' });
  });
  it("marks Google News links without the publisher's URL unresolved (a site's home page is not the article)", () => {
    const r = resolvePublisherUrl({ ...base, url: 'https://news.google.com/rss/articles/CBMiSWh0dHBzOi8v?oc=5', source: { title: 'Danas', href: 'https://www.danas.rs' } });
    expect(r.url).toBeNull();
  });
});

describe('HTML charsets', () => {
  const text = 'Kamere za prepoznavanje lica u Beogradu: čćžšđ';
  it('windows-1250 from the header', () => {
    const d = decodeHtmlBytes(iconv.encode(`<html><body><p>${text}</p></body></html>`, 'windows-1250'), 'text/html; charset=windows-1250');
    expect(d.text).toContain(text);
    expect(d.source).toBe('http');
  });
  it('windows-1251 declared only by <meta charset> or <meta http-equiv>', () => {
    const cyr = 'Камере за препознавање лица у Београду';
    for (const meta of ['<meta charset="windows-1251">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">']) {
      const d = decodeHtmlBytes(iconv.encode(`<html><head>${meta}</head><body><p>${cyr}</p></body></html>`, 'windows-1251'), 'text/html');
      expect(d.text).toContain(cyr);
      expect(d.encoding).toBe('windows-1251');
      expect(d.source).toBe('meta');
    }
  });
  it('a BOM wins over a wrong <meta>', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<meta charset="windows-1251"><p>${text}</p>`)]);
    expect(decodeHtmlBytes(bytes, null).text).toContain(text);
  });
});

describe('robots.txt', () => {
  it('honours Disallow for our agent and reads robots.txt once per origin', async () => {
    let reads = 0;
    const cache = new RobotsCache(async () => {
      reads++;
      return 'User-agent: NadzorWatch\nDisallow: /premium/\n\nUser-agent: *\nDisallow: /\n';
    });
    expect(await cache.allowed('https://a.example/vesti/1')).toBe(true);
    expect(await cache.allowed('https://a.example/premium/2')).toBe(false);
    expect(reads).toBe(1);
  });
  it('a 404 allows everything; a 500 or a network failure allows nothing for now', async () => {
    const fail = (status?: number) => new RobotsCache(async (url) => {
      throw status ? new FetchError('http', `HTTP ${status}`, url, { status }) : new FetchError('network', 'refused', url);
    });
    expect(await fail(404).allowed('https://a.example/x')).toBe(true);
    expect(await fail(500).allowed('https://a.example/x')).toBe(false);
    expect(await fail().allowed('https://a.example/x')).toBe(false);
  });
});

describe('Google News article ids', () => {
  it('reads the publisher URL out of an older id, and gives up on an opaque one', () => {
    const target = 'https://www.danas.rs/vesti/drustvo/kamere-slavija/';
    // 0x08 0x13 0x22 <len> <url> 0xd2 0x01 0x00: the layout of the older ids.
    const id = Buffer.concat([Buffer.from([0x08, 0x13, 0x22, target.length]), Buffer.from(target), Buffer.from([0xd2, 0x01, 0x00])]).toString('base64url');
    expect(resolvePublisherUrl({ ...base, url: `https://news.google.com/rss/articles/${id}?oc=5` })).toEqual({ url: target });
    const opaque = Buffer.from('AU_yqLPx3mQ0some-opaque-bytes').toString('base64url');
    expect(resolvePublisherUrl({ ...base, url: `https://news.google.com/rss/articles/${opaque}?oc=5` }).url).toBeNull();
  });
});
