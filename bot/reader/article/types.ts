/**
 * What the article stage tells the processor about one item's page. The processor needs only
 * this: the text it may classify on, and a status to record when there is none.
 */

/**
 * Why there is (or is not) page text. `ok` is the only status with a body. The others leave
 * the decision to the feed text and are stored with the article, so `/why` can say why.
 */
export type PageStatus =
  | 'ok'
  | 'robots'
  | `http ${number}`
  | 'timeout'
  | 'not html'
  | 'too short'
  | 'too large'
  | 'unresolved link'
  | 'forbidden address'
  | 'network'
  | 'over budget';

/** Which extractor produced the body: Readability first, then the fallbacks in this order. */
export type ExtractionMethod = 'readability' | 'json-ld' | 'og-description' | 'densest-block';

export interface PageOutcome {
  status: PageStatus;
  /** The page asked for (the publisher's URL after resolving a news-search link), or null. */
  url: string | null;
  /** The opening paragraphs of the body (about 80 words); '' unless ok. */
  lead: string;
  /** The article's full text as plain paragraphs; '' unless ok. */
  body: string;
  method: ExtractionMethod | null;
  /** Why the page was wanted: 'title only', 'cut off', 'short', 'undecided'. */
  wanted: string;
}

/** Which text a decision used, stored with the article and shown by /why, inspect, the dashboard. */
export type DecidedOn = 'title' | 'title+lead' | 'title+lead+page';
