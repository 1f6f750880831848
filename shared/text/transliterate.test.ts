import { describe, expect, it } from 'vitest';
import { cyrillicToLatin, latinToCyrillic, SERBIAN_CYRILLIC_LETTERS } from './transliterate';

const LATIN_ALPHABET = ['a', 'b', 'v', 'g', 'd', 'đ', 'e', 'ž', 'z', 'i', 'j', 'k', 'l', 'lj', 'm', 'n', 'nj', 'o', 'p', 'r', 's', 't', 'ć', 'u', 'f', 'h', 'c', 'č', 'dž', 'š'];

describe('transliteration', () => {
  it('knows all 30 letters of the Serbian alphabet, both ways, both cases', () => {
    expect(SERBIAN_CYRILLIC_LETTERS).toHaveLength(30);
    SERBIAN_CYRILLIC_LETTERS.forEach((cyr, i) => {
      const lat = LATIN_ALPHABET[i];
      expect(cyrillicToLatin(cyr)).toBe(lat);
      expect(latinToCyrillic(lat)).toBe(cyr);
      expect(latinToCyrillic(lat.toUpperCase())).toBe(cyr.toUpperCase());
      expect(cyrillicToLatin(cyr.toUpperCase() + 'а')).toBe(lat[0].toUpperCase() + lat.slice(1) + 'a');
    });
  });

  it('keeps case on the digraphs lj, nj, dž', () => {
    expect(cyrillicToLatin('Љубљана')).toBe('Ljubljana');
    expect(cyrillicToLatin('ЊЕГОШ')).toBe('NJEGOŠ');
    expect(cyrillicToLatin('ЏЕП')).toBe('DŽEP');
    expect(cyrillicToLatin('Џеп')).toBe('Džep');
    expect(latinToCyrillic('Ljubljana')).toBe('Љубљана');
    expect(latinToCyrillic('NJEGOŠ')).toBe('ЊЕГОШ');
    expect(latinToCyrillic('LJUBAV')).toBe('ЉУБАВ');
    expect(latinToCyrillic('Džep')).toBe('Џеп');
  });

  it('round-trips a sentence', () => {
    const cyr = 'Повереник за заштиту података о личности одбио је процену утицаја.';
    expect(latinToCyrillic(cyrillicToLatin(cyr))).toBe(cyr);
  });

  it('leaves foreign words, URLs and e-mail addresses in Latin', () => {
    expect(latinToCyrillic('Huawei kamere')).toBe('Huawei камере');
    expect(latinToCyrillic('Xiaomi i WiFi mreža, kompanija Sony')).toBe('Xiaomi и WiFi мрежа, компанија Sony');
    // Only q, w, x and y mark a word as foreign; other foreign names are transliterated.
    expect(latinToCyrillic('Safe City')).toBe('Сафе City');
    expect(latinToCyrillic('vidi https://www.sharefoundation.info/sr/ i info@share.rs')).toBe(
      'види https://www.sharefoundation.info/sr/ и info@share.rs',
    );
    expect(latinToCyrillic('sajt hiljade.kamera.rs')).toBe('сајт hiljade.kamera.rs');
  });

  it('does not read a digraph across a prefix boundary', () => {
    expect(latinToCyrillic('nadživeti')).toBe('надживети');
    expect(latinToCyrillic('injekcija')).toBe('инјекција');
  });

  it('passes non-Serbian characters through', () => {
    expect(cyrillicToLatin('Ѓорѓе 123 !?')).toBe('Ѓorѓe 123 !?');
  });
});
