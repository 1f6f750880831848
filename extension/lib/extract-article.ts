/**
 * The article on the current page: its title, its text (for the classifier) and the element
 * that holds it (for the glossary highlights). A site's own selectors come first, then
 * schema.org's articleBody, then Mozilla Readability on a copy of the page, then the
 * paragraph-densest element. Nothing on the page is changed.
 */
import { Readability } from '@mozilla/readability';
import { GENERIC_BODY_SELECTORS, siteSelectorsFor } from './site-selectors';

export interface ExtractedArticle {
  title: string;
  /** Plain text, blocks separated by newlines, at most MAX_TEXT characters. */
  text: string;
  /** The page element holding the article text (the highlight root). */
  root: Element;
  /** The page's declared language (<html lang>), '' when absent. */
  htmlLang: string;
  via: 'site' | 'schema' | 'semantic' | 'readability' | 'page';
}

/**
 * Enough for the classifier (about 750 words: the headline, the lead and the first part say
 * what an article is about; the bot decides on a feed's title and summary alone). Long pages
 * are cut, not skipped, and the work per page stays bounded: on a 5,000-word article this
 * keeps the content script's main-thread time within its budget (`npm run bench -- extension`).
 */
export const MAX_TEXT = 5_000;
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

/** The same, saying whether it is a semantic container (<article>, <main>) holding most paragraphs. */
function articleRoot(doc: Document): { root: Element; semantic: boolean } {
  const body = doc.body ?? doc.documentElement;
  const byParent = new Map<Element, number>();
  let total = 0;
  for (const p of doc.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (!parent) continue;
    const n = textLength(p);
    total += n;
    byParent.set(parent, (byParent.get(parent) ?? 0) + n);
  }
  for (const selector of ['article', 'main', '[role="main"]']) {
    for (const el of doc.querySelectorAll(selector)) {
      let inside = 0;
      for (const p of el.querySelectorAll('p')) inside += textLength(p);
      if (total > 0 && inside >= total * 0.6 && inside >= MIN_BODY_TEXT) return { root: el, semantic: true };
    }
  }
  let best: Element | null = null;
  let bestLength = 0;
  for (const [el, n] of byParent) {
    if (n > bestLength) {
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

/** Readability on a copy of the page; returns its text and title, or null if it finds no article. */
function readability(doc: Document): { title: string; text: string } | null {
  const copy = doc.cloneNode(true) as Document;
  // Readability's textContent runs adjacent paragraphs together; a newline inside each block
  // keeps their words apart.
  for (const el of copy.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, td, dd, dt, blockquote, figcaption, br')) {
    el.appendChild(copy.createTextNode('\n'));
  }
  try {
    const article = new Readability(copy, { charThreshold: MIN_BODY_TEXT }).parse();
    const text = (article?.textContent ?? '').replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
    if (!article || text.length < MIN_BODY_TEXT) return null;
    return { title: (article.title ?? '').trim(), text: text.slice(0, MAX_TEXT) };
  } catch {
    return null;
  }
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
  // An <article> or <main> that holds most of the page's paragraphs is the article: no need
  // for Readability, which copies and scores the whole page (tens of ms on a long one).
  if (semantic) return { title: headline(doc), text: blockText(root), root, htmlLang, via: 'semantic' };
  const read = readability(doc);
  if (read) return { title: headline(doc) || read.title, text: read.text, root, htmlLang, via: 'readability' };
  return { title: headline(doc), text: blockText(root), root, htmlLang, via: 'page' };
}
