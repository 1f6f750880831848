import type { Classification } from '../../../shared/model/types';
import { localizeReasons } from '../../../shared/classify/localize-reason';
import { formatDateTime, formatScore, listNames, t, topicTag } from '../i18n/localize';
import type { AlertArticle, AlertLanguage, AlertMessage, Milestone } from '../types';
import { cleanInline, safeHttpUrl } from './clean';
import { meaningfulTopics, splitReasons } from './reasons';

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
  /** At most three: the topics the reasons are about (format/reasons.ts). */
  tags: string[];
  topicsLabel: string;
  whyLabel: string;
  /** The distinctive reasons (matched terms), at most two, cleaned and localised. */
  why: string[];
  /** The other reasons, for a collapsed quote (Telegram) or the /why command. */
  whyRest: string[];
  /** "2 more reasons: /why" when there are others; else null. */
  whyMore: string | null;
  score: string;
  readLabel: string;
  /** "Also reported by N outlets: ..." naming the outlets other than this article's own; else null. */
  also: string | null;
  /** For a follow-up: one line per milestone the story reached with it (usually none). */
  milestones: string[];
}

const MARK = { domestic: '🇷🇸', international: '🌍' } as const;

/** "Also reported by N outlets: ..." for the outlets other than `own`, or null when none. */
export function alsoReported(lang: AlertLanguage, outlets: readonly string[], own: string): string | null {
  const others = [...new Set(outlets.map(cleanInline))].filter((o) => o && o !== cleanInline(own));
  if (others.length === 0) return null;
  return t(lang, 'alert.also', { n: others.length, list: listNames(others, 8) });
}

/** The view of one article as an alert in `lang`. */
/** One line per milestone, with the scope mark of what it is about. */
export function milestoneLines(lang: AlertLanguage, milestones: readonly Milestone[]): string[] {
  return milestones.map((m) =>
    m.kind === 'first-international'
      ? `${MARK.international} ${t(lang, 'milestone.international', { outlet: cleanInline(m.outlet) })}`
      : `📣 ${t(lang, 'milestone.outlets', { n: m.n, list: listNames(m.outlets.map(cleanInline), 8) })}`,
  );
}

export function articleView(
  lang: AlertLanguage,
  kind: 'new' | 'follow-up',
  article: AlertArticle,
  classification: Classification,
  storyOutlets: readonly string[],
): AlertView {
  const reasons = splitReasons(classification);
  const localized = (list: string[]) => localizeReasons(list, lang).map(cleanInline).filter(Boolean);
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
    tags: meaningfulTopics(classification).map((topic) => topicTag(lang, topic)),
    topicsLabel: t(lang, 'alert.topics'),
    whyLabel: t(lang, 'alert.why'),
    why: localized(reasons.shown),
    whyRest: localized(reasons.rest),
    whyMore: reasons.rest.length ? t(lang, 'alert.whyMore', { n: reasons.rest.length }) : null,
    score: t(lang, 'alert.score', { score: formatScore(lang, classification.score) }),
    readLabel: t(lang, 'alert.read'),
    also: alsoReported(lang, storyOutlets, article.outlet),
    milestones: [],
  };
}

/**
 * The view of the alert itself. "Also reported by" names the story's other outlets, never the
 * message's own (a follow-up from RTS does not say "also reported by RTS").
 */
export function alertView(message: AlertMessage): AlertView {
  const v = articleView(message.language, message.kind, message.article, message.classification, message.story.outlets);
  if (message.kind === 'follow-up') v.milestones = milestoneLines(message.language, message.milestones ?? []);
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
