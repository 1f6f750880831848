import { describe, expect, it } from 'vitest';
import { trainModel, type TrainingExample } from './train';

describe('trainModel: minWordCount counts stories, not examples', () => {
  // Each item gives several examples (context, headline, gap copies): a stem of one story must not
  // pass the threshold by repeating itself across those copies.
  const examples = (word: string, stories: number[], label: 0 | 1): TrainingExample[] =>
    stories.flatMap((story) => Array.from({ length: 6 }, () => ({ features: new Set([word, 'c:face']), label, weight: 0.2, story })));
  const data = [
    ...examples('w:once', [1], 1),
    ...examples('w:twice', [2, 3], 1),
    ...examples('w:thrice', [4, 5, 6], 1),
    ...examples('w:neg', [7, 8, 9], 0),
  ];
  const model = trainModel(data, { minWordCount: 3, steps: 200 });
  it('gives no weight to a stem of fewer stories', () => {
    expect(model.topic['w:once']).toBeUndefined();
    expect(model.topic['w:twice']).toBeUndefined();
  });
  it('weighs a stem of enough stories', () => {
    expect(model.topic['w:thrice']).toBeGreaterThan(0);
    expect(model.topic['w:neg']).toBeLessThan(0);
  });
  it('counts a story once even when its examples are not adjacent', () => {
    // Copies of one report can sit anywhere among the items: two stories, interleaved, are two.
    const interleaved = [2, 3, 2, 3, 2].flatMap((story) => examples('w:mixed', [story], 1));
    const m = trainModel(interleaved.concat(examples('w:neg', [7, 8, 9], 0)), { minWordCount: 3, steps: 200 });
    expect(m.topic['w:mixed']).toBeUndefined();
  });
  it('counts every example when examples carry no story', () => {
    const plain = trainModel(examples('w:once', [1], 1).map(({ story: _s, ...e }) => e).concat(examples('w:neg', [7, 8, 9], 0)), { minWordCount: 3, steps: 200 });
    expect(plain.topic['w:once']).toBeGreaterThan(0);
  });
});
