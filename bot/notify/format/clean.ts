/**
 * Feed text is untrusted. Before any target renders it, it goes through here: terminal escape
 * sequences (which could recolour or rewrite an operator's console, or set its title) and
 * control characters are removed, as are the bidirectional overrides that make text display
 * in an order other than the one it is stored in. Whitespace runs become one space: alerts
 * lay out their own lines.
 */

// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other two-byte ESC sequences, and the
// 8-bit CSI/OSC introducers.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007]*\u0007?/g;
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line of plain, printable text. */
export function cleanInline(text: string): string {
  return text.replace(ANSI, '').replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
}

/** An http(s) URL as a string, or null: other schemes (javascript:, data:) never become links. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}
