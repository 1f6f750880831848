import { fnv1a32 } from '../reader/normalize';
import { seeded } from './seeded';

/** The concepts a feature name speaks of: "c:face" and "t:face" one, "p:face&law" two, others none. */
export function conceptsOfFeature(feature: string): string[] {
  const kind = feature.slice(0, 2);
  if (kind === 'c:' || kind === 't:') return [feature.slice(2)];
  if (kind === 'p:') return feature.slice(2).split('&');
  return [];
}

/**
 * The features of an item as if the lexicon lacked some of the concepts it matched: each
 * matched concept is dropped, with all its features (concept, title and pair), with
 * probability `share`. Words and context stay.
 *
 * Why: the lexicon was written while reading the training items, so on them it finds more
 * concepts than on news nobody read. A model trained only on full matches learns to wait for
 * many hits and under-scores a relevant item whose wording the lexicon lacks (the frozen test
 * showed exactly that: recall well below precision). Training copies with concepts missing
 * teach it to decide on what remains.
 */
export function withLexiconGaps(features: Set<string>, share: number, random: () => number): Set<string> {
  const concepts = new Set<string>();
  for (const f of features) for (const c of conceptsOfFeature(f)) concepts.add(c);
  // Sorted, so the draws do not depend on the order the features were found in.
  const dropped = new Set([...concepts].sort().filter(() => random() < share));
  if (dropped.size === 0) return features;
  return new Set([...features].filter((f) => !conceptsOfFeature(f).some((c) => dropped.has(c))));
}

/** A generator seeded by an item's id, so the copies are the same on every run. */
export const gapRandom = (id: string): (() => number) => seeded(fnv1a32(id, 7));
