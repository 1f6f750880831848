import type { Classification } from '../../../shared/model/types';
import { localizeReasons } from '../../../shared/classify/localize-reason';
import { formatDateTime, formatScore, listNames, t, topicTag } from '../i18n/localize';
import type { AlertArticle, AlertLanguage, AlertMessage } from '../types';
import { cleanInline, safeHttpUrl } from './clean';

/** An alert's content, localized and cleaned, ready for a target to lay out. */
export interface AlertView {
  language: AlertLanguage;
  kind: 'new' | 'follow-up';
  /** "Novo" / "Nastavak priče": the console's prefix, a summary's marker. */
  label: string;
  title: string;
  /** http(s) only; null when the article has no usable link. */
  url: string | null;
  outlet: string;
  scope: 'domestic' | 'international';
  scopeLabel: string;
  /** 🇷🇸 for a domestic outlet, 🌍 for an international one. */
  scopeMark: string;
  date: string;
  published: string | null;
  lead: string;
  tags: string[];
  topicsLabel: string;
  whyLabel: string;
  /** The classifier's reasons (matched terms), cleaned. */
  why: string[];
  score: string;
  readLabel: string;
  /** "Also reported by N outlets: ..." when other outlets carried the story; else null. */
  also: string | null;
}

const MARK = { domestic: '🇷🇸', international: '🌍' } as const;

/** "Also reported by N outlets: ..." for the outlets other than `own`, or null when none. */
export function alsoReported(lang: AlertLanguage, outlets: readonly string[], own: string): string | null {
  const others = [...new Set(outlets.map(cleanInline))].filter((o) => o && o !== cleanInline(own));
  if (others.length === 0) return null;
  return t(lang, 'alert.also', { n: others.length, list: listNames(others, 8) });
}

/** The view of one article as an alert in `lang`. */
export function articleView(
  lang: AlertLanguage,
  kind: 'new' | 'follow-up',
  article: AlertArticle,
  classification: Classification,
  storyOutlets: readonly string[],
): AlertView {
  return {
    language: lang,
    kind,
    label: t(lang, kind === 'new' ? 'alert.new' : 'alert.followUp'),
    title: cleanInline(article.title) || '—',
    url: safeHttpUrl(article.url),
    outlet: cleanInline(article.outlet),
    scope: article.scope,
    scopeLabel: t(lang, article.scope === 'domestic' ? 'scope.domestic' : 'scope.international'),
    scopeMark: MARK[article.scope],
    date: formatDateTime(lang, article.published),
    published: article.published,
    lead: cleanInline(article.lead),
    tags: classification.topics.map((topic) => topicTag(lang, topic)),
    topicsLabel: t(lang, 'alert.topics'),
    whyLabel: t(lang, 'alert.why'),
    why: localizeReasons(classification.reasons, lang).map(cleanInline).filter(Boolean),
    score: t(lang, 'alert.score', { score: formatScore(lang, classification.score) }),
    readLabel: t(lang, 'alert.read'),
    also: alsoReported(lang, storyOutlets, article.outlet),
  };
}

/**
 * The view of the alert itself. "Also reported by" is relative to the story's first outlet, so
 * a follow-up sent on its own says the same as the edited first message would: which outlets
 * joined the story.
 */
export function alertView(message: AlertMessage): AlertView {
  const v = articleView(message.language, message.kind, message.article, message.classification, message.story.outlets);
  if (message.kind === 'follow-up') {
    const firstOutlet = message.story.first?.article.outlet ?? message.story.outlets[0] ?? message.article.outlet;
    v.also = alsoReported(message.language, message.story.outlets, firstOutlet);
  }
  return v;
}

/**
 * The view of the story's first message as it should read now, for targets that edit it when a
 * follow-up arrives; null when there is no first message to edit.
 */
export function firstMessageView(message: AlertMessage): AlertView | null {
  const first = message.story.first;
  if (message.kind !== 'follow-up' || !message.story.firstRemoteId || !first) return null;
  return articleView(message.language, 'new', first.article, first.classification, message.story.outlets);
}
