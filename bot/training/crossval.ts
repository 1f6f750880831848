import { classify } from '../../shared/classify/classify';
import { allFeatures, extractFeatures } from '../../shared/classify/features';
import { trainModel, type TrainOptions, type TrainingExample } from '../../shared/classify/train';
import type { ModelWeights } from '../../shared/classify/model';
import type { Classification } from '../../shared/model/types';
import { inputOf, type LabelledItem } from './dataset';
import { gapRandom, withLexiconGaps } from './lexicon-gaps';
import { seeded } from './seeded';
import { storyGroups } from './stories';

export interface CrossValidated {
  item: LabelledItem;
  prediction: Classification;
  /** The model of the fold that scored the item (it never saw the item's story). */
  model: ModelWeights;
}

/**
 * Copies of each item with concepts missing (lexicon-gaps.ts): of the whole item and of its
 * headline alone, each concept dropped with probability LEXICON_GAP_SHARE.
 */
export const LEXICON_GAP_COPIES = 2;
export const LEXICON_GAP_SHARE = 0.5;
export const LEXICON_GAP_WEIGHT = 0.1;
export const HEADLINE_GAP_WEIGHT = 0.05;

/**
 * A labelled item as training examples: with the context the monitor knows (URL, feed scope)
 * and on its text alone, each as the whole item and as its headline alone. A reader judges an
 * article by its headline often enough, and title-only feeds give nothing more: the headline
 * copies teach the model that one strong term per half can decide, where the full leads alone
 * would teach it to wait for many small ones. More copies of the whole item and of the headline
 * lose half their concepts at random, as on news whose wording the lexicon lacks
 * (lexicon-gaps.ts). `gapCopies` 0 leaves those out (eval's comparison).
 */
export function toExamples(item: LabelledItem, gapCopies = LEXICON_GAP_COPIES, story?: number): TrainingExample[] {
  const label = item.label === 'relevant' ? 1 : 0;
  const headline = { ...item, text: '' };
  // The first variant of each kind is the one the monitor sees: with context when there is a URL.
  const context = item.url !== undefined;
  const whole = allFeatures(extractFeatures(inputOf(item, context)));
  const title = allFeatures(extractFeatures(inputOf(headline, context)));
  const examples: TrainingExample[] = [
    { features: whole, label, weight: 0.35 },
    { features: title, label, weight: 0.15 },
  ];
  if (context) {
    examples.push(
      { features: allFeatures(extractFeatures(inputOf(item, false))), label, weight: 0.35 },
      { features: allFeatures(extractFeatures(inputOf(headline, false))), label, weight: 0.15 },
    );
  }
  const random = gapRandom(item.id);
  for (let copy = 0; copy < gapCopies; copy++) {
    examples.push({ features: withLexiconGaps(whole, LEXICON_GAP_SHARE, random), label, weight: LEXICON_GAP_WEIGHT });
  }
  for (let copy = 0; copy < gapCopies; copy++) {
    examples.push({ features: withLexiconGaps(title, LEXICON_GAP_SHARE, random), label, weight: HEADLINE_GAP_WEIGHT });
  }
  if (story !== undefined) for (const example of examples) example.story = story;
  return examples;
}

/**
 * Trains on labelled items. Examples carry their item's story (stories.ts), so a word counts
 * toward minWordCount once per story however many copies and examples the story has.
 */
export function trainOn(items: LabelledItem[], options: Partial<TrainOptions> = {}, gapCopies = LEXICON_GAP_COPIES): ModelWeights {
  const stories = storyGroups(items);
  return trainModel(items.flatMap((item, i) => toExamples(item, gapCopies, stories[i])), options);
}

/**
 * k folds by story: copies of one report always share a fold. Stories with a relevant item
 * and the others are dealt out separately, so each fold gets its share of both.
 */
export function storyFolds(items: LabelledItem[], k: number, seed = 1): number[] {
  const groups = storyGroups(items);
  const members = new Map<number, number[]>();
  groups.forEach((g, i) => members.set(g, [...(members.get(g) ?? []), i]));
  const random = seeded(seed);
  const folds = new Array<number>(items.length);
  for (const positive of [true, false]) {
    const chosen = [...members.values()].filter((m) => m.some((i) => items[i].label === 'relevant') === positive);
    for (let i = chosen.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [chosen[i], chosen[j]] = [chosen[j], chosen[i]];
    }
    chosen.forEach((m, pos) => m.forEach((i) => (folds[i] = pos % k)));
  }
  return folds;
}

/**
 * k-fold cross-validation by story: every item is classified by a model that saw neither it
 * nor any copy of its report. Written examples join every training fold and are never scored.
 */
export function crossValidate(
  items: LabelledItem[],
  written: LabelledItem[],
  k = 10,
  seed = 1,
  options: Partial<TrainOptions> = {},
  withContext = true,
): CrossValidated[] {
  const folds = storyFolds(items, k, seed);
  const out = new Array<CrossValidated>(items.length);
  for (let fold = 0; fold < k; fold++) {
    const model = trainOn(items.filter((_, i) => folds[i] !== fold).concat(written), options);
    items.forEach((item, i) => {
      if (folds[i] === fold) out[i] = { item, prediction: classify(inputOf(item, withContext), { model }), model };
    });
  }
  return out;
}
