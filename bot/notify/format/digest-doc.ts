import { formatDay, listNames, t, topicLabel } from '../i18n/localize';
import type { DigestMessage } from '../types';
import { cleanInline, safeHttpUrl } from './clean';
import type { Doc } from './rich';

/** "+12 (+40%)", "-3 (-10%)", "0", or "+5" when the previous period had none. */
export function changeText(now: number, before: number): string {
  const delta = now - before;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  if (before === 0) return `${sign}${Math.abs(delta)}`;
  const pct = Math.round((Math.abs(delta) / before) * 100);
  return `${sign}${Math.abs(delta)} (${sign}${pct}%)`;
}

/**
 * A digest as a document: the period, the counts (articles, distinct stories, domestic vs
 * international) with the change from the period before, the topics, then the top stories
 * with their outlets and links.
 */
export function digestDoc(message: DigestMessage, timeZone = 'Europe/Belgrade'): Doc {
  const lang = message.language;
  const d = message.digest;
  const heading = `${t(lang, d.period === 'daily' ? 'digest.daily' : 'digest.weekly')}: ${formatDay(lang, d.start, timeZone)} – ${formatDay(lang, d.end, timeZone)}`;
  const doc: Doc = [[{ text: `Nadzor Watch · ${heading}`, bold: true }]];
  if (d.articles === 0) {
    doc.push([t(lang, 'digest.none')]);
  } else {
    doc.push([
      { text: `${t(lang, 'digest.articles', { n: d.articles })}, ${t(lang, 'digest.stories', { n: d.stories })}`, bold: true },
      ` (${t(lang, 'digest.scope', { domestic: d.domestic, international: d.international })})`,
    ]);
  }
  doc.push([
    t(lang, 'digest.change', {
      articles: t(lang, 'digest.articles', { n: d.previous.articles }),
      stories: t(lang, 'digest.stories', { n: d.previous.stories }),
      delta: changeText(d.articles, d.previous.articles),
    }),
  ]);
  if (d.topics.length) {
    doc.push([`${t(lang, 'alert.topics')}: ${d.topics.map((x) => `${topicLabel(lang, x.topic)} ${x.count}`).join(', ')}`]);
  }
  if (d.topStories.length) {
    doc.push([], [{ text: t(lang, 'digest.top'), bold: true }]);
    d.topStories.forEach((s, i) => {
      const outlets = s.outlets.map(cleanInline).filter(Boolean);
      doc.push([
        `${i + 1}. `,
        { text: cleanInline(s.title) || '—', href: safeHttpUrl(s.url) },
        ` — ${t(lang, 'digest.outlets', { n: outlets.length })}: ${listNames(outlets, 4)}`,
      ]);
    });
  }
  return doc;
}
