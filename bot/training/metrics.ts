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
 * A 95% interval for F1 by the bootstrap over stories: stories are drawn with replacement
 * (copies of one report travel together, as in the split) and F1 is recomputed each time.
 * With a test of a few dozen relevant items, a handful of items moves F1 by several points; the
 * interval says how far apart two figures must be before they differ.
 */
export function bootstrapF1(
  pairs: Array<{ predicted: boolean; actual: boolean }>,
  stories: number[],
  rounds = 1000,
  seed = 1,
): { low: number; high: number } {
  const byStory = new Map<number, number[]>();
  stories.forEach((s, i) => byStory.set(s, [...(byStory.get(s) ?? []), i]));
  const groups = [...byStory.values()];
  const random = seeded(seed);
  const f1s: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const sample: Array<{ predicted: boolean; actual: boolean }> = [];
    for (let g = 0; g < groups.length; g++) for (const i of groups[Math.floor(random() * groups.length)]) sample.push(pairs[i]);
    f1s.push(score(sample).f1);
  }
  f1s.sort((a, b) => a - b);
  return { low: f1s[Math.floor(rounds * 0.025)], high: f1s[Math.ceil(rounds * 0.975) - 1] };
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
  const byStory = new Map<number, number[]>();
  stories.forEach((s, i) => byStory.set(s, [...(byStory.get(s) ?? []), i]));
  const groups = [...byStory.values()];
  const random = seeded(seed);
  const differences: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const sa: Array<{ predicted: boolean; actual: boolean }> = [];
    const sb: Array<{ predicted: boolean; actual: boolean }> = [];
    for (let g = 0; g < groups.length; g++) {
      for (const i of groups[Math.floor(random() * groups.length)]) {
        sa.push(a[i]);
        sb.push(b[i]);
      }
    }
    differences.push(score(sb).f1 - score(sa).f1);
  }
  differences.sort((x, y) => x - y);
  return {
    difference: score(b).f1 - score(a).f1,
    low: differences[Math.floor(rounds * 0.025)],
    high: differences[Math.ceil(rounds * 0.975) - 1],
    shareBetter: differences.filter((d) => d > 0).length / rounds,
  };
}
