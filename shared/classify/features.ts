import { fold } from '../text/fold';
import { tokenize } from '../text/tokenize';
import { stem, type StemLanguage } from '../text/stem';
import { quickLanguage } from '../text/quick-language';
import { normalizeLanguageCode } from '../text/language-codes';
import type { ClassifyInput } from '../model/types';
import { CONCEPTS, PAIRED_CONCEPTS } from './concepts';
import { ConceptMatcher, type ConceptMatch } from './matcher';

const matcher = new ConceptMatcher(CONCEPTS);
const PAIRED = new Set(PAIRED_CONCEPTS);

/** A concept match with the words as they stood in the original text, for reasons. */
export interface SurfaceMatch extends ConceptMatch {
  surface: string;
  inTitle: boolean;
}

export interface ExtractedFeatures {
  /** Sparse binary features: "c:face", "t:face" (in the title), "p:face&serbia", "w:kamer". */
  features: Set<string>;
  matches: SurfaceMatch[];
  /** The language hint, or the quick guess from function words and letters. */
  lang: string;
  stemLanguage: StemLanguage;
}

/*
 * Feature names are built once and reused: the same string instance keeps its hash, so
 * looking weights up stays cheap at tens of thousands of items a second.
 */
const conceptFeature = new Map(CONCEPTS.map((c) => [c.id, 'c:' + c.id]));
const titleFeature = new Map(CONCEPTS.map((c) => [c.id, 't:' + c.id]));
const pairFeature = new Map<string, string>();
for (const a of PAIRED_CONCEPTS) {
  for (const b of PAIRED_CONCEPTS) if (a < b) pairFeature.set(a + '&' + b, `p:${a}&${b}`);
}

const BOUND = 200_000;
const foldedTokens = new Map<string, string>();
const wordFeatures: Record<StemLanguage, Map<string, string>> = { sr: new Map(), en: new Map() };

/** Folded form of a token; numbers lose their thousands separators ("8.100" -> "8100"). */
function foldToken(token: string): string {
  let f = foldedTokens.get(token);
  if (f === undefined) {
    f = fold(token);
    if (/^[\d.,]+$/.test(f)) f = f.replace(/[.,]/g, '');
    // Bounded: news vocabulary is large but a monitor must not grow without limit.
    if (foldedTokens.size > BOUND) foldedTokens.clear();
    foldedTokens.set(token, f);
  }
  return f;
}

/** "w:<stem>" for a folded token, or null for tokens too short or numeric to mean much. */
function wordFeature(folded: string, lang: StemLanguage): string | null {
  if (folded.length < 3) return null;
  const cache = wordFeatures[lang];
  let f = cache.get(folded);
  if (f === undefined) {
    f = /^\d+$/.test(folded) ? '' : 'w:' + stem(folded, lang);
    if (cache.size > BOUND) cache.clear();
    cache.set(folded, f);
  }
  return f || null;
}

export function extractFeatures(input: ClassifyInput): ExtractedFeatures {
  const title = input.title ?? '';
  const body = input.text ?? '';
  const titleTokens = tokenize(title);
  const original = titleTokens.concat('\u0000', tokenize(body));
  const folded = original.map(foldToken);
  const titleEnd = titleTokens.length;
  const lang = input.lang ? normalizeLanguageCode(input.lang) : quickLanguage(`${title} ${body}`, folded);
  // Only Serbian and English have stemmers here; the Serbian one suits the neighbours best.
  const stemLanguage: StemLanguage = lang === 'en' ? 'en' : 'sr';

  const features = new Set<string>();
  const matches: SurfaceMatch[] = [];
  const present: string[] = [];
  const perConcept = new Map<string, number>();
  matcher.each(folded, (concept, start, end) => {
    const inTitle = end <= titleEnd;
    const seen = perConcept.get(concept) ?? 0;
    perConcept.set(concept, seen + 1);
    if (seen === 0) {
      features.add(conceptFeature.get(concept)!);
      if (PAIRED.has(concept)) present.push(concept);
    }
    if (inTitle) features.add(titleFeature.get(concept)!);
    // Reasons show a few occurrences of each concept; more would only cost time.
    if (seen < 3) matches.push({ concept, start, end, surface: original.slice(start, end).join(' '), inTitle });
  });
  present.sort();
  for (let i = 0; i < present.length; i++) {
    for (let j = i + 1; j < present.length; j++) features.add(pairFeature.get(present[i] + '&' + present[j])!);
  }
  for (const f of folded) {
    const w = wordFeature(f, stemLanguage);
    if (w) features.add(w);
  }
  return { features, matches, lang, stemLanguage };
}
