import type { Doc } from '../notify/format/rich';
import { cleanInline, safeHttpUrl } from '../notify/format/clean';
import type { AlertLanguage } from '../notify/i18n/language';
import { formatDateTime, t } from '../notify/i18n/localize';
import type { Storage } from '../storage/index';

export const LATEST_DEFAULT = 5;
export const LATEST_MAX = 20;

/** /latest [n]: the newest relevant articles, title linked, with outlet, scope mark and date. */
export async function latestDoc(storage: Storage, lang: AlertLanguage, n = LATEST_DEFAULT, timeZone?: string): Promise<Doc> {
  const count = Math.max(1, Math.min(LATEST_MAX, Math.floor(n)));
  const articles = await storage.articles.latest(count, { relevant: true });
  if (articles.length === 0) return [[t(lang, 'latest.none')]];
  const doc: Doc = [[{ text: `${t(lang, 'latest.title')} (${articles.length})`, bold: true }]];
  articles.forEach((a, i) => {
    doc.push([
      `${i + 1}. `,
      { text: cleanInline(a.title) || '—', href: safeHttpUrl(a.url ?? a.canonicalUrl) },
      ` — ${a.scope === 'domestic' ? '🇷🇸' : '🌍'} ${cleanInline(a.outlet)}, ${formatDateTime(lang, a.published ?? a.fetchedAt, timeZone)}`,
    ]);
  });
  return doc;
}
