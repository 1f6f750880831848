import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { stableId } from './normalize';
import { documentBase, FeedParseError, parseFeed } from './parser';

const fixture = (name: string): Buffer => readFileSync(path.join(__dirname, 'testdata', name));

describe('parseFeed: RSS 2.0 (Serbian Latin)', () => {
  it('reads the channel', async () => {
    const feed = await parseFeed(fixture('rss2-latin.xml'));
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Vesti – Društvo');
    expect(feed.link).toBe('https://www.example-vesti.rs/drustvo/');
    expect(feed.language).toBe('sr-Latn');
    expect(feed.subtitle).toBe('Najnovije vesti iz rubrike Društvo');
    expect(feed.updated).toBe('2025-01-14T08:30:00.000Z');
    expect(feed.encoding).toBe('utf-8');
    expect(feed.warnings).toEqual([]);
    expect(feed.items).toHaveLength(2);
  });

  it('turns HTML descriptions into plain text, entities decoded and scripts dropped', async () => {
    const [item] = (await parseFeed(fixture('rss2-latin.xml'))).items;
    expect(item.title).toBe('Kamere za prepoznavanje lica: Poverenik traži procenu uticaja');
    expect(item.summary).toBe(
      'Poverenik za informacije od javnog značaja i zaštitu podataka o ličnosti ponovo je zatražio procenu ' +
        'uticaja (DPIA) za sistem „Bezbedni grad“. Više na sajtu…',
    );
    expect(item.content).toBe('Poverenik je u mišljenju naveo da procena uticaja nije dostavljena. Ministarstvo nije odgovorilo.');
    expect(item.content).not.toMatch(/track|</);
  });

  it('gives ISO UTC dates, the guid as id, author, categories and enclosures', async () => {
    const [item] = (await parseFeed(fixture('rss2-latin.xml'))).items;
    expect(item.published).toBe('2025-01-14T08:15:00.000Z');
    expect(item.id).toBe('https://www.example-vesti.rs/?p=1042');
    expect(item.idIsDerived).toBe(false);
    expect(item.author).toBe('Jelena Petrović');
    expect(item.tags).toEqual(['Nadzor', 'Bezbedni grad']);
    expect(item.enclosures).toEqual([{ url: 'https://www.example-vesti.rs/img/kamere.jpg', type: 'image/jpeg', length: '48213' }]);
  });

  it('removes utm_ parameters from the canonical URL and keeps the rest', async () => {
    const [item] = (await parseFeed(fixture('rss2-latin.xml'))).items;
    expect(item.url).toBe('https://www.example-vesti.rs/drustvo/kamere-prepoznavanje-lica/?id=42');
    // The link as written stays available (display, peer comparison).
    expect(item.link).toContain('utm_source=rss');
  });

  it('removes fbclid and tracking fragments and lower-cases the host', async () => {
    const [, item] = (await parseFeed(fixture('rss2-latin.xml'))).items;
    expect(item.url).toBe('https://www.example-vesti.rs/drustvo/protest-skupstina/?strana=1');
    expect(item.summary).toBe('Građani su se okupili ispred Skupštine.');
  });

  it('gives items without a guid a stable id from canonical URL and title', async () => {
    const a = (await parseFeed(fixture('rss2-latin.xml'))).items[1];
    const b = (await parseFeed(fixture('rss2-latin.xml'))).items[1];
    expect(a.idIsDerived).toBe(true);
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(stableId({ url: a.url, title: a.title }));
    expect(a.id).toMatch(/^urn:nadzor:item:[0-9a-f]{16}$/);
    // Tracking parameters do not change the id: the canonical URL is hashed.
    const retracked = fixture('rss2-latin.xml').toString('utf8').replace('fbclid=IwAR0abc', 'fbclid=other');
    expect((await parseFeed(retracked)).items[1].id).toBe(a.id);
    // A different title is a different item.
    const retitled = fixture('rss2-latin.xml').toString('utf8').replace('Protest ispred', 'Novi protest ispred');
    expect((await parseFeed(retitled)).items[1].id).not.toBe(a.id);
  });
});

describe('parseFeed: Atom 1.0 (Serbian Cyrillic)', () => {
  it('reads feed and entry, resolving links against xml:base', async () => {
    const feed = await parseFeed(fixture('atom-cyrillic.xml'));
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Новине – Друштво');
    expect(feed.subtitle).toBe('Вести о надзору и приватности');
    expect(feed.link).toBe('https://www.example-novine.rs/drustvo/');
    expect(feed.language).toBe('sr-Cyrl');
    expect(feed.id).toBe('tag:example-novine.rs,2025:drustvo');
    expect(feed.authors[0]).toEqual({ name: 'Редакција', email: 'redakcija@example-novine.rs', href: null });

    const [entry] = feed.items;
    expect(entry.id).toBe('tag:example-novine.rs,2025:clanak-77');
    expect(entry.title).toBe('Хуавеј и „Безбедни град“: шта знамо');
    expect(entry.link).toBe('https://www.example-novine.rs/clanak/huavej-bezbedni-grad?utm_campaign=atom&strana=2');
    expect(entry.url).toBe('https://www.example-novine.rs/clanak/huavej-bezbedni-grad?strana=2');
    expect(entry.published).toBe('2025-01-14T07:05:00.000Z');
    expect(entry.updated).toBe('2025-01-14T08:00:00.000Z');
    expect(entry.author).toBe('Марко Јовановић');
    expect(entry.authors[0].href).toBe('https://www.example-novine.rs/autori/marko');
    expect(entry.enclosures).toEqual([
      { url: 'https://www.example-novine.rs/audio/emisija-77.mp3', type: 'audio/mpeg', length: '1200000' },
    ]);
  });

  it('reads html and xhtml text constructs as plain text', async () => {
    const [entry] = (await parseFeed(fixture('atom-cyrillic.xml'))).items;
    expect(entry.summary).toBe('Систем од 8.000 камера у Београду и даље ради без закона.');
    expect(entry.content).toBe('Препознавање лица није уређено законом. Повереник је упозорио.');
  });

  it('keeps markup-like text of type="text" as text', async () => {
    const feed = await parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="text">Zakon &lt;nacrt&gt; i kamere</title></entry></feed>',
    );
    expect(feed.items[0].title).toBe('Zakon <nacrt> i kamere');
  });
});

describe('parseFeed: RSS 1.0 (RDF)', () => {
  it('reads channel and items, with rdf:about as the id', async () => {
    const feed = await parseFeed(fixture('rdf.xml'));
    expect(feed.format).toBe('rdf');
    expect(feed.title).toBe('Portal — Tehnologija');
    expect(feed.language).toBe('sr');
    expect(feed.items.map((i) => i.id)).toEqual([
      'https://www.example-portal.rs/tehnologija/biometrija-1',
      'https://www.example-portal.rs/tehnologija/biometrija-2',
    ]);
    const [a, b] = feed.items;
    expect(a.summary).toBe('Kako rade kamere sa prepoznavanjem lica.');
    expect(a.updated).toBe('2025-01-10T11:00:00.000Z');
    expect(a.author).toBe('Ana Nikolić');
    expect(a.url).toBe('https://www.example-portal.rs/tehnologija/biometrija-1');
    expect(b.title).toBe('Надзор: шта каже закон');
    expect(b.updated).toBe('2025-01-11T00:00:00.000Z');
  });
});

describe('parseFeed: bytes, charsets and headers', () => {
  it('decodes windows-1251 bytes using the Content-Type charset', async () => {
    const xml = '<rss version="2.0"><channel><title>Камере</title><item><title>Лица</title></item></channel></rss>';
    const feed = await parseFeed(iconv.encode(xml, 'windows-1251'), {
      headers: { 'Content-Type': 'application/rss+xml; charset=windows-1251' },
    });
    expect(feed.encoding).toBe('windows-1251');
    expect(feed.items[0].title).toBe('Лица');
  });

  it('uses the document URL and a safe Content-Location as the base for relative links', async () => {
    const xml = '<rss version="2.0"><channel><link>/vesti/</link><item><link>clanak-1</link></item></channel></rss>';
    const plain = await parseFeed(xml, { url: 'https://example-vesti.rs/rss/feed.xml' });
    expect(plain.link).toBe('https://example-vesti.rs/vesti/');
    expect(plain.items[0].url).toBe('https://example-vesti.rs/rss/clanak-1');
    const moved = await parseFeed(xml, { url: 'https://example-vesti.rs/rss/', headers: { 'content-location': 'https://cdn.example.rs/x/' } });
    expect(moved.items[0].link).toBe('https://cdn.example.rs/x/clanak-1');
    expect(documentBase('https://example-vesti.rs/rss/', 'javascript:alert(1)')).toBe('https://example-vesti.rs/rss/');
  });

  it('takes the language from Content-Language when the feed names none', async () => {
    const feed = await parseFeed('<rss><channel><title>x</title></channel></rss>', { headers: { 'Content-Language': 'sr-Latn' } });
    expect(feed.language).toBe('sr-Latn');
  });
});

describe('parseFeed: broken input', () => {
  it.each([
    ['plain text', 'this is not a feed'],
    ['empty', ''],
    ['an HTML page', '<!DOCTYPE html><html><head><title>Vesti</title></head><body><p>Dobrodošli</p></body></html>'],
    ['JSON', '{"items": []}'],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
  ])('throws FeedParseError for %s', async (_name, input) => {
    const err = await parseFeed(input, { url: 'https://example.rs/feed' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedParseError);
    expect((err as FeedParseError).message).toContain('https://example.rs/feed');
  });

  it('repairs common damage and reports it in warnings', async () => {
    const xml = '<rss version="2.0"><channel><title>Vesti&nbsp;dana</title>' +
      '<item><title>Kamere &amp; zakon</title><link>https://example.rs/?a=1&b=2</link></item></channel></rss';
    const feed = await parseFeed(xml);
    expect(feed.title).toBe('Vesti dana');
    expect(feed.items[0].title).toBe('Kamere & zakon');
    expect(feed.items[0].url).toBe('https://example.rs/?a=1&b=2');
    expect(feed.warnings.join('\n')).toMatch(/&nbsp;/);
    expect(feed.warnings.join('\n')).toMatch(/unescaped "&"/);
    expect(feed.warnings.join('\n')).toMatch(/unterminated end tag/);
  });

  it('hands out http(s) URLs only: javascript: and data: links are dropped', async () => {
    const feed = await parseFeed(
      '<rss version="2.0"><channel><link>javascript:alert(1)</link><item><title>x</title>' +
        '<link>javascript:alert(document.cookie)</link><enclosure url="data:text/html,&lt;script&gt;" type="text/html"/>' +
        '<comments>vbscript:x</comments></item></channel></rss>',
    );
    expect(feed.link).toBeNull();
    expect(feed.items[0]).toMatchObject({ link: null, url: null, comments: null, enclosures: [] });
  });

  it('expands entities declared in the DOCTYPE, one level deep', async () => {
    const feed = await parseFeed(
      '<!DOCTYPE rss [<!ENTITY org "SHARE Fondacija"><!ENTITY nested "&org;&org;">]>' +
        '<rss><channel><title>&org; o kamerama</title><description>&nested;</description></channel></rss>',
    );
    expect(feed.title).toBe('SHARE Fondacija o kamerama');
    expect(feed.warnings.join()).toMatch(/not expanded/);
  });

  it('reads items of an RSS 0.9x feed that sit outside <channel>', async () => {
    const feed = await parseFeed('<rss version="0.91"><channel><title>T</title></channel><item><title>I</title></item></rss>');
    expect(feed.title).toBe('T');
    expect(feed.items.map((i) => i.title)).toEqual(['I']);
  });

  it('does not let an extension element with a core name shadow the real one', async () => {
    const feed = await parseFeed(
      '<rss version="2.0" xmlns:x="http://example.com/ext"><channel><item>' +
        '<x:description>wrong</x:description><description>right</description></item></channel></rss>',
    );
    expect(feed.items[0].summary).toBe('right');
  });
});
