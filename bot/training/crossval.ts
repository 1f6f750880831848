import { classify } from '../../shared/classify/classify';
import { allFeatures, extractFeatures } from '../../shared/classify/features';
import { stratifiedFolds, trainLogistic, type TrainOptions, type TrainingExample } from '../../shared/classify/train';
import type { Classification } from '../../shared/model/types';
import type { LabelledItem } from './dataset';

export interface CrossValidated {
  item: LabelledItem;
  prediction: Classification;
}

export const toExample = (item: LabelledItem): TrainingExample => ({
  features: allFeatures(extractFeatures({ title: item.title, text: item.text })),
  label: item.label === 'relevant' ? 1 : 0,
});

/**
 * k-fold cross-validation: every corpus item is classified by a model that never saw it.
 * Written examples join every training fold and are never evaluated.
 */
export function crossValidate(
  corpus: LabelledItem[],
  written: LabelledItem[],
  k = 10,
  seed = 1,
  options: Partial<TrainOptions> = {},
): CrossValidated[] {
  const examples = corpus.map(toExample);
  const extra = written.map(toExample);
  const folds = stratifiedFolds(examples.map((e) => e.label), k, seed);
  const out = new Array<CrossValidated>(corpus.length);
  for (let fold = 0; fold < k; fold++) {
    const train = examples.filter((_, i) => folds[i] !== fold).concat(extra);
    const model = trainLogistic(train, options);
    corpus.forEach((item, i) => {
      if (folds[i] === fold) out[i] = { item, prediction: classify({ title: item.title, text: item.text }, { model }) };
    });
  }
  return out;
}
