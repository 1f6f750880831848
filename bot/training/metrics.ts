import { seeded } from './seeded';

/** Precision, recall and F1 of binary predictions against binary truth. */
export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function score(pairs: Array<{ predicted: boolean; actual: boolean }>): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { predicted, actual } of pairs) {
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1 };
}

/**
 * Bootstrap draws over stories: each draw picks as many stories as there are, with replacement,
 * and yields the indices of their items (copies of one report travel together, as in the split).
 * Seeded, so an interval is the same on every run.
 */
function* storyDraws(stories: number[], rounds: number, seed: number): Generator<number[]> {
  const byStory = new Map<number, number[]>();
  stories.forEach((s, i) => byStory.set(s, [...(byStory.get(s) ?? []), i]));
  const groups = [...byStory.values()];
  const random = seeded(seed);
  for (let r = 0; r < rounds; r++) {
    const draw: number[] = [];
    for (let g = 0; g < groups.length; g++) draw.push(...groups[Math.floor(random() * groups.length)]);
    yield draw;
  }
}

/** The 2.5th and 97.5th percentiles of some values. */
function interval95(values: number[]): { low: number; high: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { low: sorted[Math.floor(sorted.length * 0.025)], high: sorted[Math.ceil(sorted.length * 0.975) - 1] };
}

/**
 * A 95% interval for F1 by the bootstrap over stories. With a test of a few dozen relevant
 * items, a handful of items moves F1 by several points; the interval says how much.
 */
export function bootstrapF1(
  pairs: Array<{ predicted: boolean; actual: boolean }>,
  stories: number[],
  rounds = 1000,
  seed = 1,
): { low: number; high: number } {
  const f1s: number[] = [];
  for (const draw of storyDraws(stories, rounds, seed)) f1s.push(score(draw.map((i) => pairs[i])).f1);
  return interval95(f1s);
}

/**
 * How much better model B is than model A on the same items: the F1 difference (B - A) over
 * the same story draws for both, with its 95% interval and the share of draws in which B wins.
 * Paired draws cancel the luck of the sample that two separate intervals both carry.
 */
export function pairedBootstrapF1(
  a: Array<{ predicted: boolean; actual: boolean }>,
  b: Array<{ predicted: boolean; actual: boolean }>,
  stories: number[],
  rounds = 1000,
  seed = 1,
): { difference: number; low: number; high: number; shareBetter: number } {
  const differences: number[] = [];
  for (const draw of storyDraws(stories, rounds, seed)) {
    differences.push(score(draw.map((i) => b[i])).f1 - score(draw.map((i) => a[i])).f1);
  }
  return {
    difference: score(b).f1 - score(a).f1,
    ...interval95(differences),
    shareBetter: differences.filter((d) => d > 0).length / rounds,
  };
}
