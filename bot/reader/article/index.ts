/**
 * The article stage: full text for title-only, cut-off and undecided feed items. See
 * stage.ts for the flow and README.md in this folder for what is fetched and what it costs.
 */
export { createArticleStage } from './stage';
export type { ArticleStage, ArticleStageOptions, ArticleStageStats } from './stage';
export { decide } from './decide';
export { extractArticle, extractAll } from './extract';
export { readPage, ARTICLE_USER_AGENT } from './fetch-page';
export { resolvePublisherUrl } from './resolve-link';
export { pageWanted, shortness } from './select';
export type { PageOutcome, PageStatus, ExtractionMethod, DecidedOn } from './types';
