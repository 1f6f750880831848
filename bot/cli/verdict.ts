/**
 * Why an item is (not) relevant, in words an operator can act on: for a rejected item, what
 * the classifier did not find and the threshold its score missed. Used by `classify` and
 * `feeds inspect`.
 */
import { extractFeatures } from '../../shared/classify/features';
import weights from '../../shared/classify/weights.json';
import type { Classification, ClassifyInput } from '../../shared/model/types';

/** The shipped model's own threshold: `relevant` is score >= this. */
export const MODEL_THRESHOLD: number = (weights as { threshold: number }).threshold;

/** Concepts that place an item in Serbia (a place, an institution, an official, Serbian usage). */
const SERBIA = new Set(['serbia', 'serbian-usage']);
/** Concepts that make an item about surveillance: the subject the monitor watches. */
const SUBJECT = new Set(['face', 'biometric', 'cameras', 'surveillance', 'mass-surveillance', 'safe-city', 'vendor', 'plates', 'dpia', 'campaign']);

/** What a rejected item lacked, as short phrases; empty when the terms are there but weigh too little. */
export function missingEvidence(input: ClassifyInput): string[] {
  const concepts = new Set(extractFeatures(input).matches.map((m) => m.concept));
  const missing: string[] = [];
  if (![...concepts].some((c) => SUBJECT.has(c))) missing.push('no surveillance term (cameras, face recognition, biometrics, Safe City, DPIA …)');
  if (![...concepts].some((c) => SERBIA.has(c))) missing.push('nothing placing it in Serbia (a town, institution or official)');
  if (concepts.has('elsewhere')) missing.push('it names another country, which counts against it');
  return missing;
}

/**
 * One line for an item's verdict: "RELEVANT: score 0.912 ≥ threshold 0.45", or for a rejected
 * one the score, the threshold, and what was missing.
 */
export function verdictLine(input: ClassifyInput, c: Classification, threshold = MODEL_THRESHOLD): string {
  const score = c.score.toFixed(3);
  if (c.score >= threshold) return `RELEVANT: score ${score} ≥ threshold ${threshold}`;
  const missing = missingEvidence(input);
  const why = missing.length ? `missing: ${missing.join('; ')}` : 'the terms found weigh too little together';
  return `not relevant: score ${score} < threshold ${threshold}; ${why}`;
}
