import { stripControls } from '../terminal-text';

/** Terminal width tables are fitted to: a terminal of 100 columns shows them unwrapped. */
export const TABLE_WIDTH = 100;

/** `text` in at most `width` characters, cut with "…" when longer. */
export function fitCell(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return '…'.slice(0, width);
  return chars.slice(0, width - 1).join('') + '…';
}

/**
 * A plain-text table for terminal output: columns padded to their widest cell, two spaces
 * apart, at most `maxWidth` characters a line. When the cells would make it wider, the widest
 * columns are narrowed (one character at a time, so narrow columns keep their width) and their
 * cells cut with "…". Widths count code points: the CLI prints no wide (East Asian) characters
 * of its own, and feed text in these tables is Latin or Cyrillic.
 */
export function table(headers: string[], raw: string[][], maxWidth = TABLE_WIDTH): string {
  // Cells often hold feed text: stripped of control characters and line breaks, so one row
  // stays one line and nothing in a cell can act on the terminal.
  const rows = raw.map((r) => r.map((c) => stripControls(c ?? '')));
  const len = (s: string) => [...s].length;
  const widths = headers.map((h, i) => Math.max(len(h), ...rows.map((r) => len(r[i] ?? ''))));
  const gaps = 2 * (headers.length - 1);
  const minWidth = 3;
  while (widths.reduce((a, b) => a + b, 0) + gaps > maxWidth) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest] <= minWidth) break;
    widths[widest]--;
  }
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const cell = fitCell(c ?? '', widths[i]);
        return i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i] - len(cell));
      })
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
