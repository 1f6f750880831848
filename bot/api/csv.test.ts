import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, csvLineWith } from './csv';

describe('csv', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    expect(csvLine(['a', 'b, c', 'say "hi"', 'two\nlines', ' padded', 3, 0.25, true, null, undefined])).toBe(
      'a,"b, c","say ""hi""","two\nlines"," padded",3,0.25,true,,\r\n',
    );
  });

  it('keeps both scripts as they are', () => {
    expect(csvCell('Шер фондација / Šer fondacija')).toBe('Шер фондација / Šer fondacija');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+381 11')).toBe("'+381 11");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-0.5)).toBe('-0.5');
  });

  it('writes other separators and quotes cells that hold them', () => {
    expect(csvLineWith(['a;b', 'c, d', '=1;2', 3, '0,5'], 'semicolon')).toBe('"a;b";"c, d";"\'=1;2";3;"0,5"\r\n'); // csvCell quotes commas; spreadsheets still read a number
    expect(csvLineWith(['a\tb', 'c'], 'tab')).toBe('"a\tb"\tc\r\n');
    expect(csvLineWith(['a', 'b, c'], 'comma')).toBe(csvLine(['a', 'b, c']));
  });
});
