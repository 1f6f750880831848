import { fold } from '../../shared/text/fold';
import { tokenize } from '../../shared/text/tokenize';
import { stem } from '../../shared/text/stem';
import { fnv1a32 } from './normalize';

/**
 * Story signatures: a bottom-k sketch of the word-shingle hashes of an item's title and lead.
 * Words are folded and stemmed first, so the same wire text in Latin on one site and in
 * Cyrillic on another, with or without diacritics, gives the same signature.
 */
const SKETCH_SIZE = 48;
const SHINGLE = 2;
/** How much of the lead takes part: wire copies differ most in what each outlet appends. */
const LEAD_WORDS = 60;

export function storySignature(title: string, lead: string): number[] {
  const words = [...tokenize(title), ...tokenize(lead).slice(0, LEAD_WORDS)]
    .map((t) => fold(t))
    .filter((t) => t.length > 2)
    .map((t) => stem(t, 'sr'));
  const hashes = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) hashes.add(fnv1a32(words.slice(i, i + SHINGLE).join(' ')));
  if (words.length < SHINGLE) for (const w of words) hashes.add(fnv1a32(w));
  return [...hashes].sort((a, b) => a - b).slice(0, SKETCH_SIZE);
}

/**
 * Jaccard similarity estimated from two bottom-k sketches: of the k smallest hashes of the
 * union, the share that both sketches hold.
 */
export function similarity(a: number[], b: number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const k = Math.min(SKETCH_SIZE, Math.max(a.length, b.length));
  const setA = new Set(a);
  const setB = new Set(b);
  const union = [...new Set([...a, ...b])].sort((x, y) => x - y).slice(0, k);
  let both = 0;
  for (const h of union) if (setA.has(h) && setB.has(h)) both++;
  return both / union.length;
}
