import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeFeedBytes, guessLegacyCharset, normalizeCharset } from './encoding';

const CYR = 'Систем видео-надзора са препознавањем лица у Београду';
const LAT = 'Sistem video-nadzora sa prepoznavanjem lica: Čačak, Niš, Đurđevo, Šabac, Ćićevac, Žabalj';

describe('decodeFeedBytes', () => {
  it('lets a BOM win over a contradicting header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<a>${CYR}</a>`)]);
    const r = decodeFeedBytes(bytes, 'text/xml; charset=windows-1250');
    expect(r).toMatchObject({ encoding: 'utf-8', source: 'bom', text: `<a>${CYR}</a>` });
  });

  it('recognises UTF-16 and UTF-32 without a BOM by their zero bytes', () => {
    expect(decodeFeedBytes(iconv.encode(`<a>${CYR}</a>`, 'utf-16be')).encoding).toBe('utf-16be');
    expect(decodeFeedBytes(iconv.encode(`<a>${CYR}</a>`, 'utf-32le')).text).toBe(`<a>${CYR}</a>`);
  });

  it('uses the header charset over the XML declaration, and says so', () => {
    const bytes = iconv.encode(`<?xml version="1.0" encoding="utf-8"?><a>${CYR}</a>`, 'windows-1251');
    const r = decodeFeedBytes(bytes, 'application/rss+xml; charset=windows-1251');
    expect(r.encoding).toBe('windows-1251');
    expect(r.text).toContain(CYR);
    expect(r.warnings.join()).toMatch(/disagree/);
  });

  it('falls back from a wrong UTF-8 header to the XML declaration', () => {
    const bytes = iconv.encode(`<?xml version="1.0" encoding="windows-1250"?><a>${LAT}</a>`, 'windows-1250');
    const r = decodeFeedBytes(bytes, 'text/xml; charset=utf-8');
    expect(r.encoding).toBe('windows-1250');
    expect(r.text).toContain(LAT);
  });

  it('guesses windows-1251 and windows-1250 for undeclared Serbian text', () => {
    expect(decodeFeedBytes(iconv.encode(`<a>${CYR}</a>`, 'windows-1251'))).toMatchObject({ encoding: 'windows-1251', source: 'guess' });
    expect(decodeFeedBytes(iconv.encode(`<a>${LAT}</a>`, 'windows-1250')).text).toContain(LAT);
    expect(guessLegacyCharset(Buffer.from('plain ascii'))).toBe('windows-1252');
  });

  it('keeps mostly valid UTF-8 as UTF-8, replacing a stray byte', () => {
    const bytes = Buffer.concat([Buffer.from(`<a>${CYR}`), Buffer.from([0xff]), Buffer.from('</a>')]);
    const r = decodeFeedBytes(bytes);
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toContain(CYR);
  });

  it('treats ISO-8859-1 as windows-1252 (WHATWG) and ignores unknown labels', () => {
    expect(decodeFeedBytes(Buffer.from([0x3c, 0x61, 0x3e, 0x92, 0x3c, 0x2f, 0x61, 0x3e]), 'text/xml; charset=iso-8859-1').text).toBe('<a>’</a>');
    const r = decodeFeedBytes(Buffer.from('<a>x</a>'), 'text/xml; charset=x-bogus');
    expect(r.encoding).toBe('utf-8');
    expect(r.warnings.join()).toMatch(/unknown charset/);
  });
});

describe('charset labels', () => {
  it('reads charset parameters, quoted or not', () => {
    expect(charsetFromContentType('text/xml; charset="windows-1250"')).toBe('windows-1250');
    expect(charsetFromContentType("application/xml;charset='gb2312'")).toBe("'gb2312'");
    expect(charsetFromContentType('text/xml')).toBeNull();
  });

  it('normalises aliases', () => {
    expect(normalizeCharset('CP1251')).toBe('windows-1251');
    expect(normalizeCharset("'gb2312'")).toBe('gb18030');
    expect(normalizeCharset('latin2')).toBe('iso-8859-2');
    expect(normalizeCharset('nope')).toBeNull();
  });
});

describe('valid UTF-8 against a contradicting label (issue 10)', () => {
  const cyrillic = Buffer.from('<?xml version="1.0"?><rss><channel><title>Камере за препознавање лица</title></channel></rss>', 'utf8');

  it('decodes valid UTF-8 as UTF-8 whatever single-byte charset the header names', () => {
    for (const label of ['windows-1252', 'iso-8859-1', 'windows-1251', 'windows-1250']) {
      const d = decodeFeedBytes(cyrillic, `application/rss+xml; charset=${label}`);
      expect(d.text).toContain('Камере за препознавање лица');
      expect(d.encoding).toBe('utf-8');
      expect(d.warnings.join(' ')).toMatch(/valid UTF-8/);
    }
  });

  it('still follows the header for real windows-1251 bytes', () => {
    const legacy = iconv.encode('<rss><channel><title>Камере</title></channel></rss>', 'windows-1251');
    const d = decodeFeedBytes(legacy, 'text/xml; charset=windows-1251');
    expect(d.encoding).toBe('windows-1251');
    expect(d.text).toContain('Камере');
  });

  it('leaves plain ASCII under a single-byte label alone', () => {
    const d = decodeFeedBytes(Buffer.from('<rss><channel><title>Kamere</title></channel></rss>'), 'text/xml; charset=windows-1250');
    expect(d.encoding).toBe('windows-1250');
  });
});
