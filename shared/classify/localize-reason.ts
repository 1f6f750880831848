/**
 * The classifier's reasons in the reader's language. `classify` writes them in English, as
 * `label: "term", "term"`, `despite label: ...` (relevant although some words pointed the
 * other way) or `although label: ...` (not relevant although some words pointed to the
 * subject). Shown as they are, "despite another country" and "uprkos druga zemlja" are not
 * sentences; here each form becomes one:
 *
 *   en      despite words about another country: "france"
 *   sr-Latn uprkos izrazima iz grupe „druga zemlja“: "france"
 *   sr-Cyrl упркос изразима из групе „друга земља“: "france"
 *
 * The quoted terms are the article's own words and stay exactly as written. Internal markers
 * (the Serbian-wording feature) say nothing to a reader and are never shown.
 */
import { uiCyrillic } from '../text/ui-cyrillic';
import { CONCEPTS } from './concepts';

/** Interface languages of alerts, the dashboard and the extension. */
export type ReasonLanguage = 'en' | 'sr-Latn' | 'sr-Cyrl';

const SR_LABEL = new Map(CONCEPTS.map((c) => [c.label, c.labelSr]));
// Reasons the bot's article stage adds (bot/reader/article/decide.ts).
const IN_PAGE = ' (in the article page)';
const IN_PAGE_SR = ' (na stranici članka)';
const PAGE_DECIDED = /^the article page decided it: on the title and feed text alone (?:the score was ([\d.]+)|it looked relevant \(([\d.]+)\))$/;

/**
 * Concepts that are features for the model, not reasons a person would accept ("Serbian
 * (ekavian) wording" only tells the model the text is in Serbian): those the lexicon marks
 * internal, and the labels older classifier versions stored in articles' reasons.
 */
const INTERNAL_LABELS = new Set([
  ...CONCEPTS.filter((c) => (c as { internal?: boolean }).internal).map((c) => c.label),
  'Serbian (ekavian) wording',
  'Serbian wording',
]);

const NOTHING_FOUND = 'no surveillance or Serbia terms found';
const NOTHING_FOUND_SR = 'nisu nađeni izrazi o nadzoru ni o Srbiji';

interface ParsedReason {
  kind: 'for' | 'despite' | 'although';
  label: string;
  terms: string;
}

function parse(reason: string): ParsedReason | null {
  const m = /^(?:(despite|although) )?(.+?): (.*)$/s.exec(reason);
  if (!m) return null;
  return { kind: (m[1] as 'despite' | 'although' | undefined) ?? 'for', label: m[2], terms: m[3] };
}

/** False for internal markers, which a reader is never shown. */
export function isShownReason(reason: string): boolean {
  const p = parse(reason);
  return !(p && INTERNAL_LABELS.has(p.label));
}

function english(p: ParsedReason): string {
  if (p.kind === 'despite') return `despite words about ${p.label}: ${p.terms}`;
  if (p.kind === 'although') return `although it has words about ${p.label}: ${p.terms}`;
  return `${p.label}: ${p.terms}`;
}

function serbian(p: ParsedReason, label: string): string {
  // The label stays in the nominative inside quotes, so no declension is needed.
  if (p.kind === 'despite') return `uprkos izrazima iz grupe „${label}“: ${p.terms}`;
  if (p.kind === 'although') return `iako sadrži izraze iz grupe „${label}“: ${p.terms}`;
  return `${label}: ${p.terms}`;
}

/**
 * One reason from `classify` in the interface language; an internal marker gives ''. Text
 * that is not a reason of the known form is returned as it is.
 */
export function localizeReason(reason: string, lang: ReasonLanguage): string {
  // Reasons the bot's article stage adds (bot/reader/article/decide.ts).
  if (reason.endsWith(IN_PAGE)) {
    const inner = localizeReason(reason.slice(0, -IN_PAGE.length), lang);
    if (inner === '') return '';
    if (lang === 'en') return `${inner}${IN_PAGE}`;
    return `${inner}${lang === 'sr-Cyrl' ? uiCyrillic(IN_PAGE_SR) : IN_PAGE_SR}`;
  }
  const decided = PAGE_DECIDED.exec(reason);
  if (decided) {
    if (lang === 'en') return reason;
    const sr = decided[1]
      ? `stranica članka je odlučila: samo po naslovu i tekstu iz feeda ocena je bila ${decided[1]}`
      : `stranica članka je odlučila: samo po naslovu i tekstu iz feeda izgledao je relevantno (${decided[2]})`;
    return lang === 'sr-Cyrl' ? uiCyrillic(sr) : sr;
  }
  if (reason === NOTHING_FOUND) {
    if (lang === 'en') return reason;
    return lang === 'sr-Cyrl' ? uiCyrillic(NOTHING_FOUND_SR) : NOTHING_FOUND_SR;
  }
  const p = parse(reason);
  if (!p) return reason;
  if (INTERNAL_LABELS.has(p.label)) return '';
  if (lang === 'en') return english(p);
  const label = SR_LABEL.get(p.label);
  if (label === undefined) return reason;
  const out = serbian(p, label);
  if (lang === 'sr-Latn') return out;
  // Only our own words change script; the article's quoted terms stay as written.
  const head = out.slice(0, out.length - p.terms.length);
  return uiCyrillic(head) + p.terms;
}

/** The reasons a reader is shown, in order, in the interface language. */
export function localizeReasons(reasons: readonly string[], lang: ReasonLanguage): string[] {
  return reasons.map((r) => localizeReason(r, lang)).filter((r) => r !== '');
}
