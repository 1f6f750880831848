/**
 * A CSV reader for archive imports, on csv-parse (the CSV parser of the node-csv project, kept
 * up for a decade, RFC 4180 and its real-world variants): quoted fields with delimiters, quotes
 * and line breaks, a byte-order mark dropped, CRLF, LF and CR line ends (mixed, too), and
 * the delimiter detected from the header line, since spreadsheets in Serbian (and most
 * European) locales save with semicolons.
 */
import { parse } from 'csv-parse/sync';

export interface CsvRow {
  /** 1-based line number where the row starts, for error messages. */
  line: number;
  cells: string[];
}

/** One record longer than this (characters) is refused: a missing closing quote would otherwise swallow the file. */
export const MAX_CSV_RECORD_CHARS = 1_000_000;

/** A file that is not CSV (an unclosed quote, a record over the limit), with the line it was noticed at. */
export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }
}

/** The delimiter among , ; and tab that occurs most in the header line (outside quotes). */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : ',';
}

/** Splits CSV text into rows of cells. Blank lines (empty or only spaces) are skipped. */
export function parseCsv(input: string, delimiter = detectDelimiter(input.replace(/^\uFEFF/, ''))): CsvRow[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // Line ends made one kind first: csv-parse takes the first line's ending for the whole file,
    // and counts a CRLF inside quotes as two lines, so its line numbers would drift. (A line
    // break inside a cell comes out as "\n"; titles and texts lose nothing by it.)
    records = parse(input.replace(/\r\n?/g, '\n'), {
      bom: true,
      delimiter,
      record_delimiter: '\n',
      relax_column_count: true,
      // A stray quote inside an unquoted cell (`5" screen`) is kept as text.
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: MAX_CSV_RECORD_CHARS,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new CsvSyntaxError(e.message, e.lines);
  }
  const rows: CsvRow[] = [];
  for (const { record, info } of records) {
    if (record.length === 1 && record[0].trim() === '') continue;
    // csv-parse reports the line a record ends on; the row starts that many line breaks earlier.
    const breaks = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    rows.push({ line: info.lines - breaks, cells: record });
  }
  return rows;
}
