/**
 * The relevance model: two logistic "heads" over the sparse binary features of features.ts,
 * combined the way the definition reads. An item is relevant when it is about biometric or
 * smart surveillance (the topic head) AND about Serbia (the place head):
 *
 *   score = sigmoid(topic logit) * sigmoid(place logit)
 *
 * Splitting the decision lets each half learn from items the other half rejects: face
 * recognition in Moscow still teaches the topic head what face recognition looks like, and a
 * Serbian protest story without cameras still teaches the place head what Serbian news looks
 * like. A short headline needs one strong term per half, not five small ones.
 */
export interface ModelWeights {
  version: 2;
  /** Bias of the topic head ("about biometric or smart surveillance?"). */
  topicBias: number;
  /** Bias of the place head ("about Serbia?"). */
  placeBias: number;
  /** Score at or above which an item is relevant. */
  threshold: number;
  /** Topic-head weights by feature name. */
  topic: Record<string, number>;
  /** Place-head weights by feature name. */
  place: Record<string, number>;
  /** How the weights were made: data, regularisation; for people, not code. */
  trainedOn?: string;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** One feature's weight in each head. */
export interface HeadWeights {
  topic: number;
  place: number;
}

/**
 * Both heads' weights in one Map, built once per model object: one look-up per feature on
 * the hot path instead of one per head (Maps beat large plain objects).
 */
const asMaps = new WeakMap<ModelWeights, Map<string, HeadWeights>>();

export function headWeights(model: ModelWeights): Map<string, HeadWeights> {
  let map = asMaps.get(model);
  if (!map) {
    map = new Map();
    for (const [name, w] of Object.entries(model.topic)) map.set(name, { topic: w, place: 0 });
    for (const [name, w] of Object.entries(model.place)) {
      const both = map.get(name);
      if (both) both.place = w;
      else map.set(name, { topic: 0, place: w });
    }
    asMaps.set(model, map);
  }
  return map;
}

/** Both heads' log-odds. */
export interface Logits {
  topic: number;
  place: number;
}

/** Log-odds of both heads for a set of (non-word) features, biases included. */
export function logits(model: ModelWeights, features: Iterable<string>): Logits {
  const weights = headWeights(model);
  let zt = model.topicBias;
  let zp = model.placeBias;
  for (const f of features) {
    const w = weights.get(f);
    if (w !== undefined) {
      zt += w.topic;
      zp += w.place;
    }
  }
  return { topic: zt, place: zp };
}

/** A word feature as the scorer sees it: its name, and slots to cache its weights per model. */
export interface WeightedWord {
  name: string;
  cachedFor?: object;
  cachedTopic?: number;
  cachedPlace?: number;
}

/**
 * Adds the word features' weights to both heads. Each word's weights are looked up once per
 * model and then kept on the word feature itself: most words recur from item to item, so this
 * skips most map look-ups on the hot path.
 */
export function addWordLogits(model: ModelWeights, words: WeightedWord[], z: Logits): Logits {
  const weights = headWeights(model);
  let zt = z.topic;
  let zp = z.place;
  for (const w of words) {
    if (w.cachedFor !== model) {
      const both = weights.get(w.name);
      w.cachedFor = model;
      w.cachedTopic = both?.topic ?? 0;
      w.cachedPlace = both?.place ?? 0;
    }
    zt += w.cachedTopic!;
    zp += w.cachedPlace!;
  }
  return { topic: zt, place: zp };
}

/** The relevance score of both heads' log-odds: P(topic) * P(place). */
export const combinedScore = (z: Logits): number => sigmoid(z.topic) * sigmoid(z.place);
