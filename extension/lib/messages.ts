/**
 * Messages between the content script, the background and the popup. Everything that arrives
 * through runtime messaging is checked here before use: a web page cannot send to the
 * extension (no externally_connectable), but a compromised renderer or a bug must still not
 * make the background fetch arbitrary URLs or the popup show unchecked data.
 */
import { TOPICS, type Classification, type Topic } from '../../shared/model/types';
import type { Localized } from '../../shared/context/types';
import type { RelatedArticle } from './api-client';

/** Content script -> background: the verdict for the page, for the toolbar badge. */
export interface VerdictMessage {
  type: 'verdict';
  relevant: boolean;
  score: number;
}

/** Content script -> background: related coverage for these topics and title terms. */
export interface RelatedRequest {
  type: 'related';
  topics: Topic[];
  terms: string[];
  lang: 'sr' | 'en';
}

/**
 * Content script -> background: classify this article (features/background-classify.ts). It
 * stays inside the browser; the background runs the same classifier off the page's main thread.
 */
export interface ClassifyRequest {
  type: 'classify';
  title: string;
  /**
   * The article's text from the top: the classifier reads its first CLASSIFIED_TEXT (5,000)
   * characters, the glossary terms are looked for in all of it (lib/extract-article.ts's
   * MAX_TEXT, 8,000).
   */
  text: string;
  lang?: string;
}

/** Bounds of a classify request: the content script sends at most MAX_TEXT (8,000) characters. */
export const MAX_CLASSIFY_TITLE = 1_000;
export const MAX_CLASSIFY_TEXT = 10_000;
/** Characters of the request's text the classifier reads (the rest is searched for glossary terms only). */
export const CLASSIFIED_TEXT = 5_000;

/**
 * A glossary term found in the article, as the content script needs it: its name and
 * definition (for the popover and the panel) and the forms it is written in in this article
 * (for instance "Povereniku", "Повереник"; whitespace as single spaces), so the content script
 * underlines it by looking for these exact words, with no glossary, folding or matcher of its own.
 */
export interface PageTerm {
  id: string;
  term: Localized;
  definition: Localized;
  forms: string[];
}
/** At most this many forms of one term are sent. */
export const MAX_TERM_FORMS = 8;
/** At most this many terms are highlighted on a page (one span each). */
export const MAX_PAGE_TERMS = 40;

/**
 * Content script -> background: what the opened panel shows for these topics
 * (features/background-panel-content.ts); sent when the reader first opens the panel.
 */
export interface PanelContentRequest {
  type: 'panel-content';
  topics: Topic[];
}

export type BackgroundMessage = VerdictMessage | RelatedRequest | ClassifyRequest | PanelContentRequest;

/**
 * The background's answer to a classify request: the classification, and the title's subject
 * words for a related-coverage request (lib/title-terms.ts needs the classifier's lexicon,
 * which stays out of the content script).
 */
export type ClassifyAnswer = Classification & {
  titleTerms: string[];
  /**
   * The glossary terms in the request's text, in order of first appearance (at most
   * MAX_PAGE_TERMS): the glossary and its matcher stay in the background, and the content
   * script underlines only these.
   */
  glossary: PageTerm[];
};

/** Popup -> content script: what did you decide about this page? */
export interface GetVerdictMessage {
  type: 'get-verdict';
}

export type ContentMessage = GetVerdictMessage;

/** Content script -> popup: the page's verdict. */
export interface VerdictReport {
  relevant: boolean;
  score: number;
  topics: Topic[];
  reasons: string[];
  /** The panel's language on this page. */
  uiLang: 'en' | 'sr-Latn' | 'sr-Cyrl';
}

export type RelatedResponse = { ok: true; articles: RelatedArticle[] } | { ok: false; error: string };

const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 48;
/** Title terms are words: letters, digits, spaces and hyphens only. */
// Made on first use: a Unicode-property pattern costs about a millisecond to create, and the
// content script's top level runs on every news page.
let termPattern: RegExp | undefined;
const TERM = (): RegExp => (termPattern ??= /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} -]*$/u);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScore = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

/** The topics of `v` if it is an array of known topics (duplicates dropped), else null. */
export function parseTopics(v: unknown): Topic[] | null {
  if (!Array.isArray(v) || v.length > TOPICS.length) return null;
  if (!v.every((t) => typeof t === 'string' && (TOPICS as readonly string[]).includes(t))) return null;
  return [...new Set(v as Topic[])];
}

/** Title terms if `v` is a short array of short words, else null. */
export function parseTerms(v: unknown): string[] | null {
  if (!Array.isArray(v) || v.length > MAX_TERMS) return null;
  if (!v.every((t) => typeof t === 'string' && t.length > 0 && t.length <= MAX_TERM_LENGTH && TERM().test(t))) return null;
  return v as string[];
}

/** A message for the background, or null if it is not exactly one of the known shapes. */
export function parseBackgroundMessage(raw: unknown): BackgroundMessage | null {
  if (!isRecord(raw)) return null;
  if (raw.type === 'verdict') {
    if (typeof raw.relevant !== 'boolean' || !isScore(raw.score)) return null;
    return { type: 'verdict', relevant: raw.relevant, score: raw.score };
  }
  if (raw.type === 'classify') {
    if (typeof raw.title !== 'string' || raw.title.length > MAX_CLASSIFY_TITLE) return null;
    if (typeof raw.text !== 'string' || raw.text.length > MAX_CLASSIFY_TEXT) return null;
    if (raw.lang !== undefined && (typeof raw.lang !== 'string' || !/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(raw.lang))) return null;
    return raw.lang === undefined ? { type: 'classify', title: raw.title, text: raw.text } : { type: 'classify', title: raw.title, text: raw.text, lang: raw.lang };
  }
  if (raw.type === 'panel-content') {
    const topics = parseTopics(raw.topics);
    return topics ? { type: 'panel-content', topics } : null;
  }
  if (raw.type === 'related') {
    const topics = parseTopics(raw.topics);
    const terms = parseTerms(raw.terms);
    if (!topics || !terms || (raw.lang !== 'sr' && raw.lang !== 'en')) return null;
    return { type: 'related', topics, terms, lang: raw.lang };
  }
  return null;
}

/** A message for the content script, or null. */
export function parseContentMessage(raw: unknown): ContentMessage | null {
  return isRecord(raw) && raw.type === 'get-verdict' ? { type: 'get-verdict' } : null;
}

/** A verdict report from a content script, or null. */
export function parseVerdictReport(raw: unknown): VerdictReport | null {
  if (!isRecord(raw) || typeof raw.relevant !== 'boolean' || !isScore(raw.score)) return null;
  const topics = parseTopics(raw.topics);
  if (!topics) return null;
  if (!Array.isArray(raw.reasons) || raw.reasons.length > 12) return null;
  if (!raw.reasons.every((r) => typeof r === 'string' && r.length <= 300)) return null;
  if (raw.uiLang !== 'en' && raw.uiLang !== 'sr-Latn' && raw.uiLang !== 'sr-Cyrl') return null;
  return { relevant: raw.relevant, score: raw.score, topics, reasons: raw.reasons as string[], uiLang: raw.uiLang };
}

/** The background's classification, or null when it is not one. */
export function parseClassification(raw: unknown): ClassifyAnswer | null {
  if (!isRecord(raw) || typeof raw.relevant !== 'boolean' || !isScore(raw.score)) return null;
  const topics = parseTopics(raw.topics);
  if (!topics || !Array.isArray(raw.reasons) || raw.reasons.length > 12) return null;
  if (!raw.reasons.every((r) => typeof r === 'string' && r.length <= 300)) return null;
  if (typeof raw.lang !== 'string' || raw.lang.length > 12) return null;
  if (raw.script !== null && raw.script !== 'Latn' && raw.script !== 'Cyrl') return null;
  const titleTerms = raw.titleTerms === undefined ? [] : parseTerms(raw.titleTerms);
  if (!titleTerms) return null;
  const glossary = raw.glossary === undefined ? [] : parsePageTerms(raw.glossary);
  if (!glossary) return null;
  return { relevant: raw.relevant, score: raw.score, topics, reasons: raw.reasons as string[], lang: raw.lang, script: raw.script, titleTerms, glossary };
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isLocalized = (v: unknown): boolean => isRecord(v) && isText(v.en, 2_000) && isText(v.sr, 2_000);

/** Glossary terms from the background, or null when they do not have the expected shape. */
export function parsePageTerms(v: unknown): PageTerm[] | null {
  if (!Array.isArray(v) || v.length > MAX_PAGE_TERMS) return null;
  const out: PageTerm[] = [];
  for (const t of v) {
    if (!isRecord(t) || !isText(t.id, 64) || !isLocalized(t.term) || !isLocalized(t.definition)) return null;
    if (!Array.isArray(t.forms) || t.forms.length === 0 || t.forms.length > MAX_TERM_FORMS) return null;
    if (!t.forms.every((f) => isText(f, 100) && f.trim().length > 0)) return null;
    out.push(t as unknown as PageTerm);
  }
  return out;
}

/** Minimal view of runtime.MessageSender, so this module needs no browser types. */
export interface SenderLike {
  id?: string;
  tab?: { id?: number };
  url?: string;
}

/** Is the message from this extension's own content script (a tab) or page (no tab)? */
export function isOwnSender(sender: SenderLike, runtimeId: string, from: 'content-script' | 'extension-page'): boolean {
  if (sender.id !== runtimeId) return false;
  return from === 'content-script' ? typeof sender.tab?.id === 'number' : sender.tab === undefined;
}
