/**
 * Feed text is untrusted. Before any target renders it, it goes through here: terminal escape
 * sequences (which could recolour or rewrite an operator's console, or set its title) and
 * control characters are removed, as are the bidirectional overrides that make text display
 * in an order other than the one it is stored in. Whitespace runs become one space: alerts
 * lay out their own lines.
 */
import { httpHref } from '../../../shared/url/http-url';
import { stripControls } from '../../terminal-text';

/** One line of plain, printable text (the one control stripper, bot/terminal-text.ts, then whitespace runs as one space). */
export function cleanInline(text: string): string {
  return stripControls(text).replace(/\s+/g, ' ').trim();
}

/** An http(s) URL as a string, or null: other schemes (javascript:, data:) never become links. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  return httpHref(url);
}
