/**
 * The HTTP API and dashboard for press officers and the browser extension: coverage counts,
 * articles, stories, organisation mentions, related coverage, exports, adding an article by
 * hand. See README.md in this folder for the endpoints.
 */
export { startApi } from './server';
export type { StartApiOptions, RunningApi } from './server';
export { createApp, articleInput, apiLogger, MAX_BODY_BYTES } from './app';
export type { AddArticle, AddArticleInput, AddArticleResult, ApiConfig, ApiDeps, ApiLogger } from './app';
export { syncSearchIndex, searchIndexLag, searchExpression } from './search-index';
export { coverage, periodBuckets, bucketOf, INTERVALS, COVERAGE_BY } from './coverage';
export type { CoverageResult, CoverageQuery, Interval, CoverageBy } from './coverage';
export { mentions } from './mentions';
export type { MentionsResult, OrgMentions } from './mentions';
export { ParamError } from './params';
