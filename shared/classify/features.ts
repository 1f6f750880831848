import { fold } from '../text/fold';
import { tokenize } from '../text/tokenize';
import { stem, type StemLanguage } from '../text/stem';
import { countLetters, scriptOfCounts, type Script } from '../text/script';
import {
  addFunctionWordHits, functionWordLanguages, letterCuesOf, newFunctionWordHits, quickLanguageFrom,
} from '../text/quick-language';
import { normalizeLanguageCode } from '../text/language-codes';
import type { ClassifyInput } from '../model/types';
import { CONCEPTS, PAIRED_CONCEPTS } from './concepts';
import { contextFeatures } from './context-features';

import { ConceptMatcher, type CompiledTerm, type ConceptMatch } from './matcher';

const matcher = new ConceptMatcher(CONCEPTS);

/** "c:<id>" and "t:<id>" feature names of a concept. */
export const conceptFeatureName = (id: string): string | undefined => conceptFeature.get(id);
export const titleFeatureName = (id: string): string | undefined => titleFeature.get(id);

/** A concept match with the words as they stood in the original text, for reasons. */
export interface SurfaceMatch extends ConceptMatch {
  surface: string;
  inTitle: boolean;
}

export interface ExtractedFeatures {
  /**
   * Concept and context features, binary: "c:face", "t:face" (in the title), "p:face&law",
   * "x:scope-domestic", "x:tld-rs", "x:lang-sr".
   */
  features: Set<string>;
  /** The distinct word features ("w:<stem>") of the item, each once. */
  words: WordFeature[];
  matches: SurfaceMatch[];
  /** The language hint, or the quick guess from function words and letters. */
  lang: string;
  script: Script | null;
}

/*
 * Feature names are built once and reused: the same string instance keeps its hash, so
 * looking weights up stays cheap at tens of thousands of items a second.
 */
const conceptFeature = new Map(CONCEPTS.map((c) => [c.id, 'c:' + c.id]));
const titleFeature = new Map(CONCEPTS.map((c) => [c.id, 't:' + c.id]));
/** Paired concepts by position in alphabetical order; pair names in a flat n*n table. */
const PAIRED_SORTED = [...PAIRED_CONCEPTS].sort();
const pairedIndex = new Map(PAIRED_SORTED.map((c, i) => [c, i]));
const PAIR_NAMES: string[] = [];
for (let i = 0; i < PAIRED_SORTED.length; i++) {
  for (let j = 0; j < PAIRED_SORTED.length; j++) PAIR_NAMES.push(`p:${PAIRED_SORTED[i]}&${PAIRED_SORTED[j]}`);
}

/** The feature name of the pair (a, b) of paired concepts, in either order, or undefined. */
export function pairFeatureName(a: string, b: string): string | undefined {
  const i = pairedIndex.get(a);
  const j = pairedIndex.get(b);
  if (i === undefined || j === undefined || i === j) return undefined;
  return PAIR_NAMES[Math.min(i, j) * PAIRED_SORTED.length + Math.max(i, j)];
}

/** Everything the classifier needs to know about one word, computed once per distinct word. */
export interface WordInfo {
  /** The word as written (case and script kept), for reasons. */
  token: string;
  /** Folded form; numbers lose their thousands separators ("8.100" -> "8100"). */
  folded: string;
  /** The concept terms whose first word this word matches. */
  starts: readonly CompiledTerm[];
  /** The languages whose function word it is (quick language guess). */
  langs: readonly number[] | undefined;
  /** Its Cyrillic and Latin letters (the item's script is counted word by word). */
  cyrillic: number;
  latin: number;
  /** The alphabet cues of its letters (quick-language.ts). */
  cues: number;
  /** Its word feature per stemmer, found on first use; null for words too short or numeric. */
  sr?: WordFeature | null;
  en?: WordFeature | null;
}

/**
 * One word feature ("w:<stem>"), shared by every word with that stem, so an item counts it
 * once however many inflected forms it uses, and its weight is cached on it per model.
 */
export interface WordFeature {
  name: string;
  /** Marks the extraction that last counted this feature. */
  stamp: number;
  cachedFor?: object;
  cachedWeight?: number;
}

const BOUND = 200_000;
let extraction = 0;

function wordInfo(token: string): WordInfo {
  let folded = fold(token);
  if (/^[\d.,]+$/.test(folded)) folded = folded.replace(/[.,]/g, '');
  return {
    token, folded, starts: matcher.startingWith(folded), langs: functionWordLanguages(folded),
    ...countLetters(token), cues: letterCuesOf(token),
  };
}

const words = new Map<string, WordInfo>();

function infoOf(token: string): WordInfo {
  let info = words.get(token);
  if (info === undefined) {
    info = wordInfo(token);
    // Bounded: news vocabulary is large but a monitor must not grow without limit.
    if (words.size > BOUND) words.clear();
    words.set(token, info);
  }
  return info;
}

/** A placeholder between title and text, so no term matches across the two. */
const SEPARATOR: WordInfo = {
  token: '\u0000', folded: '\u0000', starts: [], langs: undefined, cyrillic: 0, latin: 0, cues: 0, sr: null, en: null,
};

const wordFeatures = new Map<string, WordFeature>();

/** Scratch space of extractFeatures, reused from item to item (it runs to completion each time). */
const functionWordHits = newFunctionWordHits();
/** Matches so far per concept (by the matcher's concept index) in the current item. */
const seenPerConcept = new Int32Array(CONCEPTS.length);
const CONCEPT_FEATURE = CONCEPTS.map((c) => conceptFeature.get(c.id)!);
const TITLE_FEATURE = CONCEPTS.map((c) => titleFeature.get(c.id)!);
const PAIRED_POSITION = CONCEPTS.map((c) => pairedIndex.get(c.id) ?? -1);

/** The word feature of a word for a stemmer, or null for words too short or numeric to mean much. */
function wordFeatureOf(info: WordInfo, lang: StemLanguage): WordFeature | null {
  let f = info[lang];
  if (f === undefined) {
    if (info.folded.length < 3 || /^\d+$/.test(info.folded)) {
      f = null;
    } else {
      const name = 'w:' + stem(info.folded, lang);
      f = wordFeatures.get(name);
      if (!f) {
        if (wordFeatures.size > BOUND) wordFeatures.clear();
        wordFeatures.set(name, (f = { name, stamp: 0 }));
      }
    }
    info[lang] = f;
  }
  return f;
}

export function extractFeatures(input: ClassifyInput): ExtractedFeatures {
  const title = input.title ?? '';
  const body = input.text ?? '';
  // One pass over the words: everything per word comes from its cached WordInfo.
  const titleTokens = tokenize(title);
  const bodyTokens = tokenize(body);
  const titleEnd = titleTokens.length;
  const infos = new Array<WordInfo>(titleEnd + 1 + bodyTokens.length);
  for (let i = 0; i < titleEnd; i++) infos[i] = infoOf(titleTokens[i]);
  infos[titleEnd] = SEPARATOR;
  for (let i = 0; i < bodyTokens.length; i++) infos[titleEnd + 1 + i] = infoOf(bodyTokens[i]);
  const hits = functionWordHits.fill(0);
  let cyrillic = 0;
  let latin = 0;
  let cues = 0;
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i];
    addFunctionWordHits(hits, info.langs);
    cyrillic += info.cyrillic;
    latin += info.latin;
    cues |= info.cues;
  }
  // Every letter is inside a word, so this is detectScript(title, body).
  const script = scriptOfCounts(cyrillic, latin);
  const hint = input.lang ? normalizeLanguageCode(input.lang) : undefined;
  // The language the model sees comes from folded function words alone, so that a Serbian item
  // in Cyrillic, in Latin and without diacritics is scored exactly alike.
  const modelLang = hint ?? quickLanguageFrom(null, 0, hits);
  // Reported language: letters help too (ђ, ћ, ć, đ say Serbo-Croatian at once). For Latin text
  // whose function words already decided, the letters would change nothing.
  const lang = hint ?? (script !== 'Cyrl' && modelLang !== 'und' ? modelLang : quickLanguageFrom(script, cues, hits));
  // Only Serbian and English have stemmers here; the Serbian one suits the neighbours best.
  const stemLanguage: StemLanguage = modelLang === 'en' ? 'en' : 'sr';

  const features = new Set<string>();
  const matches: SurfaceMatch[] = [];
  const present: number[] = [];
  const touched: number[] = [];
  // try/finally: the shared counts must be back at zero for the next item whatever happens.
  try {
    matcher.each(
      infos,
      (concept, start, end, index) => {
        const inTitle = end <= titleEnd;
        const seen = seenPerConcept[index]++;
        if (seen === 0) {
          touched.push(index);
          features.add(CONCEPT_FEATURE[index]);
          const p = PAIRED_POSITION[index];
          if (p >= 0) present.push(p);
        }
        if (inTitle) features.add(TITLE_FEATURE[index]);
        // Reasons show a few occurrences of each concept; more would only cost time.
        if (seen < 3) {
          let surface = infos[start].token;
          for (let k = start + 1; k < end; k++) surface += ' ' + infos[k].token;
          matches.push({ concept, start, end, surface, inTitle });
        }
      },
    );
  } finally {
    for (const index of touched) seenPerConcept[index] = 0;
  }
  present.sort((a, b) => a - b);
  const pairs = PAIRED_SORTED.length;
  for (let i = 0; i < present.length; i++) {
    for (let j = i + 1; j < present.length; j++) features.add(PAIR_NAMES[present[i] * pairs + present[j]]);
  }
  for (const f of contextFeatures(input, modelLang, placeConceptsOf)) features.add(f);
  const stamp = ++extraction;
  const words: WordFeature[] = [];
  for (const info of infos) {
    const f = wordFeatureOf(info, stemLanguage);
    if (f === null || f.stamp === stamp) continue;
    f.stamp = stamp;
    words.push(f);
  }
  return { features, words, matches, lang, script };
}

const PLACE_CONCEPTS = new Set(CONCEPTS.filter((c) => c.head === 'place').map((c) => c.id));

/** The place concepts among some folded words (a URL's slug). */
function placeConceptsOf(folded: string[]): Set<string> {
  const found = new Set<string>();
  const words = folded.map((w) => ({ folded: w, starts: matcher.startingWith(w) }));
  matcher.each(words, (concept) => {
    if (PLACE_CONCEPTS.has(concept)) found.add(concept);
  });
  return found;
}

/**
 * Which head of the model a feature informs (see model.ts): place concepts and context
 * ("x:") the place head, the other concepts and their pairs the topic head, words both. A pair
 * of a place concept with a topic concept informs neither: the product of the heads already
 * says "both".
 */
export function headsOf(feature: string): { topic: boolean; place: boolean } {
  const kind = feature.slice(0, 2);
  if (kind === 'w:') return { topic: true, place: true };
  if (kind === 'x:') return { topic: false, place: true };
  if (kind === 'p:') {
    const [a, b] = feature.slice(2).split('&');
    const pa = PLACE_CONCEPTS.has(a);
    const pb = PLACE_CONCEPTS.has(b);
    return { topic: !pa && !pb, place: pa && pb };
  }
  const place = PLACE_CONCEPTS.has(feature.slice(2));
  return { topic: !place, place };
}

/** Every feature name of an extraction, words included (training wants them as one set). */
export function allFeatures(x: ExtractedFeatures): Set<string> {
  const out = new Set(x.features);
  for (const w of x.words) out.add(w.name);
  return out;
}
