/**
 * Related coverage from a configured server. The content script asks the background with the
 * article's topics and title terms only (the page URL and text never leave the tab); the
 * background, the only place with the server URL's host permission, asks `/api/related`.
 * Without a server, the content script never sends the request at all.
 */
import { browser } from 'wxt/browser';
import { fetchRelated, parseArticles } from '../lib/api-client';
import type { RelatedRequest, RelatedResponse } from '../lib/messages';
import { serverUrlSetting, normalizeServerUrl } from '../lib/settings';

/** Content script side. */
export async function requestRelatedCoverage(query: Omit<RelatedRequest, 'type'>): Promise<RelatedResponse> {
  const message: RelatedRequest = { type: 'related', topics: query.topics, terms: query.terms, lang: query.lang };
  try {
    const raw = (await browser.runtime.sendMessage(message)) as { ok?: unknown; articles?: unknown } | undefined;
    if (raw?.ok === true) return { ok: true, articles: parseArticles(raw) };
    return { ok: false, error: 'no related coverage' };
  } catch {
    return { ok: false, error: 'background unavailable' };
  }
}

/** Background side: answer a validated request. */
export async function serveRelatedCoverage(
  request: RelatedRequest,
  fetchImpl: typeof fetch = fetch,
): Promise<RelatedResponse> {
  let server = '';
  try {
    server = normalizeServerUrl(await serverUrlSetting.getValue());
  } catch {
    server = '';
  }
  if (server === '') return { ok: false, error: 'no server configured' };
  try {
    return { ok: true, articles: await fetchRelated(server, request, fetchImpl) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : 'request failed' };
  }
}
