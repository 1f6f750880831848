/**
 * CSV for the exports: RFC 4180 (comma, CRLF, double quotes), UTF-8 with a byte-order mark so
 * that spreadsheet programs (Excel in particular) read Cyrillic and š/č/ć/ž/đ as they are.
 *
 * The output is safe whatever list separator the reader's spreadsheet uses: Excel in the
 * Serbian locale splits on `;`, LibreOffice asks, and an import may choose tab. So a text cell
 * is quoted whenever it holds ANY of those separators (or a quote or a line break), and a
 * formula start is defused at the beginning of the cell and after every separator inside it.
 */

/** The UTF-8 byte-order mark, as the first character of the file. */
export const BOM = '\uFEFF';

/**
 * Characters that make a spreadsheet run a cell as a formula ("=HYPERLINK(...)", "+cmd",
 * "@SUM"). Article titles are untrusted (OWASP "CSV injection").
 */
const FORMULA_CHAR = '[=+\\-@]';

/**
 * A formula start: at the beginning of the text (where a tab or CR also counts, as some
 * programs skip them before looking), or right after a separator any spreadsheet might split on
 * (`,` `;` tab, a line break), spaces in between allowed. There it gets a leading apostrophe,
 * which spreadsheets show as plain text: "Kamere u Nišu;=HYPERLINK(…)" becomes
 * "Kamere u Nišu;'=HYPERLINK(…)", so whichever way the cell is split no piece is a formula.
 */
const FORMULA_START = new RegExp(`^ *(?=[\\t\\r]|${FORMULA_CHAR})|(?<=[,;\\t\\r\\n] *)(?=${FORMULA_CHAR})`, 'g');

/** What makes a text cell need quotes: any list separator, a quote, a line break, edge spaces. */
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;

export type Cell = string | number | boolean | null | undefined;

/** Text with every formula start defused (see FORMULA_START). */
export function defuseFormulas(text: string): string {
  return text.replace(FORMULA_START, (spaces: string) => `${spaces}'`);
}

/** One cell: numbers and booleans as is, text defused and quoted when it needs to be. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const s = defuseFormulas(value);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
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
