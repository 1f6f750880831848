import { canonicalUrl } from '../reader/normalize';
import { cleanInline, safeHttpUrl } from '../notify/format/clean';
import type { Doc } from '../notify/format/rich';
import type { AlertLanguage } from '../notify/i18n/language';
import { formatScore, listNames, t, topicTag } from '../notify/i18n/localize';
import type { Storage } from '../storage/index';

/**
 * /why <url>: how the classifier judged a stored article and why: the verdict with its
 * score, the topics, the reasons (matched terms), and the story's outlets. The URL is matched
 * as given and in its cleaned form (tracking parameters off), as the reader stored it.
 */
export async function whyDoc(storage: Storage, lang: AlertLanguage, url: string | undefined): Promise<Doc> {
  if (!url?.trim()) return [[t(lang, 'why.usage')]];
  const given = url.trim();
  const cleaned = canonicalUrl(given);
  const article = (await storage.articles.byUrl(given)) ?? (cleaned ? await storage.articles.byUrl(cleaned) : null);
  if (!article) return [[t(lang, 'why.notFound')]];
  const c = article.classification;
  const doc: Doc = [
    [{ text: cleanInline(article.title) || '—', bold: true, href: safeHttpUrl(article.url ?? article.canonicalUrl) }],
    [`${article.scope === 'domestic' ? '🇷🇸' : '🌍'} ${cleanInline(article.outlet)}`],
    [{ text: t(lang, c.relevant ? 'why.relevant' : 'why.notRelevant', { score: formatScore(lang, c.score) }), bold: true }],
  ];
  if (c.topics.length) doc.push([`${t(lang, 'alert.topics')}: ${c.topics.map((x) => topicTag(lang, x)).join(' ')}`]);
  // Which text the decision used (bot/reader/article); older articles have no record of it.
  if (article.decidedOn === 'title' || article.decidedOn === 'title+lead' || article.decidedOn === 'title+lead+page') {
    doc.push([t(lang, `why.decidedOn.${article.decidedOn}`)]);
  }
  if (article.pageStatus && article.pageStatus !== 'ok') doc.push([t(lang, 'why.page', { status: cleanInline(article.pageStatus) })]);
  doc.push([{ text: `${t(lang, 'why.reasons')}:`, italic: true }]);
  for (const reason of c.reasons) doc.push([`• ${cleanInline(reason)}`]);
  if (article.storyId !== null) {
    const outlets = (await storage.stories.outletsOf(article.storyId)).map(cleanInline);
    if (outlets.length > 1) doc.push([t(lang, 'why.story', { list: listNames(outlets, 8) })]);
  }
  return doc;
}
