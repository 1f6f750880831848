/**
 * Reading one article page: the feed fetcher (same timeouts, size cap, redirect cap and the
 * public-address guard at every connection), an Accept header for HTML, the charset from the
 * header, BOM or `<meta>`, then extraction. Every outcome is a PageOutcome-like record,
 * never a throw: a page that cannot be had leaves the decision to the feed text.
 */
import { fetchFeed, FetchError, type FetchOptions } from '../fetcher';
import { decodeHtmlBytes } from './decode-html';
import { extractArticle, MIN_BODY_CHARS } from './extract';
import type { ExtractionMethod, PageStatus } from './types';

export const ARTICLE_USER_AGENT = 'NadzorWatch/0.1 (+https://github.com/nadzor-watch; reads the article page of a short feed item once)';

const ACCEPT_HTML = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1';

export interface PageRead {
  status: PageStatus;
  finalUrl: string | null;
  encoding: string | null;
  method: ExtractionMethod | null;
  lead: string;
  body: string;
  /** What went wrong, for the record (never shown as HTML). */
  error: string | null;
}

export type PageFetchOptions = Pick<FetchOptions, 'timeoutMs' | 'connectTimeoutMs' | 'maxBytes' | 'maxRedirects' | 'signal' | 'trustedHost' | 'userAgent'>;

function statusOf(err: unknown): PageStatus {
  if (!(err instanceof FetchError)) return 'network';
  switch (err.kind) {
    case 'http':
      return `http ${err.status ?? 0}`;
    case 'timeout':
      return 'timeout';
    case 'too-large':
      return 'too large';
    case 'forbidden-address':
      return 'forbidden address';
    default:
      return 'network';
  }
}

function isHtml(contentType: string | null, body: Buffer): boolean {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type && type !== 'text/html' && type !== 'application/xhtml+xml') return false;
  // No type, or a type that lies: a PDF or an image is not read as HTML.
  const head = body.subarray(0, 8).toString('latin1');
  return !head.startsWith('%PDF') && !head.startsWith('\x89PNG') && !head.startsWith('GIF8') && !head.startsWith('\xff\xd8');
}

export async function readPage(url: string, options: PageFetchOptions): Promise<PageRead> {
  const empty = { finalUrl: null, encoding: null, method: null, lead: '', body: '' };
  let res;
  try {
    res = await fetchFeed(url, {
      ...options,
      userAgent: options.userAgent ?? ARTICLE_USER_AGENT,
      headers: { accept: ACCEPT_HTML },
      // Pages come from links in feeds: only public addresses, except the operator's own hosts.
      publicOnly: true,
    });
  } catch (err) {
    return { ...empty, status: statusOf(err), error: (err as Error).message };
  }
  if (res.notModified) return { ...empty, status: 'http 304', error: null };
  if (!isHtml(res.contentType, res.body)) {
    return { ...empty, finalUrl: res.url, status: 'not html', error: `Content-Type ${res.contentType ?? '(none)'}` };
  }
  const decoded = decodeHtmlBytes(res.body, res.contentType);
  const extracted = extractArticle(decoded.text, res.url);
  const tooShort = extracted.method === null || extracted.body.length < MIN_BODY_CHARS;
  return {
    status: tooShort ? 'too short' : 'ok',
    finalUrl: res.url,
    encoding: decoded.encoding,
    method: extracted.method,
    lead: tooShort ? '' : extracted.lead,
    body: tooShort ? '' : extracted.body,
    error: tooShort ? `${extracted.body.length} characters of text${extracted.loginWall ? ' and a login form (paywall)' : ''}` : null,
  };
}
