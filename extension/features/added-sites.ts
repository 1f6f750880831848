/**
 * Sites the reader adds in the options page: the content script is registered for them at run
 * time (scripting.registerContentScripts), only for hosts whose permission the reader granted,
 * and re-synced whenever the list or the permissions change.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SITES, hostBelongsTo, matchPatternFor, runsOnHost } from '../lib/default-sites';
import { normalizeSites, sitesSetting, type SitesSetting } from '../lib/settings';

export const ADDED_SITES_SCRIPT_ID = 'nadzor-added-sites';
/** The built content script (WXT's output name for entrypoints/article.content). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/article.js';

/** Should the content script run on `hostname`, given the reader's site settings? (lib/site-addresses.ts) */
export const shouldRunOn = runsOnHost;

/** Match patterns to register: added hosts not already covered by the manifest's matches. */
export async function addedSitePatterns(sites: SitesSetting): Promise<string[]> {
  const patterns: string[] = [];
  for (const host of sites.added) {
    const covered = DEFAULT_SITES.some((s) => hostBelongsTo(host, s.host));
    if (covered) continue;
    const pattern = matchPatternFor(host);
    if (await browser.permissions.contains({ origins: [pattern] })) patterns.push(pattern);
  }
  return patterns;
}

/** Bring the registered content script in line with the settings and granted permissions. */
export async function syncAddedSites(): Promise<string[]> {
  const patterns = await addedSitePatterns(normalizeSites(await sitesSetting.getValue()));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [ADDED_SITES_SCRIPT_ID] });
  if (patterns.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [ADDED_SITES_SCRIPT_ID] });
    return patterns;
  }
  if (existing.length > 0) {
    await browser.scripting.updateContentScripts([{ id: ADDED_SITES_SCRIPT_ID, matches: patterns, js: [CONTENT_SCRIPT_FILE] }]);
    return patterns;
  }
  const script = { id: ADDED_SITES_SCRIPT_ID, matches: patterns, js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle' as const };
  try {
    await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
  } catch {
    // Older Firefox releases reject persistAcrossSessions; the background re-syncs on start.
    await browser.scripting.registerContentScripts([script]);
  }
  return patterns;
}
