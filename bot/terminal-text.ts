/**
 * Text from feeds, pages and remote servers made safe for a terminal or a log file.
 *
 * A feed controls titles, element names, error bodies and HTTP reason phrases, and some of
 * that ends up in a log line or on a terminal. There a control character is an instruction:
 * ESC sequences recolour the screen, set the window title (OSC 0), write to the clipboard
 * (OSC 52), make fake links (OSC 8); a bare CR or a newline forges a log line; bidi overrides
 * show text in another order than it is stored. `stripControls` removes all of them, so every
 * place that writes such text to a terminal goes through it (the logger in bot/log.ts does it
 * for every line).
 *
 * Hand-written rather than strip-ansi: strip-ansi removes only the ANSI sequences it
 * recognises, and we need C0, C1, DEL and the bidi controls gone as well, with every sequence
 * removed in linear time whatever its shape (terminated or not). ECMA-48 is small and stable.
 */

/**
 * Control strings: OSC, DCS, SOS, PM, APC (7-bit `ESC ] P X ^ _`, or their 8-bit C1 forms)
 * up to their terminator (BEL, `ESC \`, or the 8-bit ST). The body stops at the next ESC or
 * introducer, so an unterminated string costs one scan: linear however many there are. An
 * unterminated one loses only its introducer (removed below with the other controls).
 */
const CONTROL_STRING = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x90\x98\x9c\x9d\x9e\x9f]*(?:\x07|\x1b\\|\x9c)/g;

/** CSI sequences (`ESC [` or 8-bit CSI, parameters, intermediates, a final byte): colours, cursor moves. */
const CSI = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]/g;

/** Any other escape sequence: ESC, intermediates, one final byte (charset switches, resets). */
const OTHER_ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]/g;

/**
 * Single characters that are never text: C0 but for the whitespace ones (handled apart), DEL,
 * C1, and the invisible bidi controls: embeddings, overrides and isolates (U+202A-202E,
 * U+2066-2069) and the marks (U+200E/F, U+061C), which shift how neighbouring text is shown.
 */
const CONTROL_CHAR = /[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Whitespace controls that end or break a line: kept as newlines or made spaces. */
const LINE_BREAKS = /\r\n?|[\n\v\f\u0085\u2028\u2029]/g;

export interface StripOptions {
  /** Keep line breaks (as "\n"); default false: every line break becomes a space. */
  keepNewlines?: boolean;
}

/**
 * `text` without escape sequences, control characters or bidi controls. Tabs become spaces;
 * line breaks become spaces, or "\n" with `keepNewlines` (a CR never survives: it would let the
 * next text overwrite the line on a terminal).
 */
export function stripControls(text: string, options: StripOptions = {}): string {
  const newline = options.keepNewlines ? '\n' : ' ';
  return text
    .replace(CONTROL_STRING, '')
    .replace(CSI, '')
    .replace(OTHER_ESCAPE, '')
    .replace(LINE_BREAKS, newline)
    .replace(/\t/g, ' ')
    .replace(CONTROL_CHAR, '');
}

/**
 * Characters that JSON.stringify leaves raw but a terminal acts on (DEL, C1, bidi controls,
 * and U+2028/2029, which some viewers take as line ends).
 */
const JSON_UNSAFE = /[\x7f-\x9f\u061c\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON.stringify, but with every character a terminal would act on written as a `\uXXXX`
 * escape: the same value for a JSON reader, inert on a screen. (JSON.stringify already escapes
 * C0, ESC included.) For command output that must keep the text exactly, such as `--json`.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A piece of remote text quoted inside an error message (an HTTP reason phrase, an XML element
 * name, a parser's complaint): controls stripped and cut to `max` characters, so a hostile
 * server can put neither escapes nor megabytes into the error that is logged and stored.
 */
export function quoted(text: string, max = 120): string {
  const clean = stripControls(text.length > max * 4 ? text.slice(0, max * 4) : text).trim();
  return clean.length > max ? clean.slice(0, max - 1) + '…' : clean;
}
