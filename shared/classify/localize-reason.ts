import { latinToCyrillic } from '../text/transliterate';
import { CONCEPTS } from './concepts';

/** Interface languages of alerts, the dashboard and the extension. */
export type ReasonLanguage = 'en' | 'sr-Latn' | 'sr-Cyrl';

const SR_LABEL = new Map(CONCEPTS.map((c) => [c.label, c.labelSr]));
const PREFIXES: Record<string, string> = { despite: 'uprkos', although: 'iako' };
const NOTHING_FOUND = 'no surveillance or Serbia terms found';
const IN_PAGE = ' (in the article page)';
const IN_PAGE_SR = ' (na stranici članka)';
const PAGE_DECIDED = /^the article page decided it: on the title and feed text alone (?:the score was ([\d.]+)|it looked relevant \(([\d.]+)\))$/;

/**
 * A reason from `classify` (always English: "face recognition: \"prepoznavanje lica\"",
 * "despite identity documents: ...") in the interface language. The quoted terms are the
 * article's own words and stay as they were written.
 */
export function localizeReason(reason: string, lang: ReasonLanguage): string {
  if (lang === 'en') return reason;
  // Reasons the bot's article stage adds (bot/reader/article/decide.ts).
  if (reason.endsWith(IN_PAGE)) {
    const inner = localizeReason(reason.slice(0, -IN_PAGE.length), lang);
    return `${inner}${lang === 'sr-Cyrl' ? latinToCyrillic(IN_PAGE_SR) : IN_PAGE_SR}`;
  }
  const decided = PAGE_DECIDED.exec(reason);
  if (decided) {
    const sr = decided[1]
      ? `stranica članka je odlučila: samo po naslovu i tekstu iz feeda ocena je bila ${decided[1]}`
      : `stranica članka je odlučila: samo po naslovu i tekstu iz feeda izgledao je relevantno (${decided[2]})`;
    return lang === 'sr-Cyrl' ? latinToCyrillic(sr) : sr;
  }
  let out = reason;
  if (reason === NOTHING_FOUND) {
    out = 'nisu nađeni izrazi o nadzoru ni o Srbiji';
  } else {
    const m = /^(?:(despite|although) )?(.+?): (.*)$/s.exec(reason);
    const label = m ? SR_LABEL.get(m[2]) : undefined;
    if (!m || !label) return reason;
    const prefix = m[1] ? `${PREFIXES[m[1]]} ` : '';
    if (lang === 'sr-Cyrl') return `${latinToCyrillic(prefix + label)}: ${m[3]}`;
    return `${prefix}${label}: ${m[3]}`;
  }
  return lang === 'sr-Cyrl' ? latinToCyrillic(out) : out;
}
