import { describe, expect, it } from 'vitest';
import { bootstrapF1, pairedBootstrapF1, score } from './metrics';

describe('score', () => {
  it('counts precision, recall and F1', () => {
    const s = score([
      { predicted: true, actual: true },
      { predicted: true, actual: false },
      { predicted: false, actual: true },
      { predicted: false, actual: false },
    ]);
    expect(s).toMatchObject({ tp: 1, fp: 1, fn: 1, tn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
  });
});

describe('bootstrapF1', () => {
  const perfect = Array.from({ length: 40 }, (_, i) => ({ predicted: i % 2 === 0, actual: i % 2 === 0 }));

  it('gives a point interval when every draw scores the same', () => {
    expect(bootstrapF1(perfect, perfect.map((_, i) => i))).toEqual({ low: 1, high: 1 });
  });

  it('brackets the F1 of the whole sample, and is the same on every run', () => {
    const pairs = Array.from({ length: 200 }, (_, i) => ({ predicted: i % 3 !== 0, actual: i % 4 !== 0 }));
    const stories = pairs.map((_, i) => Math.floor(i / 2));
    const interval = bootstrapF1(pairs, stories);
    const f1 = score(pairs).f1;
    expect(interval.low).toBeLessThan(f1);
    expect(interval.high).toBeGreaterThan(f1);
    expect(bootstrapF1(pairs, stories)).toEqual(interval);
  });

  it('keeps a story whole: one story of all errors makes every draw all or nothing of it', () => {
    // Two stories: one of 10 right, one of 10 wrong. Drawn by item the F1 would vary smoothly;
    // drawn by story each draw has 0, 1 or 2 copies of the wrong one.
    const pairs = [
      ...Array.from({ length: 10 }, () => ({ predicted: true, actual: true })),
      ...Array.from({ length: 10 }, () => ({ predicted: false, actual: true })),
    ];
    const stories = pairs.map((_, i) => (i < 10 ? 0 : 1));
    const { low, high } = bootstrapF1(pairs, stories);
    expect([0, 2 / 3, 1]).toContain(low);
    expect([0, 2 / 3, 1]).toContain(high);
  });
});

describe('pairedBootstrapF1', () => {
  it('is zero with a point interval for identical models, and positive when B fixes A’s misses', () => {
    const truth = Array.from({ length: 60 }, (_, i) => i % 3 === 0);
    const a = truth.map((actual, i) => ({ predicted: actual && i % 2 === 0, actual }));
    const b = truth.map((actual) => ({ predicted: actual, actual }));
    const stories = truth.map((_, i) => i);
    expect(pairedBootstrapF1(a, a, stories)).toEqual({ difference: 0, low: 0, high: 0, shareBetter: 0 });
    const d = pairedBootstrapF1(a, b, stories);
    expect(d.difference).toBeGreaterThan(0);
    expect(d.low).toBeGreaterThan(0);
    expect(d.shareBetter).toBe(1);
  });
});
