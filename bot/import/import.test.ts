import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, detectDelimiter } from './csv';
import { decodeFile, ImportError, mergeFeeds, readImportFile, recordsFromCsv, recordsFromJson } from './importer';
import { parseOpml } from './opml';
import { belgradeToUtc, fieldOf, parseImportDate, toRecord } from './records';

const fixture = (name: string) => new URL(`../../test/fixtures/import/${name}`, import.meta.url).pathname;

describe('parseCsv', () => {
  it('reads RFC 4180 quoting across lines and reports where each row starts', () => {
    expect(parseCsv('a,b\r\n"x, ""y""","line 1\nline 2"\n\nlast,\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', 'line 1\nline 2'] },
      { line: 5, cells: ['last', ''] },
    ]);
  });

  it('reads mixed line ends, skips blank and space-only lines, keeps a stray quote as text', () => {
    expect(parseCsv('a;b\r\n1;"2\r\n3"\n   \r4;5" kamera\r')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2\n3'] },
      { line: 5, cells: ['4', '5" kamera'] },
    ]);
  });

  it('refuses an unclosed quote with the line, as an import error naming it', () => {
    expect(() => parseCsv('naslov,medij\n"Kamere,N1\n')).toThrow(CsvSyntaxError);
    expect(() => recordsFromCsv('naslov,medij\n"Kamere,N1\n')).toThrow(/not valid CSV \(line \d+\): Quote Not Closed/);
  });

  it('detects the delimiter from the header and drops a byte-order mark', () => {
    expect(detectDelimiter('a;b;"c,d"\n1,2')).toBe(';');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(parseCsv('\uFEFFnaslov;medij\nA;B')).toEqual([
      { line: 1, cells: ['naslov', 'medij'] },
      { line: 2, cells: ['A', 'B'] },
    ]);
  });
});

describe('records', () => {
  it('maps English and Serbian column names in either script', () => {
    expect(['Title', 'NASLOV', 'Наслов', 'Medij', 'Datum', 'published_at', 'Published At', 'Jezik', 'topics'].map(fieldOf)).toEqual([
      'title', 'title', 'title', 'outlet', 'published', 'published', 'published', 'lang', null,
    ]);
  });

  it('reads dates as people write them', () => {
    expect(parseImportDate('2025-03-27')).toBe('2025-03-27T12:00:00.000Z');
    expect(parseImportDate('27.03.2025.')).toBe('2025-03-27T12:00:00.000Z');
    expect(parseImportDate('7.3.2025')).toBe('2025-03-07T12:00:00.000Z');
    // Belgrade local time: CET in winter, CEST in summer.
    expect(parseImportDate('27.01.2025. 19:30')).toBe('2025-01-27T18:30:00.000Z');
    expect(parseImportDate('2025-07-01 08:15')).toBe('2025-07-01T06:15:00.000Z');
    expect(parseImportDate('2025-03-21T08:00:00Z')).toBe('2025-03-21T08:00:00.000Z');
    expect(parseImportDate('Tue, 18 Feb 2025 09:00:00 +0100')).toBe('2025-02-18T08:00:00.000Z');
    for (const bad of ['31.02.2025.', '2025-13-01', 'soon', '32.1.2025', '1.1.2025 25:00']) expect(parseImportDate(bad), bad).toBeNull();
  });

  it('converts Belgrade wall-clock time across the DST switch', () => {
    expect(belgradeToUtc(2025, 3, 30, 1, 30, 0).toISOString()).toBe('2025-03-30T00:30:00.000Z');
    expect(belgradeToUtc(2025, 3, 30, 3, 30, 0).toISOString()).toBe('2025-03-30T01:30:00.000Z');
  });

  it('names every problem with a record by line and field', () => {
    expect(toRecord({ title: '', url: 'mailto:x@y.rs', published: 'never', scope: 'local-ish', lang: 'Serbian' }, 7)).toEqual({
      problems: [
        { line: 7, field: 'title', message: 'is missing' },
        { line: 7, field: 'outlet', message: 'is missing (or give --outlet for the whole file)' },
        { line: 7, field: 'url', message: 'is not an http(s) URL: "mailto:x@y.rs"' },
        { line: 7, field: 'published', message: 'is not a date: "never"' },
        { line: 7, field: 'scope', message: 'must be "domestic" or "international", got "local-ish"' },
        { line: 7, field: 'lang', message: 'must be a language code such as "sr" or "en", got "Serbian"' },
      ],
    });
  });

  it('uses the defaults and cleans the URL', () => {
    expect(toRecord({ title: ' Naslov ', url: 'https://danas.rs/a?utm_source=x&id=3', published: '2025-03-01' }, 2, { outlet: 'Danas', scope: 'international', lang: 'sr' })).toEqual({
      record: { title: 'Naslov', url: 'https://danas.rs/a?id=3', text: '', outlet: 'Danas', scope: 'international', published: '2025-03-01T12:00:00.000Z', lang: 'sr' },
    });
  });
});

describe('readImportFile', () => {
  it('reads the CSV fixture: Serbian headers, semicolons, both scripts, bad rows reported', () => {
    const r = readImportFile(fixture('archive.csv'));
    if (r.kind !== 'articles') throw new Error('expected articles');
    expect(r.ignored).toEqual(['Napomena']);
    expect(r.records.map((x) => x.title)).toEqual([
      'Kamere za prepoznavanje lica na Slaviji',
      'Камере за препознавање лица у Београду',
      'Serbia\'s "Safe City" cameras',
      'Vremenska prognoza',
      'Kamere za prepoznavanje lica na Slaviji',
    ]);
    expect(r.records[1]).toMatchObject({ outlet: 'РТС (ТВ)', url: 'https://www.rts.rs/vesti/kamere', published: '2025-03-26T18:30:00.000Z', scope: 'domestic' });
    expect(r.records[2]).toMatchObject({ scope: 'international', lang: 'en' });
    expect(r.problems).toEqual([
      { line: 6, field: 'published', message: 'is missing: past coverage needs its date' },
      { line: 7, field: 'published', message: 'is not a date: "31.02.2025."' },
      { line: 8, field: 'title', message: 'is missing' },
    ]);
  });

  it('reads JSON lines with either field names and reports bad lines', () => {
    const r = readImportFile(fixture('archive.jsonl'));
    if (r.kind !== 'articles') throw new Error('expected articles');
    expect(r.records.map((x) => [x.title, x.outlet, x.published])).toEqual([
      ['Poverenik odbio procenu uticaja MUP-a', 'N1 (TV)', '2025-02-10T18:00:00.000Z'],
      ['Протест против камера за препознавање лица', 'Вечерње новости', '2025-02-10T12:00:00.000Z'],
    ]);
    expect(r.problems.map((p) => [p.line, p.field])).toEqual([
      [4, 'published'],
      [5, 'line'],
    ]);
  });

  it('reads the API export back in', () => {
    const exported = JSON.stringify({ articles: [{ id: 1, title: 'A', url: 'https://a.rs/1', outlet: 'N1', scope: 'domestic', published: '2025-01-01T10:00:00.000Z', lang: 'sr', topics: ['law'] }] });
    const r = recordsFromJson(exported);
    expect(r.records).toHaveLength(1);
    expect(r.ignored.sort()).toEqual(['id', 'topics']);
  });

  it('refuses a file without a title column, and one that is not UTF-8', () => {
    expect(() => recordsFromCsv('medij,datum\nN1,2025-01-01')).toThrow(/no title column/);
    expect(() => decodeFile(Buffer.from([0x8a, 0x65, 0x72]))).toThrow(ImportError);
    expect(decodeFile(Buffer.from([0x8a, 0x65, 0x72]), 'windows-1250')).toBe('Šer');
    expect(decodeFile(Buffer.from([0xd8, 0xe5, 0xf0]), 'windows-1251')).toBe('Шер');
  });
});

describe('OPML', () => {
  const text = readFileSync(fixture('feeds.opml'), 'utf8').replaceAll('{{BASE}}', 'http://127.0.0.1:9');

  it('turns outlines into feed entries, taking scope from the folder and script from the name', () => {
    const { feeds, problems } = parseOpml(text);
    expect(feeds).toEqual([
      { outlet: 'Lokalni portal', url: 'http://127.0.0.1:9/lokalni.xml', language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'http://127.0.0.1:9/' },
      { outlet: 'Градски лист', url: 'http://127.0.0.1:9/gradski.xml', language: 'sr', script: 'Cyrl', scope: 'domestic', homepage: 'http://127.0.0.1:9/' },
      { outlet: 'Privacy Weekly', url: 'http://127.0.0.1:9/privacy.xml', language: 'en', script: 'Latn', scope: 'international', homepage: 'http://127.0.0.1:9/' },
      { outlet: 'N1 Srbija', url: 'https://n1info.rs/feed/', language: 'sr', script: 'Latn', scope: 'international', homepage: 'https://n1info.rs/' },
    ]);
    expect(problems).toEqual(['outline "Broken": xmlUrl is not an http(s) URL']);
  });

  it('adds only the feeds not followed yet', () => {
    const { feeds } = parseOpml(text);
    const current = [{ outlet: 'N1 Srbija', url: 'https://n1info.rs/feed/', language: 'sr', script: 'Latn' as const, scope: 'domestic' as const, homepage: 'https://n1info.rs/' }];
    const merged = mergeFeeds(current, feeds);
    expect(merged.known).toBe(1);
    expect(merged.added.map((f) => f.outlet)).toEqual(['Lokalni portal', 'Градски лист', 'Privacy Weekly']);
    expect(merged.feeds[0].scope).toBe('domestic');
  });

  it('says when a file is not OPML', () => {
    expect(parseOpml('<rss></rss>').problems).toEqual(['not an OPML document (no <opml> root element)']);
  });
});
