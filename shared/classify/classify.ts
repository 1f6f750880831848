import type { Classification, ClassifyInput, Topic } from '../model/types';
import { TOPICS } from '../model/types';
import { CONCEPTS } from './concepts';
import { conceptFeatureName, extractFeatures, pairFeatureName, titleFeatureName, type SurfaceMatch } from './features';
import { logit, sigmoid, weightMap, wordsLogit, type ModelWeights } from './model';
import defaultWeights from './weights.json';

const CONCEPT_BY_ID = new Map(CONCEPTS.map((c) => [c.id, c]));
const DEFAULT_MODEL = defaultWeights as ModelWeights;

export interface ClassifyOptions {
  /** Weights to use instead of the shipped ones (training and cross-validation pass their own). */
  model?: ModelWeights;
  /** Score threshold instead of the model's own. */
  minScore?: number;
}

/** How much one concept pushed the score, with the words that matched it. */
interface ConceptEvidence {
  concept: string;
  contribution: number;
  surfaces: string[];
}

function evidenceOf(model: ModelWeights, features: Set<string>, matches: SurfaceMatch[]): ConceptEvidence[] {
  const weights = weightMap(model);
  const byConcept = new Map<string, ConceptEvidence>();
  for (const m of matches) {
    let e = byConcept.get(m.concept);
    if (!e) {
      const title = titleFeatureName(m.concept)!;
      e = { concept: m.concept, contribution: weights.get(conceptFeatureName(m.concept)!) ?? 0, surfaces: [] };
      if (features.has(title)) e.contribution += weights.get(title) ?? 0;
      byConcept.set(m.concept, e);
    }
    const surface = m.surface.toLowerCase();
    if (!e.surfaces.includes(surface) && e.surfaces.length < 3) e.surfaces.push(surface);
  }
  const concepts = [...byConcept.values()];
  for (let i = 0; i < concepts.length; i++) {
    for (let j = i + 1; j < concepts.length; j++) {
      const name = pairFeatureName(concepts[i].concept, concepts[j].concept);
      const w = name === undefined ? undefined : weights.get(name);
      if (w === undefined) continue;
      // A pair's weight is shared by its two concepts.
      concepts[i].contribution += w / 2;
      concepts[j].contribution += w / 2;
    }
  }
  return concepts.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}

function describe(e: ConceptEvidence): string {
  const label = CONCEPT_BY_ID.get(e.concept)?.label ?? e.concept;
  return `${label}: ${e.surfaces.map((s) => `"${s}"`).join(', ')}`;
}

/**
 * Is this item about biometric surveillance in Serbia? Runs the same in Node and in the
 * browser: the concept lexicon and learned weights are plain data, the text handling pure TS.
 */
export function classify(input: ClassifyInput, options: ClassifyOptions = {}): Classification {
  const model = options.model ?? DEFAULT_MODEL;
  const extracted = extractFeatures(input);
  const { features, matches, lang, script } = extracted;
  const score = sigmoid(logit(model, features) + wordsLogit(model, extracted.words));
  const threshold = options.minScore ?? model.threshold;
  const relevant = score >= threshold;

  const evidence = evidenceOf(model, features, matches);
  const reasons: string[] = [];
  const supporting = evidence.filter((e) => e.contribution > 0.05);
  const opposing = evidence.filter((e) => e.contribution < -0.05);
  for (const e of (relevant ? supporting : opposing).slice(0, 5)) reasons.push(describe(e));
  for (const e of (relevant ? opposing : supporting).slice(0, 3)) {
    reasons.push(`${relevant ? 'despite' : 'although'} ${describe(e)}`);
  }
  if (reasons.length === 0) reasons.push('no surveillance or Serbia terms found');

  const matched = new Set(matches.map((m) => m.concept));
  const topicSet = new Set<Topic>();
  for (const c of matched) {
    const topic = CONCEPT_BY_ID.get(c)?.topic;
    if (topic) topicSet.add(topic);
  }
  const topics = TOPICS.filter((t) => topicSet.has(t));

  return { relevant, score: Math.round(score * 1000) / 1000, topics, reasons, lang, script };
}
