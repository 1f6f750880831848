import type { Doc } from '../notify/format/rich';
import { cleanInline } from '../notify/format/clean';
import type { AlertLanguage } from '../notify/i18n/language';
import { t } from '../notify/i18n/localize';
import type { Storage } from '../storage/index';
import { coverageCounts, topOutlets } from './stats';

export const COVERAGE_DEFAULT_DAYS = 7;
export const COVERAGE_MAX_DAYS = 365;

/** /coverage [days]: relevant articles and distinct stories, domestic vs international, top outlets. */
export async function coverageDoc(storage: Storage, lang: AlertLanguage, now: Date, days = COVERAGE_DEFAULT_DAYS): Promise<Doc> {
  const d = Math.max(1, Math.min(COVERAGE_MAX_DAYS, Math.floor(days)));
  const filter = { since: new Date(now.getTime() - d * 86_400_000).toISOString() };
  const c = await coverageCounts(storage, filter);
  const doc: Doc = [
    [{ text: t(lang, 'coverage.title', { n: d }), bold: true }],
    [
      { text: `${t(lang, 'digest.articles', { n: c.articles })}, ${t(lang, 'digest.stories', { n: c.stories })}`, bold: true },
      ` (${t(lang, 'digest.scope', { domestic: c.domestic, international: c.international })})`,
    ],
  ];
  const outlets = await topOutlets(storage, filter, 5);
  if (outlets.length) {
    doc.push([`${t(lang, 'coverage.topOutlets')}: ${outlets.map((o) => `${cleanInline(o.outlet)} ${o.count}`).join(', ')}`]);
  }
  return doc;
}
