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

/** The two heads' weights as Maps, built once per model object (Maps beat large objects). */
export interface HeadMaps {
  topic: Map<string, number>;
  place: Map<string, number>;
}

const asMaps = new WeakMap<ModelWeights, HeadMaps>();

export function headMaps(model: ModelWeights): HeadMaps {
  let maps = asMaps.get(model);
  if (!maps) {
    maps = { topic: new Map(Object.entries(model.topic)), place: new Map(Object.entries(model.place)) };
    asMaps.set(model, maps);
  }
  return maps;
}

/** Both heads' log-odds. */
export interface Logits {
  topic: number;
  place: number;
}

/** Log-odds of both heads for a set of (non-word) features, biases included. */
export function logits(model: ModelWeights, features: Iterable<string>): Logits {
  const { topic, place } = headMaps(model);
  let zt = model.topicBias;
  let zp = model.placeBias;
  for (const f of features) {
    zt += topic.get(f) ?? 0;
    zp += place.get(f) ?? 0;
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
  const { topic, place } = headMaps(model);
  let zt = z.topic;
  let zp = z.place;
  for (const w of words) {
    if (w.cachedFor !== model) {
      w.cachedFor = model;
      w.cachedTopic = topic.get(w.name) ?? 0;
      w.cachedPlace = place.get(w.name) ?? 0;
    }
    zt += w.cachedTopic!;
    zp += w.cachedPlace!;
  }
  return { topic: zt, place: zp };
}

/** The relevance score of both heads' log-odds: P(topic) * P(place). */
export const combinedScore = (z: Logits): number => sigmoid(z.topic) * sigmoid(z.place);
