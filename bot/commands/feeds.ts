import type { FeedEntry, Scope } from '../../shared/model/types';
import { cleanInline } from '../notify/format/clean';
import type { Doc } from '../notify/format/rich';
import type { AlertLanguage } from '../notify/i18n/language';
import { t } from '../notify/i18n/localize';
import { notifyRepos } from '../notify/repos';
import type { Storage } from '../storage/index';
import { checkFeedUrl, type LookupAll } from './feed-url-guard';

/**
 * /feeds: the active feeds, by outlet, with the scope mark and their health; with `urls`, each
 * feed's address too. Addresses are for administrators only (a feed URL may carry a key, and
 * the list says where the monitor looks): see runCommand for who gets which.
 */
export function feedsListDoc(storage: Storage, lang: AlertLanguage, options: { urls: boolean }): Doc {
  const feeds = storage.feeds.list();
  const doc: Doc = [[{ text: `${t(lang, 'feeds.title')} (${feeds.length})`, bold: true }]];
  for (const f of feeds) {
    const state = f.paused
      ? t(lang, 'feeds.paused')
      : f.consecutiveFailures > 0
        ? t(lang, 'feeds.failing', { n: f.consecutiveFailures })
        : f.firstReadAt === null
          ? t(lang, 'feeds.neverRead')
          : null;
    doc.push([
      `${f.scope === 'domestic' ? '🇷🇸' : '🌍'} `,
      { text: cleanInline(f.outlet), bold: true },
      ...(options.urls ? [' ', { text: f.url, code: true }] : []),
      state ? ` (${state})` : '',
    ]);
  }
  if (!options.urls) doc.push([{ text: t(lang, 'feeds.namesOnly'), italic: true }]);
  return doc;
}

/**
 * /feeds add <url> [domestic|international] [name]: after the URL guard (http(s), public
 * address only), the feed is added for polling and remembered across registry reloads.
 */
export async function feedsAddDoc(
  storage: Storage,
  lang: AlertLanguage,
  input: { url?: string; scope?: Scope; outlet?: string },
  changedBy: string,
  now: Date,
  lookup?: LookupAll,
): Promise<Doc> {
  if (!input.url) return [[t(lang, 'feeds.usage')]];
  const check = await checkFeedUrl(input.url, lookup);
  if (!check.ok) {
    if (check.reason === 'private') return [[t(lang, 'feeds.private', { address: check.address })]];
    if (check.reason === 'unresolvable') return [[t(lang, 'feeds.unresolvable', { host: check.host })]];
    return [[t(lang, 'feeds.badUrl')]];
  }
  const url = new URL(check.url);
  const scope = input.scope ?? 'domestic';
  const entry: FeedEntry = {
    outlet: cleanInline(input.outlet ?? '').slice(0, 100) || url.hostname.replace(/^www\./, ''),
    url: check.url,
    // The reader detects each item's language; these are the registry's defaults for the feed.
    language: scope === 'domestic' ? 'sr' : 'en',
    script: 'Latn',
    scope,
    homepage: url.origin + '/',
    kind: 'outlet',
  };
  notifyRepos(storage).chatFeeds.add(entry, changedBy, now.toISOString());
  return [[t(lang, 'feeds.added', { outlet: entry.outlet, url: entry.url })]];
}

/** /feeds remove <url>: stops polling the feed, also after restarts. */
export function feedsRemoveDoc(storage: Storage, lang: AlertLanguage, url: string | undefined, changedBy: string, now: Date): Doc {
  if (!url) return [[t(lang, 'feeds.usage')]];
  const removed = notifyRepos(storage).chatFeeds.remove(url.trim(), changedBy, now.toISOString());
  return [[removed ? t(lang, 'feeds.removed', { url: url.trim() }) : t(lang, 'feeds.notFound')]];
}
