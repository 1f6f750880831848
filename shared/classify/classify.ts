import type { Classification, ClassifyInput, Topic } from '../model/types';
import { TOPICS } from '../model/types';
import { CONCEPTS } from './concepts';
import { conceptFeatureName, extractFeatures, pairFeatureName, titleFeatureName, type SurfaceMatch } from './features';
import { addWordLogits, combinedScore, headWeights, logits, type ModelWeights } from './model';
import defaultWeights from './weights.json';

const CONCEPT_BY_ID = new Map(CONCEPTS.map((c) => [c.id, c]));
const DEFAULT_MODEL = defaultWeights as unknown as ModelWeights;

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
  const weights = headWeights(model);
  // A concept's weights sit in the head it informs (model.ts); the other head has none for it.
  const weightOf = (name: string): number => {
    const w = weights.get(name);
    return w === undefined ? 0 : w.topic + w.place;
  };
  const byConcept = new Map<string, ConceptEvidence>();
  for (const m of matches) {
    let e = byConcept.get(m.concept);
    if (!e) {
      const title = titleFeatureName(m.concept)!;
      e = { concept: m.concept, contribution: weightOf(conceptFeatureName(m.concept)!), surfaces: [] };
      if (features.has(title)) e.contribution += weightOf(title);
      byConcept.set(m.concept, e);
    }
    const surface = m.surface.toLowerCase();
    if (!e.surfaces.includes(surface) && e.surfaces.length < 3) e.surfaces.push(surface);
  }
  const concepts = [...byConcept.values()];
  for (let i = 0; i < concepts.length; i++) {
    for (let j = i + 1; j < concepts.length; j++) {
      const name = pairFeatureName(concepts[i].concept, concepts[j].concept);
      if (name === undefined) continue;
      const w = weightOf(name);
      // A pair's weight is shared by its two concepts.
      concepts[i].contribution += w / 2;
      concepts[j].contribution += w / 2;
    }
  }
  // Dialect and wording cues count in the score but are no reason a person can act on.
  return concepts
    .filter((e) => !CONCEPT_BY_ID.get(e.concept)?.internal)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
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
  const score = combinedScore(addWordLogits(model, extracted.words, logits(model, features)));
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
