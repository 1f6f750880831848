import { storySignature } from '../reader/story-signature';
import { fold } from '../../shared/text/fold';

/** Stricter sharing than the monitor's story rule: for a split, grouping too much is the safe side. */
const SAME_STORY_FOR_SPLIT = 0.3;

/**
 * Groups labelled items into stories: copies of one report (same folded title, or word
 * shingles at least 30% alike, in either script) share a group, transitively. Returns one group
 * number per item. Used so that copies of one report never sit on both sides of a split or a
 * cross-validation fold, which would let a model be tested on text it was trained on.
 */
export function storyGroups(items: Array<{ title: string; text: string }>): number[] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byTitle = new Map<string, number>();
  const sketches = items.map((item, i) => {
    const key = fold(item.title).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const seen = byTitle.get(key);
    if (key.length > 10 && seen !== undefined) union(seen, i);
    else byTitle.set(key, i);
    return new Set(storySignature(item.title, item.text));
  });
  // Jaccard similarity of the sketches taken as sets, for the pairs that share a hash at all
  // (the others score 0): an index from hash to items finds them without comparing every pair,
  // which training does once per cross-validation fold.
  const itemsWith = new Map<number, number[]>();
  sketches.forEach((sketch, i) => {
    for (const h of sketch) {
      const list = itemsWith.get(h);
      if (list === undefined) itemsWith.set(h, [i]);
      else list.push(i);
    }
  });
  const shared = new Map<number, number>();
  for (let i = 0; i < items.length; i++) {
    shared.clear();
    for (const h of sketches[i]) for (const j of itemsWith.get(h)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, both] of shared) {
      if (both / (sketches[i].size + sketches[j].size - both) >= SAME_STORY_FOR_SPLIT) union(i, j);
    }
  }
  return items.map((_, i) => find(i));
}
