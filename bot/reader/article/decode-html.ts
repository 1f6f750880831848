/**
 * Decoding an HTML page's bytes. Serbian outlets still serve windows-1250 and windows-1251,
 * and some declare it only in the page (`<meta charset>` or `<meta http-equiv>`), so the
 * charset is decided as the HTML standard's sniffing does, in short:
 *
 *  1. a byte order mark;
 *  2. the HTTP Content-Type charset;
 *  3. a `<meta>` declaration in the first 1024 bytes;
 *  4. UTF-8, or a guess among windows-1250/1251/1252 when the bytes are not UTF-8.
 *
 * Steps 1, 2 and 4 are the feed decoder's (`decodeFeedBytes`); this adds step 3.
 */
import iconv from 'iconv-lite';
import { charsetFromContentType, decodeFeedBytes, normalizeCharset, type DecodedText } from '../encoding';

const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

/** The charset a `<meta>` in the first 1024 bytes declares, or null. */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = iconv.decode(Buffer.from(bytes.subarray(0, 1024)), 'latin1');
  const m = META_CHARSET.exec(head);
  return m ? m[1] : null;
}

export interface DecodedHtml extends Omit<DecodedText, 'source'> {
  source: DecodedText['source'] | 'meta';
}

export function decodeHtmlBytes(bytes: Uint8Array, contentType: string | null): DecodedHtml {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const httpCharset = normalizeCharset(charsetFromContentType(contentType));
  if (hasBom || httpCharset) return decodeFeedBytes(bytes, contentType);
  const declared = normalizeCharset(metaCharset(bytes));
  // A page in UTF-16 cannot declare so in ASCII-compatible bytes; the standard reads it as UTF-8.
  if (declared && !/^utf-(16|32)/.test(declared)) {
    const decoded = decodeFeedBytes(bytes, `text/html; charset=${declared}`);
    return { ...decoded, source: decoded.source === 'http' ? 'meta' : decoded.source };
  }
  return decodeFeedBytes(bytes, null);
}
