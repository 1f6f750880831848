/**
 * The article's text from its page. `@mozilla/readability` (Firefox's Reader View) over a
 * `linkedom` document does most pages; when it finds nothing long enough, the fallbacks are,
 * in order: the schema.org `articleBody` of the page's JSON-LD, the densest block of
 * paragraphs (the element whose own <p> children hold the most text, outside nav, aside,
 * header and footer), and the `og:description` meta (one or two sentences, better than
 * nothing). `extractAll` runs every method, for the measurement in extract.test.ts.
 *
 * The page is untrusted: only text leaves this module, never markup; sizes are capped.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ExtractionMethod } from './types';

/** Text shorter than this is not an article (a paywall stub, a cookie wall, a video page). */
export const MIN_BODY_CHARS = 250;
/** Longer bodies are cut: the classifier and story grouping read the beginning. */
export const MAX_BODY_CHARS = 100_000;
/** Words of the body kept as its lead (the opening paragraphs). */
export const LEAD_WORDS = 80;

export interface Extracted {
  method: ExtractionMethod | null;
  /** Paragraphs separated by blank lines; '' when nothing was found. */
  body: string;
  lead: string;
  /** A password field or login form on a page with little text: a paywall or login wall. */
  loginWall: boolean;
}

type Doc = ReturnType<typeof parseHTML>['document'];
type El = ReturnType<Doc['querySelector']> & object;

const BLOCKS = 'p, h2, h3, h4, li, blockquote, pre';

function clean(s: string): string {
  return s.replace(/[\u00a0\s]+/g, ' ').trim();
}

function paragraphsOf(root: El): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll(BLOCKS) as unknown as El[]) {
    // A <li> or <blockquote> holding <p>s is counted through its paragraphs.
    if (el.tagName !== 'P' && el.querySelector('p')) continue;
    const t = clean(el.textContent ?? '');
    if (t) out.push(t);
  }
  if (out.length === 0) {
    const t = clean(root.textContent ?? '');
    if (t) out.push(t);
  }
  return out;
}

function join(paragraphs: string[]): string {
  let body = '';
  for (const p of paragraphs) {
    if (body.length + p.length > MAX_BODY_CHARS) break;
    body += (body ? '\n\n' : '') + p;
  }
  return body;
}

export function leadOf(body: string, words = LEAD_WORDS): string {
  const out: string[] = [];
  let n = 0;
  for (const p of body.split('\n\n')) {
    if (n >= words) break;
    const w = p.split(' ');
    out.push(w.slice(0, words - n).join(' '));
    n += w.length;
  }
  return out.join('\n\n');
}

const NEVER_CONTENT_ROLES = '[role="navigation"], [role="complementary"]';

function byReadability(document: Doc): string {
  for (const el of document.querySelectorAll(NEVER_CONTENT_ROLES) as unknown as El[]) el.remove();
  const article = new Readability(document as unknown as Document, { charThreshold: MIN_BODY_CHARS, keepClasses: false }).parse();
  if (!article?.content) return '';
  const { document: inner } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  return join(paragraphsOf(inner.body as unknown as El));
}

const LD_JSON = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;

/** The first schema.org articleBody of an Article-like object in the page's JSON-LD. */
function byJsonLd(html: string): string {
  for (const m of html.matchAll(LD_JSON)) {
    let data: unknown;
    try {
      data = JSON.parse(m[1]);
    } catch {
      continue;
    }
    const stack: unknown[] = [data];
    for (let seen = 0; stack.length && seen < 200; seen++) {
      const x = stack.pop();
      if (Array.isArray(x)) stack.push(...x);
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (typeof o.articleBody === 'string' && o.articleBody.trim()) {
          const paras = o.articleBody.split(/\n\s*\n|\r?\n/).map(clean).filter(Boolean);
          return join(paras);
        }
        if (o['@graph']) stack.push(o['@graph']);
      }
    }
  }
  return '';
}

/**
 * Markup that is never the article, cut out of the HTML text before it is parsed: Readability
 * would drop it too, but only after building and scoring it, and a mega-menu of a thousand
 * links costs more than the article (measured on a 115 KB page: 0.5-0.9 s down to 0.1 s).
 * A nested element of the same name leaves a stray end tag, which the parser ignores.
 */
const NEVER_CONTENT = /<(script|style|noscript|template|svg|iframe|nav|aside|footer|form)\b[^>]*>/gi;

/**
 * The HTML without those elements, in one pass: each opening tag is cut with everything up to
 * its end tag. A name whose end tag is missing is not looked for again, so a hostile page of
 * unclosed tags costs one scan per name, not one per tag.
 */
export function stripNonContent(html: string): string {
  const lower = html.toLowerCase();
  const unclosed = new Set<string>();
  let out = '';
  let from = 0;
  NEVER_CONTENT.lastIndex = 0;
  for (let m = NEVER_CONTENT.exec(html); m; m = NEVER_CONTENT.exec(html)) {
    const name = m[1].toLowerCase();
    if (unclosed.has(name)) continue;
    const close = lower.indexOf(`</${name}`, m.index + m[0].length);
    if (close < 0) {
      unclosed.add(name);
      continue;
    }
    const end = lower.indexOf('>', close);
    out += html.slice(from, m.index) + ' ';
    from = end < 0 ? html.length : end + 1;
    NEVER_CONTENT.lastIndex = from;
  }
  return out + html.slice(from);
}

function byOgDescription(doc: Doc): string {
  const meta = doc.querySelector('meta[property="og:description"], meta[name="og:description"], meta[name="description"]');
  return clean(meta?.getAttribute('content') ?? '');
}

const NOT_CONTENT = 'header, [role="navigation"], [role="complementary"]';

function byDensestBlock(doc: Doc): string {
  for (const el of doc.querySelectorAll(NOT_CONTENT) as unknown as El[]) el.remove();
  const score = new Map<El, number>();
  for (const p of doc.querySelectorAll('p') as unknown as El[]) {
    const parent = p.parentElement as El | null;
    if (!parent) continue;
    score.set(parent, (score.get(parent) ?? 0) + clean(p.textContent ?? '').length);
  }
  let best: El | null = null;
  let bestScore = 0;
  for (const [el, n] of score) if (n > bestScore) [best, bestScore] = [el, n];
  if (!best) return '';
  const paras: string[] = [];
  for (const child of best.children as unknown as El[]) {
    if (child.tagName === 'P' || /^H[2-4]$/.test(child.tagName)) {
      const t = clean(child.textContent ?? '');
      if (t) paras.push(t);
    }
  }
  return join(paras);
}

const LOGIN_WALL = /<input\b[^>]*\btype\s*=\s*["']?password|<form\b[^>]*\baction\s*=\s*["'][^"']*(login|prijava|signin)|class\s*=\s*["'][^"']*paywall/i;

function hasLoginForm(html: string): boolean {
  return LOGIN_WALL.test(html);
}

/** Every method's text for one page (the measurement); each method gets its own document. */
export function extractAll(html: string, url: string): Record<ExtractionMethod, string> {
  void url;
  const stripped = stripNonContent(html);
  const { document } = parseHTML(stripped);
  let readability = '';
  try {
    readability = byReadability(parseHTML(stripped).document);
  } catch {
    readability = '';
  }
  return { readability, 'json-ld': byJsonLd(html), 'densest-block': byDensestBlock(document), 'og-description': byOgDescription(document) };
}

/**
 * The article text of a page: the first method, in preference order, with enough text. The
 * page is parsed once; only when Readability finds nothing is it parsed again for the
 * densest-block fallback (Readability changes the document it reads).
 */
export function extractArticle(html: string, url: string): Extracted {
  void url;
  const loginWall = hasLoginForm(html);
  const jsonLd = byJsonLd(html);
  const stripped = stripNonContent(html);
  const { document } = parseHTML(stripped);
  const og = byOgDescription(document);
  let readability = '';
  try {
    readability = byReadability(document);
  } catch {
    // A page Readability cannot walk is left to the fallbacks.
  }
  const candidates: Array<[ExtractionMethod, () => string]> = [
    ['readability', () => readability],
    ['json-ld', () => jsonLd],
    ['densest-block', () => byDensestBlock(parseHTML(stripped).document)],
    ['og-description', () => og],
  ];
  for (const [method, text] of candidates) {
    const body = text();
    if (body.length >= MIN_BODY_CHARS) return { method, body, lead: leadOf(body), loginWall };
  }
  // Nothing long enough: keep the longest for the record, but it is "too short".
  const longest = [readability, jsonLd, og].sort((a, b) => b.length - a.length)[0] ?? '';
  return { method: null, body: longest, lead: leadOf(longest), loginWall };
}
