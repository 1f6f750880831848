/** A logistic-regression model over the sparse binary features of features.ts. */
export interface ModelWeights {
  version: number;
  bias: number;
  /** Score at or above which an item is relevant. */
  threshold: number;
  weights: Record<string, number>;
  /** How the weights were made: data, folds, regularisation; for people, not code. */
  trainedOn?: string;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Weights as a Map, built once per model object (Map lookups beat a large plain object). */
const asMaps = new WeakMap<ModelWeights, Map<string, number>>();

export function weightMap(model: ModelWeights): Map<string, number> {
  let map = asMaps.get(model);
  if (!map) {
    map = new Map(Object.entries(model.weights));
    asMaps.set(model, map);
  }
  return map;
}

/** Linear score (log-odds) of a feature set. */
export function logit(model: ModelWeights, features: Iterable<string>): number {
  const weights = weightMap(model);
  let z = model.bias;
  for (const f of features) z += weights.get(f) ?? 0;
  return z;
}

/** A word feature as the scorer sees it: its name, and a slot to cache its weight per model. */
export interface WeightedWord {
  name: string;
  cachedFor?: object;
  cachedWeight?: number;
}

/**
 * Sum of word-feature weights, each looked up once per model and then kept on the feature
 * itself: most words recur from item to item, so this skips most map look-ups.
 */
export function wordsLogit(model: ModelWeights, words: WeightedWord[]): number {
  const weights = weightMap(model);
  let z = 0;
  for (const w of words) {
    if (w.cachedFor !== model) {
      w.cachedFor = model;
      w.cachedWeight = weights.get(w.name) ?? 0;
    }
    z += w.cachedWeight!;
  }
  return z;
}
