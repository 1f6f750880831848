/**
 * CSV for the exports: RFC 4180 (comma, CRLF, double quotes), UTF-8 with a byte-order mark so
 * that spreadsheet programs (Excel in particular) read Cyrillic and š/č/ć/ž/đ as they are.
 */

/** The UTF-8 byte-order mark, as the first character of the file. */
export const BOM = '\uFEFF';

/**
 * Cells a spreadsheet would run as a formula ("=HYPERLINK(...)", "+cmd", "@SUM") when they
 * start with one of these. Article titles are untrusted, so such text cells get a leading
 * apostrophe, which spreadsheets show as plain text (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type Cell = string | number | boolean | null | undefined;

/** One cell: numbers and booleans as is, text defused and quoted when it needs to be. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One line, CRLF-terminated. */
export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

/**
 * Field separators for the exports. Excel takes the list separator of the system's locale:
 * `;` wherever the decimal separator is a comma (Serbian among them), `,` in English ones.
 */
export const CSV_SEPARATORS = { comma: ',', semicolon: ';', tab: '\t' } as const;
export type CsvSeparator = keyof typeof CSV_SEPARATORS;

/**
 * One line with another separator: each cell escaped by csvCell (formula defusing and quoting
 * included), then quoted too when it holds the separator, which csvCell only checks for `,`.
 */
export function csvLineWith(cells: readonly Cell[], separator: CsvSeparator): string {
  if (separator === 'comma') return csvLine(cells);
  const sep = CSV_SEPARATORS[separator];
  return (
    cells
      .map((value) => {
        const cell = csvCell(value);
        const quoted = cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"');
        return !quoted && cell.includes(sep) ? `"${cell.replace(/"/g, '""')}"` : cell;
      })
      .join(sep) + '\r\n'
  );
}
