/**
 * Normalising feed values: HTML or text to plain text, relative references to absolute URLs,
 * article links to one canonical form, and a stable id for items that carry none.
 *
 * Pure and isomorphic on purpose (no `node:` imports, no DOM): the browser extension may
 * normalise text and URLs the same way the bot does.
 */
import { decodeHTMLStrict } from 'entities';

/** How a feed value is to be read: Atom's text construct types, also used for RSS fields. */
export type TextType = 'text' | 'html' | 'xhtml';

// ---------------------------------------------------------------------------------------------
// Plain text

/**
 * windows-1252 characters for the C1 control range U+0080..U+009F. Feeds that were
 * windows-1252 but declared ISO-8859-1 (or that wrote `&#146;`) end up with these controls
 * where curly quotes and dashes were meant; HTML5 decodes `&#146;` the same way.
 */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Elements whose boundaries separate words, so stripping them must leave a space. */
const BLOCK_TAGS = new Set(
  ('address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 ' +
    'header hr img li main nav ol p pre section table tbody td tfoot th thead tr ul body html ' +
    'head title caption iframe video audio source option').split(' '),
);
/** Elements whose content is never reader text. */
const DROP_CONTENT_TAGS = new Set(['script', 'style', 'template', 'noscript']);

/**
 * Decodes HTML character references: the full HTML5 named set (from `entities`), decimal and
 * hex (either `x` or `X`), the C1 range as windows-1252 like browsers. A reference must end
 * with ";": unknown names and "&copy" without one stay as written, since "&foo;" in a title is
 * more likely literal text.
 */
export function decodeHtmlEntities(s: string): string {
  return s.includes('&') ? decodeHTMLStrict(s) : s;
}

/**
 * Finds where tags end, in linear time over a whole document. A tag ends at the first `>`
 * outside a quoted attribute value; a tag that never ends (an unclosed quote, or no `>` at
 * all) would make every later `<` scan to the end of the text again, which is quadratic on
 * "<a<a<a...". So after the first scan that reaches the end, quotes are no longer honoured and
 * the next `>` is looked up from a memo that only moves forward.
 */
class TagEnds {
  private quotes = true;
  private nextGt = -2;

  constructor(private readonly html: string) {}

  /** Index of the next `>` at or after `from` (calls must not go backwards), or -1. */
  gt(from: number): number {
    if (this.nextGt !== -1 && this.nextGt < from) this.nextGt = this.html.indexOf('>', from);
    return this.nextGt;
  }

  /** Index just after the `>` closing a tag that starts at `start`, honouring quoted values; -1 if none. */
  after(start: number): number {
    if (!this.quotes) {
      const gt = this.gt(start);
      return gt < 0 ? -1 : gt + 1;
    }
    const html = this.html;
    let quote = '';
    for (let i = start; i < html.length; i++) {
      const c = html[i];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") {
        // A quote only opens a value right after `=` (possibly with spaces): `alt="a>b"`.
        let j = i - 1;
        while (j > start && /\s/.test(html[j])) j--;
        if (html[j] === '=') quote = c;
      } else if (c === '>') {
        return i + 1;
      }
    }
    this.quotes = false;
    return -1;
  }
}

/**
 * Removes HTML markup and keeps the text, without a DOM: the extension and the bot share it.
 * Tags are recognised only when they really are tags (`<` + letter, or `</` + letter, up to a
 * `>` outside quoted values), so "1 < 2" and "<!' x" stay text; comments, doctypes and the
 * contents of script/style go. Entities are NOT decoded here (see `plainText`).
 */
export function stripTags(html: string): string {
  if (!html.includes('<')) return html;
  let out = '';
  let i = 0;
  let lower: string | undefined; // computed once, only if a script/style needs its end found
  const tags = new TagEnds(html);
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      out += ' ';
    } else if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt + 9);
      out += html.slice(lt + 9, end < 0 ? html.length : end);
      i = end < 0 ? html.length : end + 3;
    } else if ((next === '!' || next === '?') && /[A-Za-z]/.test(html[lt + 2] ?? '')) {
      const end = tags.gt(lt);
      if (end < 0) {
        out += '<';
        i = lt + 1;
      } else {
        i = end + 1;
      }
    } else if (/[A-Za-z]/.test(next) || (next === '/' && /[A-Za-z]/.test(html[lt + 2] ?? ''))) {
      const end = tags.after(lt + 1);
      if (end < 0) {
        out += '<';
        i = lt + 1;
        continue;
      }
      const name = /^<\/?([A-Za-z][A-Za-z0-9:-]*)/.exec(html.slice(lt, lt + 40))![1].toLowerCase();
      const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
      i = end;
      if (next !== '/' && DROP_CONTENT_TAGS.has(local)) {
        lower ??= html.toLowerCase();
        const close = lower.indexOf(`</${name}`, i);
        const closeEnd = close < 0 ? -1 : tags.after(close + 1);
        i = closeEnd < 0 ? html.length : closeEnd;
        out += ' ';
      } else if (BLOCK_TAGS.has(local)) {
        out += ' ';
      }
    } else {
      out += '<';
      i = lt + 1;
    }
  }
  return out;
}

/** Collapses runs of whitespace (including no-break and ideographic spaces) and trims. */
export function collapseWhitespace(s: string): string {
  // Only runs and non-space whitespace are rewritten: single spaces, most of any text, stay.
  return s.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** Maps stray C1 controls to the windows-1252 characters they stood for; drops other controls. */
export function fixControlCharacters(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => {
    const cp = c.charCodeAt(0);
    if (cp < 0x80 || cp === 0x7f || CP1252_UNDEFINED.has(cp)) return '';
    return CP1252_C1[cp - 0x80];
  });
}

const CONT = '[\\u0080-\\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]';
const MOJIBAKE = new RegExp(
  `[\\u00c2-\\u00df]${CONT}|[\\u00e0-\\u00ef]${CONT}{2}|[\\u00f0-\\u00f4]${CONT}{3}`, 'g');
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Repairs UTF-8 that was read as Latin-1 or windows-1252 somewhere upstream: "Ä\u008d" back
 * to "č", "â€¦" back to "…". Only character runs that form a valid UTF-8 sequence when mapped
 * back to bytes are touched; legitimate text practically never contains such runs.
 */
export function repairMojibake(s: string): string {
  if (!/[\u00c2-\u00f4]/.test(s)) return s;
  return s.replace(MOJIBAKE, (run) => {
    const bytes = new Uint8Array(run.length);
    for (let i = 0; i < run.length; i++) {
      const cp = run.charCodeAt(i);
      bytes[i] = cp <= 0xff ? cp : 0x80 + CP1252_C1.indexOf(run[i]);
    }
    try {
      return utf8Strict.decode(bytes);
    } catch {
      return run;
    }
  });
}

/**
 * Heuristic for RSS fields that have no declared type (titles): markup-looking text, with a
 * closing or empty tag or a character reference, is HTML; "1 < 2" or "<blink>" alone is text.
 */
export function looksLikeHtml(s: string): boolean {
  return /<\/[A-Za-z][A-Za-z0-9]*\s*>|<[A-Za-z][^<>]*\/>|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/.test(s);
}

/**
 * The plain text of a feed value: markup stripped and entities decoded when the value is
 * HTML or XHTML, mis-decoded UTF-8 repaired, control characters fixed, whitespace collapsed,
 * and cut to `maxChars` with CUT_MARK.
 */
export function plainText(value: string | null | undefined, type: TextType = 'html', maxChars = Infinity): string {
  if (!value) return '';
  // Markup rarely takes more than 8 characters per character of text: what lies beyond that
  // cannot be within the limit, and is not worth stripping.
  let s = maxChars === Infinity ? value : value.slice(0, Math.max(maxChars * 8, 65_536));
  if (type !== 'text') s = decodeHtmlEntities(stripTags(s));
  const text = collapseWhitespace(fixControlCharacters(repairMojibake(s)));
  return maxChars === Infinity ? text : capText(text, maxChars);
}

/** The mark left where a field was cut to its size limit. */
export const CUT_MARK = '…';

/**
 * Cuts `s` to at most `max` characters, ending with CUT_MARK when anything was cut: at a word
 * boundary if one is near the end, never inside a surrogate pair.
 */
export function capText(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - CUT_MARK.length);
  const space = s.lastIndexOf(' ', end);
  if (space > end * 0.9) end = space;
  else if (/[\ud800-\udbff]/.test(s[end - 1] ?? '')) end--;
  return s.slice(0, end).trimEnd() + CUT_MARK;
}

// ---------------------------------------------------------------------------------------------
// URLs

const URI_PARTS = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

interface UriParts {
  scheme?: string;
  authority?: string;
  path: string;
  query?: string;
  fragment?: string;
}

function splitUri(uri: string): UriParts {
  const m = URI_PARTS.exec(uri)!;
  return { scheme: m[1], authority: m[2], path: m[3], query: m[4], fragment: m[5] };
}

/** RFC 3986 section 5.2.4. */
function removeDotSegments(path: string): string {
  const out: string[] = [];
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (seg === '.') {
      if (i === segments.length - 1) out.push('');
    } else if (seg === '..') {
      if (out.length > 1 || (out.length === 1 && out[0] !== '')) out.pop();
      if (i === segments.length - 1) out.push('');
    } else {
      out.push(seg);
    }
  }
  return out.join('/');
}

/** Whether a reference carries its own scheme (and so is absolute). */
export function hasScheme(ref: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(ref);
}

/**
 * Resolves a reference against a base URI by RFC 3986 section 5.2, on strings only. Absolute
 * references come back exactly as written (no case or percent-encoding changes: Atom ids
 * compare as strings), and IRIs keep their Unicode (no punycode, unlike `new URL`).
 */
export function resolveUrl(ref: string, base: string | null | undefined): string {
  const r = ref.trim();
  if (!base || hasScheme(r)) return r;
  const b = splitUri(base.trim());
  if (!b.scheme) return r;
  const R = splitUri(r);
  let authority = b.authority;
  let path: string;
  let query = R.query;
  if (R.authority !== undefined) {
    authority = R.authority;
    path = removeDotSegments(R.path);
  } else if (R.path === '') {
    path = b.path;
    if (query === undefined) query = b.query;
  } else if (R.path.startsWith('/')) {
    path = removeDotSegments(R.path);
  } else {
    const merged = b.authority !== undefined && b.path === ''
      ? '/' + R.path
      : b.path.slice(0, b.path.lastIndexOf('/') + 1) + R.path;
    path = removeDotSegments(merged);
  }
  return `${b.scheme}:${authority !== undefined ? '//' + authority : ''}${path}` +
    `${query !== undefined ? '?' + query : ''}${R.fragment !== undefined ? '#' + R.fragment : ''}`;
}

/** Whether a URL is a web address we may follow or show (http/https only: no javascript:). */
export function isWebUrl(url: string | null | undefined): url is string {
  return !!url && /^https?:\/\/[^/?#\s]/i.test(url.trim());
}

/** Query parameters that only track where a click came from; they never select an article. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'mc_cid', 'mc_eid',
  'igshid', '_ga', '_gl', 'ref_src', '_hsenc', '_hsmi', 'mkt_tok',
]);
/** Fragments added by share and analytics tools (AddThis "#.XyZ.dpuf", Echobox, AT Internet). */
const TRACKING_FRAGMENT =
  /^(?:utm_|xtor=|at_medium=|at_campaign=|echobox=|ns_mchannel=|ref=|sthash\.|\.[A-Za-z0-9_-]+\.(?:dpuf|dpbs|mailto|twitter|facebook)$|rss$)/i;

function isTrackingParam(pair: string): boolean {
  const rawKey = pair.split('=', 1)[0];
  let key = rawKey;
  try {
    key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
  } catch {
    // keep the raw key
  }
  key = key.toLowerCase();
  return key.startsWith('utm_') || TRACKING_PARAMS.has(key);
}

/**
 * The canonical form of an article link, used for de-duplication and alerts: absolute
 * (resolved against `base`), http(s) only, lower-case host without default port, tracking
 * parameters and tracking fragments removed, other parameters kept in their order and
 * spelling. Returns null for anything that is not a web URL.
 */
export function canonicalUrl(link: string | null | undefined, base?: string | null): string | null {
  if (!link) return null;
  const abs = resolveUrl(link.trim(), base ?? null);
  if (!isWebUrl(abs)) return null;
  let url: URL;
  try {
    url = new URL(abs);
  } catch {
    return null;
  }
  const hashAt = abs.indexOf('#');
  const beforeHash = hashAt < 0 ? abs : abs.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const rawQuery = queryAt < 0 ? '' : beforeHash.slice(queryAt + 1);
  // Feeds that escape twice leave a literal "&amp;" between parameters.
  const kept = rawQuery
    .replace(/&amp;/g, '&')
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(pair));
  const rawFragment = hashAt < 0 ? '' : abs.slice(hashAt + 1);
  const fragment = rawFragment === '' || TRACKING_FRAGMENT.test(rawFragment) ? '' : '#' + rawFragment;
  const auth = url.username ? `${url.username}${url.password ? ':' + url.password : ''}@` : '';
  return `${url.protocol}//${auth}${url.host}${url.pathname}` +
    `${kept.length ? '?' + kept.join('&') : ''}${fragment}`;
}

// ---------------------------------------------------------------------------------------------
// Stable ids

const utf8 = new TextEncoder();

/**
 * FNV-1a, 32-bit, over the UTF-16 code units of `s`: small and fast, for set sketches and
 * reproducible orders, never for ids. `seed` varies the start state (different orders).
 */
export function fnv1a32(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * FNV-1a, 64-bit, over the UTF-8 bytes of `s`, as 16 hex digits. Not cryptographic: an id.
 * The 64-bit state is kept as two 32-bit halves (BigInt arithmetic was the processor's
 * hottest line): multiplying by the FNV prime 2^40 + 0x1b3 is h * 0x1b3 + (h << 40).
 */
export function fnv1a64(s: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (const byte of utf8.encode(s)) {
    lo = (lo ^ byte) >>> 0;
    const loProduct = lo * 0x1b3; // < 2^41: exact in a double
    const carry = Math.floor(loProduct / 0x100000000);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = loProduct >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/**
 * An id for an item whose feed gives it none (no guid, Atom id or rdf:about): a hash of the
 * canonical URL and the title, so the same article keeps its id across fetches. Falls back to
 * the summary when both are empty, so distinct link-less, title-less items stay distinct.
 */
export function stableId(item: { url: string | null; title: string; summary?: string }): string {
  const key = item.url || item.title ? `${item.url ?? ''}\n${item.title}` : `\n\n${item.summary ?? ''}`;
  return `urn:nadzor:item:${fnv1a64(key)}`;
}
