import { headsOf } from './features';
import type { ModelWeights } from './model';
import { sigmoid } from './model';

/** One labelled item, already turned into features. */
export interface TrainingExample {
  features: Set<string>;
  /** 1 = relevant, 0 = related or irrelevant. */
  label: 0 | 1;
  /** How much the item counts in the loss (default 1). */
  weight?: number;
  /**
   * The story the example was made from. One item gives several examples (with and without
   * context, its headline, copies with concepts missing) and one story several items: for
   * `minWordCount` all examples of one story count once. Without it, each example counts.
   * Story numbers are not negative (storyGroups numbers them by item).
   */
  story?: number;
}

export interface TrainOptions {
  /** L2 penalty on concept, pair and context features ("c:", "t:", "p:", "x:"). */
  l2Concept: number;
  /** L2 penalty on word-stem features ("w:"): stronger, there are many and the data is small. */
  l2Word: number;
  /** Full-batch Adam steps. */
  steps: number;
  learningRate: number;
  /**
   * Stems seen in fewer training stories than this get no weight: a stem of one or two stories
   * can only learn those stories (names, places, the event), not how unseen news reads.
   */
  minWordCount: number;
  /**
   * Word weights smaller than this (in absolute value) are left out of the shipped model:
   * a weak L2 on words lets the frequent stems speak up, and this keeps the many weak ones
   * from bloating weights.json. Concept weights keep the 0.01 cut.
   */
  minWordWeight: number;
  threshold: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  l2Concept: 0.0005,
  l2Word: 0.005,
  steps: 700,
  learningRate: 0.05,
  minWordCount: 3,
  minWordWeight: 0.03,
  threshold: 0.45,
};

/**
 * Trains the two-head model of model.ts (score = P(topic) * P(place)) by maximum likelihood
 * with L2 penalties and full-batch Adam. The product makes the loss non-convex, so both heads
 * start from a mildly positive bias (every item is "possibly both") and the place head starts
 * with no weights: the gradient then blames whichever half an irrelevant item lacks.
 * A few thousand items and features: an exact, dependency-free optimiser in a few lines beats
 * pulling a machine-learning library into shared/.
 */
export function trainModel(examples: TrainingExample[], options: Partial<TrainOptions> = {}): ModelWeights {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  // The stories each feature occurs in; an example without a story is a story of its own. A
  // story's examples need not be adjacent: copies of one report may sit anywhere in the list.
  const storiesOf = new Map<string, Set<number>>();
  examples.forEach((ex, i) => {
    const story = ex.story ?? -1 - i;
    for (const f of ex.features) {
      const seen = storiesOf.get(f);
      if (seen === undefined) storiesOf.set(f, new Set([story]));
      else seen.add(story);
    }
  });
  const names = [...storiesOf.keys()].filter((f) => !f.startsWith('w:') || storiesOf.get(f)!.size >= o.minWordCount);
  const n = names.length;
  // Parameters: [topic weights (n), place weights (n), topic bias, place bias].
  const P = 2 * n + 2;
  const tb = 2 * n;
  const pb = 2 * n + 1;
  const active = new Uint8Array(P);
  const l2 = new Float64Array(P);
  names.forEach((name, i) => {
    const heads = headsOf(name);
    const penalty = name.startsWith('w:') ? o.l2Word : o.l2Concept;
    if (heads.topic) (active[i] = 1), (l2[i] = penalty);
    if (heads.place) (active[n + i] = 1), (l2[n + i] = penalty);
  });
  active[tb] = active[pb] = 1;
  const index = new Map(names.map((name, i) => [name, i]));
  const rows = examples.map((ex) => {
    const ids: number[] = [];
    for (const f of ex.features) {
      const i = index.get(f);
      if (i !== undefined) ids.push(i);
    }
    return Int32Array.from(ids);
  });
  const weights = Float64Array.from(examples, (ex) => ex.weight ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);

  const w = new Float64Array(P);
  w[tb] = 0.5;
  w[pb] = 0.5;
  const m = new Float64Array(P);
  const v = new Float64Array(P);
  const grad = new Float64Array(P);
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let step = 1; step <= o.steps; step++) {
    grad.fill(0);
    for (let r = 0; r < rows.length; r++) {
      const ids = rows[r];
      let zt = w[tb];
      let zp = w[pb];
      for (let k = 0; k < ids.length; k++) {
        zt += w[ids[k]];
        zp += w[n + ids[k]];
      }
      const st = sigmoid(zt);
      const sp = sigmoid(zp);
      const q = st * sp;
      // d(-log-likelihood)/dz for each head; see the module comment in model.ts.
      let gt: number;
      let gp: number;
      if (examples[r].label === 1) {
        gt = -(1 - st);
        gp = -(1 - sp);
      } else {
        const odds = q / Math.max(1 - q, 1e-9);
        gt = odds * (1 - st);
        gp = odds * (1 - sp);
      }
      gt *= weights[r];
      gp *= weights[r];
      grad[tb] += gt;
      grad[pb] += gp;
      for (let k = 0; k < ids.length; k++) {
        grad[ids[k]] += gt;
        grad[n + ids[k]] += gp;
      }
    }
    const c1 = 1 - beta1 ** step;
    const c2 = 1 - beta2 ** step;
    for (let i = 0; i < P; i++) {
      if (!active[i]) continue;
      const g = grad[i] / total + l2[i] * w[i];
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      w[i] -= (o.learningRate * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + 1e-8);
    }
  }
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const topic: Record<string, number> = {};
  const place: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    // Tiny weights change no decision and only make the shipped JSON bigger.
    const cut = names[i].startsWith('w:') ? Math.max(o.minWordWeight, 0.01) : 0.01;
    if (active[i] && Math.abs(w[i]) >= cut) topic[names[i]] = round(w[i]);
    if (active[n + i] && Math.abs(w[n + i]) >= cut) place[names[i]] = round(w[n + i]);
  }
  return { version: 2, topicBias: round(w[tb]), placeBias: round(w[pb]), threshold: o.threshold, topic, place };
}
