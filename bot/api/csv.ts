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
