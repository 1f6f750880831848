import { stripControls } from '../terminal-text';

/**
 * A plain-text table for terminal output: columns padded to their widest cell. Cells are
 * stripped of control characters and line breaks (they often hold feed text), so one row stays
 * one line and nothing in a cell can act on the terminal.
 */
export function table(headers: string[], rows: string[][]): string {
  const clean = rows.map((r) => r.map((c) => stripControls(c ?? '')));
  const widths = headers.map((h, i) => Math.max(h.length, ...clean.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...clean.map(line)].join('\n');
}
