/**
 * The article on the current page: its title, its text (for the classifier and the glossary)
 * and the element that holds it (for the glossary highlights). A site's own selectors come
 * first, then schema.org's articleBody, then an <article> or <main> holding most of the
 * paragraphs, then the paragraph-densest element outside navigation, asides, headers and
 * footers. Nothing on the page is changed.
 *
 * Cheap by design, because it runs on the page's main thread before anything is shown: one
 * querySelectorAll('p') pass that reads each paragraph's textContent length once, no layout
 * reads (no innerText, offsetHeight or getBoundingClientRect), and one bounded walk over the
 * chosen element's text nodes. Mozilla Readability is not used here: it copies and scores the
 * whole page (tens of ms on a long one) and is 33 KB of code that every news page would compile;
 * the bot reads articles with it on the server side (bot/reader/article/extract.ts).
 */
import { GENERIC_BODY_SELECTORS, siteSelectorsFor } from './site-selectors';

export interface ExtractedArticle {
  title: string;
  /** Plain text, blocks separated by newlines, at most MAX_TEXT characters. */
  text: string;
  /** The page element holding the article text (the highlight root). */
  root: Element;
  /** The page's declared language (<html lang>), '' when absent. */
  htmlLang: string;
  via: 'site' | 'schema' | 'semantic' | 'page';
}

/**
 * Characters of article text read from the top (about 1,200 words). The classifier reads the
 * first 5,000 of them (lib/messages.ts's CLASSIFIED_TEXT, about 750 words: the headline, the
 * lead and the first part say what an article is about; the bot decides on a feed's title and
 * summary alone), the glossary terms are looked for in all of them. Long pages are cut, not
 * skipped, so the work per page stays bounded (`npm run bench -- extension`).
 */
export const MAX_TEXT = 8_000;
/** A selector's element with less text than this is not taken for the article. */
const MIN_BODY_TEXT = 400;

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'SELECT', 'TEXTAREA']);
const BLOCK = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'FIGCAPTION', 'TD', 'TH', 'TR',
  'DT', 'DD', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'BR', 'PRE', 'TABLE', 'FIGURE', 'MAIN',
]);

/** The text of `root` with a newline between blocks, so words of adjacent paragraphs stay apart. */
export function blockText(root: Node, max = MAX_TEXT): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node): void => {
    if (length >= max) return;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      parts.push(data);
      length += data.length;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIP.has(tag)) return;
    if (tag !== '' && (node as Element).hasAttribute('data-nadzor-panel')) return;
    const block = BLOCK.has(tag);
    if (block) parts.push('\n');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .replace(/[ \t\u00a0\r\f\v]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim()
    .slice(0, max);
}

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

/** The largest element matching `selector` with enough text, or null. */
function pick(doc: Document, selector: string): Element | null {
  let best: Element | null = null;
  let bestLength = MIN_BODY_TEXT - 1;
  let list: NodeListOf<Element>;
  try {
    list = doc.querySelectorAll(selector);
  } catch {
    return null;
  }
  for (const el of list) {
    const n = textLength(el);
    if (n > bestLength) {
      best = el;
      bestLength = n;
    }
  }
  return best;
}

/**
 * The element with the most paragraph text: an <article> or <main> when one holds most of the
 * paragraphs, else the parent of the most paragraph text. Falls back to <body>.
 */
export function findArticleRoot(doc: Document): Element {
  return articleRoot(doc).root;
}

const SEMANTIC = ['article', 'main', '[role="main"]'];
/** Never the article: the densest-paragraph fallback skips parents inside these. */
const NOT_CONTENT = 'nav, aside, header, footer, [role="navigation"], [role="complementary"]';

/**
 * The same, saying whether it is a semantic container (<article>, <main>) holding most
 * paragraphs. Each paragraph's text length is read once (textContent, no layout) and credited
 * to its parent and to the semantic containers above it.
 */
function articleRoot(doc: Document): { root: Element; semantic: boolean } {
  const body = doc.body ?? doc.documentElement;
  const candidates: Element[] = [];
  for (const selector of SEMANTIC) for (const el of doc.querySelectorAll(selector)) candidates.push(el);
  const inside = new Map<Element, number>(candidates.map((el) => [el, 0]));
  const byParent = new Map<Element, number>();
  let total = 0;
  for (const p of doc.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (!parent) continue;
    const n = p.textContent?.length ?? 0;
    total += n;
    byParent.set(parent, (byParent.get(parent) ?? 0) + n);
    if (candidates.length === 0) continue;
    for (let a: Element | null = parent; a; a = a.parentElement) {
      const sum = inside.get(a);
      if (sum !== undefined) inside.set(a, sum + n);
    }
  }
  // In order: every <article>, then <main>, then [role=main]; the first that holds most.
  for (const el of candidates) {
    const n = inside.get(el) ?? 0;
    if (total > 0 && n >= total * 0.6 && n >= MIN_BODY_TEXT) return { root: el, semantic: true };
  }
  let best: Element | null = null;
  let bestLength = 0;
  for (const [el, n] of byParent) {
    if (n > bestLength && !el.closest(NOT_CONTENT)) {
      best = el;
      bestLength = n;
    }
  }
  return { root: best ?? body, semantic: false };
}

function headline(doc: Document, selector?: string): string {
  const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
  if (selector) {
    try {
      const t = clean(doc.querySelector(selector)?.textContent);
      if (t) return t;
    } catch {
      // An invalid site selector is a bug in site-selectors.ts; the generic headline still works.
    }
  }
  const og = clean(doc.querySelector('meta[property="og:title"]')?.getAttribute('content'));
  if (og) return og;
  const h1 = clean(doc.querySelector('h1')?.textContent);
  return h1 || clean(doc.title);
}

export function extractArticle(doc: Document, hostname: string): ExtractedArticle {
  const htmlLang = (doc.documentElement.getAttribute('lang') ?? '').trim();
  const site = siteSelectorsFor(hostname);
  if (site) {
    const root = pick(doc, site.body);
    if (root) return { title: headline(doc, site.title), text: blockText(root), root, htmlLang, via: 'site' };
  }
  for (const selector of GENERIC_BODY_SELECTORS) {
    const root = pick(doc, selector);
    if (root) return { title: headline(doc), text: blockText(root), root, htmlLang, via: 'schema' };
  }
  const { root, semantic } = articleRoot(doc);
  return { title: headline(doc), text: blockText(root), root, htmlLang, via: semantic ? 'semantic' : 'page' };
}
