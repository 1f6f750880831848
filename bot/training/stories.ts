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
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (jaccard(sketches[i], sketches[j]) >= SAME_STORY_FOR_SPLIT) union(i, j);
    }
  }
  return items.map((_, i) => find(i));
}

/** Jaccard similarity of two sketches taken as sets (cheap and strict enough for grouping). */
function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  for (const h of a) if (b.has(h)) both++;
  return both / (a.size + b.size - both);
}
