/**
 * Turning a feed's bytes into text. Serbian outlets still serve windows-1250, windows-1251,
 * ISO-8859-2 and UTF-16, and their headers and XML declarations do not always agree, so the
 * charset is decided in this order:
 *
 *  1. a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE): it cannot lie;
 *  2. the byte pattern of `<?xml` in UTF-16/32 without a BOM (XML 1.0 appendix F);
 *  3. the HTTP Content-Type charset;
 *  4. the XML declaration's encoding;
 *     (a single-byte charset from 3 or 4 loses to a body that is valid UTF-8 with multi-byte
 *     sequences: such a label is a server default, not the truth);
 *  5. UTF-8, and if the bytes are not UTF-8, a guess among windows-1251 / windows-1250 /
 *     windows-1252 from the byte statistics.
 *
 * Deliberate choices, which differ from RFC 3023 (what feedparser follows): `text/xml`
 * without a charset does not force US-ASCII (the XML declaration is used instead), and the
 * labels iso-8859-1 / us-ascii decode as windows-1252, as the WHATWG Encoding Standard and
 * every browser do. A declared UTF-8 that is clearly not UTF-8 falls back as in step 5.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** Decoded feed text and how its charset was decided. */
export interface DecodedText {
  text: string;
  /** The decoder used, lower case (`utf-8`, `windows-1251`, `utf-16le`, ...). */
  encoding: string;
  source: 'bom' | 'sniff' | 'http' | 'xml' | 'default' | 'guess';
  /** Problems found on the way (conflicting or unknown labels, invalid bytes). */
  warnings: string[];
}

/** WHATWG-style aliases for labels iconv-lite spells differently or that browsers remap. */
const ALIASES: Record<string, string> = {
  'utf8': 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
  'us-ascii': 'windows-1252', 'ascii': 'windows-1252', 'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252', 'latin1': 'windows-1252', 'l1': 'windows-1252',
  'iso_8859-1': 'windows-1252', 'cp1252': 'windows-1252', 'cp819': 'windows-1252',
  'gb2312': 'gb18030', 'gbk': 'gb18030', 'x-gbk': 'gb18030',
  'x-mac-cyrillic': 'maccyrillic', 'x-mac-roman': 'macroman', 'mac': 'macroman',
  'ucs-2': 'utf-16', 'unicode': 'utf-16', 'iso-10646-ucs-2': 'utf-16',
  'ucs-4': 'utf-32', 'iso-10646-ucs-4': 'utf-32',
  'cp1250': 'windows-1250', 'cp1251': 'windows-1251', 'x-cp1250': 'windows-1250', 'x-cp1251': 'windows-1251',
  'iso-8859-2': 'iso-8859-2', 'latin2': 'iso-8859-2',
};

/** Decoder names of single-byte charsets, the only ones valid UTF-8 can prove wrong. */
const SINGLE_BYTE = /^(?:windows-125\d|iso-8859-\d+|koi8-[a-z]+|mac[a-z]*|cp\d+|ibm\d+|latin\d)$/;

/** The canonical decoder name for a charset label, or null if we cannot decode it. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return null;
  const name = ALIASES[l] ?? l;
  if (name === 'utf-16' || name === 'utf-32') return name;
  return iconv.encodingExists(name) ? name : null;
}

/** The `charset` parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("([^"]*)"|[^;\s]*)/i.exec(contentType);
  return m ? (m[2] ?? m[1]).trim() || null : null;
}

function sniffBom(b: Uint8Array): { encoding: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return { encoding: 'utf-32le', length: 4 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/**
 * UTF-16/32 without a BOM, recognised by the zero bytes around the first ASCII characters
 * (`<`, or whitespace before it), as XML 1.0 appendix F describes.
 */
function sniffWide(b: Uint8Array): string | null {
  if (b.length < 4) return null;
  const [a, c, d, e] = b;
  if (a === 0 && c === 0 && d === 0 && e !== 0) return 'utf-32be';
  if (a !== 0 && c === 0 && d === 0 && e === 0) return 'utf-32le';
  if (a === 0 && c !== 0 && d === 0 && e !== 0) return 'utf-16be';
  if (a !== 0 && c === 0 && d !== 0 && e === 0) return 'utf-16le';
  return null;
}

/** The encoding named in the XML declaration, read from the start of the decoded head. */
function declaredEncoding(head: string): string | null {
  const m = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m ? m[1] : null;
}

interface Utf8Stats {
  valid: boolean;
  /** Well-formed multi-byte sequences. */
  multibyte: number;
  /** Bytes that are not part of a well-formed sequence. */
  invalid: number;
}

function utf8Stats(b: Uint8Array): Utf8Stats {
  // Fast path, native: valid UTF-8 (the usual case) needs no counting beyond "any multi-byte?".
  if (isUtf8(b)) {
    const latin1 = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
    return { valid: true, multibyte: /[\x80-\xff]/.test(latin1) ? 1 : 0, invalid: 0 };
  }
  let multibyte = 0;
  let invalid = 0;
  for (let i = 0; i < b.length; ) {
    const x = b[i];
    if (x < 0x80) {
      i++;
      continue;
    }
    const need = x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) ok = i + k < b.length && (b[i + k] & 0xc0) === 0x80;
    if (ok) {
      multibyte++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid: invalid === 0, multibyte, invalid };
}

/**
 * Guesses a single-byte charset for text that is not UTF-8. Cyrillic in windows-1251 is
 * almost all high bytes; Serbian Latin in windows-1250 is mostly ASCII with č ć đ (0xE8 0xE6
 * 0xF0 and capitals), which windows-1252 would show as è æ ð.
 */
export function guessLegacyCharset(b: Uint8Array): string {
  let high = 0;
  let asciiLetters = 0;
  let serbianLatin = 0;
  for (const x of b) {
    if (x >= 0xc0) high++;
    else if ((x >= 0x41 && x <= 0x5a) || (x >= 0x61 && x <= 0x7a)) asciiLetters++;
    if (x === 0xe8 || x === 0xe6 || x === 0xf0 || x === 0xc8 || x === 0xc6 || x === 0xd0) serbianLatin++;
  }
  if (high > 0 && high / (high + asciiLetters) > 0.3) return 'windows-1251';
  if (serbianLatin > 0) return 'windows-1250';
  return 'windows-1252';
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(buf); // U+FFFD for bad bytes
  return iconv.decode(buf, encoding, { stripBOM: false });
}

/**
 * Decodes a feed body. `contentType` is the HTTP Content-Type header, when the bytes came
 * over HTTP. Never throws: the worst case is a guessed single-byte charset and a warning.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const warnings: string[] = [];
  const bom = sniffBom(bytes);
  const httpLabel = charsetFromContentType(contentType);
  const httpCharset = normalizeCharset(httpLabel);
  if (httpLabel && !httpCharset) warnings.push(`unknown charset "${httpLabel}" in Content-Type, ignored`);

  if (bom) {
    const body = bytes.subarray(bom.length);
    return { text: decodeWith(body, bom.encoding), encoding: bom.encoding, source: 'bom', warnings };
  }

  const wide = sniffWide(bytes);
  if (wide) {
    // The bytes say UTF-16/32; a header or declaration naming another family cannot be right.
    return { text: decodeWith(bytes, wide), encoding: wide, source: 'sniff', warnings };
  }

  // ASCII-compatible from here on: the declaration can be read as Latin-1.
  const head = iconv.decode(Buffer.from(bytes.subarray(0, 1024)), 'latin1');
  const xmlLabel = declaredEncoding(head);
  let xmlCharset = normalizeCharset(xmlLabel);
  if (xmlLabel && !xmlCharset) warnings.push(`unknown encoding "${xmlLabel}" in XML declaration, ignored`);
  // A declaration of UTF-16/32 on bytes that are not laid out so is wrong (often a re-encoded file).
  if (xmlCharset === 'utf-16' || xmlCharset === 'utf-32' || xmlCharset?.startsWith('utf-16') || xmlCharset?.startsWith('utf-32')) {
    warnings.push(`XML declaration says ${xmlLabel} but the bytes are ASCII-compatible`);
    xmlCharset = null;
  }
  if (httpCharset && xmlCharset && httpCharset !== xmlCharset) {
    warnings.push(`Content-Type charset ${httpLabel} and XML declaration ${xmlLabel} disagree; using ${httpLabel}`);
  }

  let encoding = httpCharset && !/^utf-(16|32)/.test(httpCharset) ? httpCharset : xmlCharset ?? 'utf-8';
  let source: DecodedText['source'] = httpCharset ? 'http' : xmlCharset ? 'xml' : 'default';

  // A single-byte label (a server default such as windows-1252) over a body that is valid
  // UTF-8 with multi-byte sequences is wrong: legacy text practically never forms valid UTF-8,
  // and decoding it so would turn Cyrillic into mojibake that no keyword matches.
  if (encoding !== 'utf-8' && SINGLE_BYTE.test(encoding)) {
    const stats = utf8Stats(bytes);
    if (stats.valid && stats.multibyte > 0) {
      warnings.push(`${source === 'http' ? 'Content-Type charset' : 'XML declaration'} ${source === 'http' ? httpLabel : xmlLabel} contradicts a body that is valid UTF-8; decoded as UTF-8`);
      encoding = 'utf-8';
      source = 'sniff';
    }
  }

  if (encoding === 'utf-8') {
    const stats = utf8Stats(bytes);
    // A few bad bytes in otherwise good UTF-8 (a truncated character) are kept as U+FFFD;
    // a body with mostly invalid sequences was written in a legacy charset.
    if (!stats.valid && stats.multibyte < 4 * stats.invalid) {
      const alternative = source === 'http' && xmlCharset && xmlCharset !== 'utf-8' ? xmlCharset : null;
      encoding = alternative ?? guessLegacyCharset(bytes);
      source = alternative ? 'xml' : 'guess';
      warnings.push(`body is not valid UTF-8; decoded as ${encoding}`);
    } else if (!stats.valid) {
      warnings.push(`${stats.invalid} invalid UTF-8 byte(s) replaced`);
    }
  }
  return { text: decodeWith(bytes, encoding), encoding, source, warnings };
}
