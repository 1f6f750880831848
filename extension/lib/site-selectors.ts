/**
 * Where the article body is on sites whose markup says it more precisely than Readability's
 * guess. One entry per site, next to pages it was written for; `site-selectors.test.ts` keeps
 * the list honest (hosts are watched sites, selectors parse, examples are on the host).
 *
 * The selectors were written without access to the live sites (the test suite never leaves
 * 127.0.0.1) and must be rechecked against the example pages when a site changes. A selector
 * that finds nothing, or too little text, is skipped: extraction falls back to the generic
 * schema.org markup and then to Readability, so a stale entry costs precision, not function.
 */
export interface SiteSelectors {
  /** A watched site's host (see default-sites.ts); subdomains included. */
  host: string;
  /** The element that holds the article text. */
  body: string;
  /** The headline, when the page title carries more than the headline. */
  title?: string;
  /** Pages of the site the selectors are for. */
  examples: string[];
}

/** schema.org's article body, which many outlets mark up: tried after a site's own selector. */
export const GENERIC_BODY_SELECTORS = ['[itemprop="articleBody"]', '[property="articleBody"]'];

export const SITE_SELECTORS: SiteSelectors[] = [
  {
    host: 'n1info.rs',
    body: '.entry-content',
    title: 'h1.entry-title, h1',
    examples: ['https://n1info.rs/vesti/', 'https://n1info.rs/english/news/'],
  },
  {
    host: 'danas.rs',
    body: '.post-content',
    title: 'h1.post-title, h1',
    examples: ['https://www.danas.rs/vesti/drustvo/'],
  },
  {
    host: 'globalvoices.org',
    body: '.entry-container .entry, .entry',
    title: 'h1',
    examples: ['https://globalvoices.org/-/world/eastern-central-europe/serbia/'],
  },
  {
    host: 'theguardian.com',
    body: '.article-body-commercial-selector',
    title: 'h1',
    examples: ['https://www.theguardian.com/world/serbia'],
  },
  {
    host: 'apnews.com',
    body: '.RichTextStoryBody',
    title: 'h1',
    examples: ['https://apnews.com/hub/serbia'],
  },
];

/** The selectors for the site `hostname` belongs to, if any. */
export function siteSelectorsFor(hostname: string): SiteSelectors | undefined {
  const h = hostname.toLowerCase().replace(/^www\./, '');
  return SITE_SELECTORS.find((s) => h === s.host || h.endsWith('.' + s.host));
}
