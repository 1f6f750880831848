import type { ModelWeights } from './model';
import { sigmoid } from './model';

/** One labelled item, already turned into features. */
export interface TrainingExample {
  features: Set<string>;
  /** 1 = relevant, 0 = related or irrelevant. */
  label: 0 | 1;
}

export interface TrainOptions {
  /** L2 penalty on concept and pair features ("c:", "t:", "p:"). */
  l2Concept: number;
  /** L2 penalty on word-stem features ("w:"): stronger, there are many and the data is small. */
  l2Word: number;
  /** Full-batch Adam steps. */
  steps: number;
  learningRate: number;
  /** Stems seen in fewer training items than this get no weight. */
  minWordCount: number;
  threshold: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  l2Concept: 0.01,
  l2Word: 0.05,
  steps: 600,
  learningRate: 0.05,
  minWordCount: 2,
  threshold: 0.45,
};

/**
 * Trains L2-regularised logistic regression with full-batch Adam. The data set is a few
 * hundred items with a few thousand sparse features, so an exact, dependency-free optimiser
 * in a few lines beats pulling a machine-learning library into shared/.
 */
export function trainLogistic(examples: TrainingExample[], options: Partial<TrainOptions> = {}): ModelWeights {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const counts = new Map<string, number>();
  for (const ex of examples) for (const f of ex.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts.keys()].filter((f) => !f.startsWith('w:') || (counts.get(f) ?? 0) >= o.minWordCount);
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = examples.map((ex) => {
    const ids: number[] = [];
    for (const f of ex.features) {
      const i = index.get(f);
      if (i !== undefined) ids.push(i);
    }
    return Int32Array.from(ids);
  });
  const l2 = Float64Array.from(names, (n) => (n.startsWith('w:') ? o.l2Word : o.l2Concept));
  const n = names.length;
  const w = new Float64Array(n);
  let b = 0;
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  let mb = 0;
  let vb = 0;
  const beta1 = 0.9;
  const beta2 = 0.999;
  const grad = new Float64Array(n);
  const count = examples.length;
  for (let step = 1; step <= o.steps; step++) {
    grad.fill(0);
    let gb = 0;
    for (let r = 0; r < count; r++) {
      const ids = rows[r];
      let z = b;
      for (let k = 0; k < ids.length; k++) z += w[ids[k]];
      const err = sigmoid(z) - examples[r].label;
      gb += err;
      for (let k = 0; k < ids.length; k++) grad[ids[k]] += err;
    }
    const c1 = 1 - beta1 ** step;
    const c2 = 1 - beta2 ** step;
    for (let i = 0; i < n; i++) {
      const g = grad[i] / count + l2[i] * w[i];
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      w[i] -= (o.learningRate * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + 1e-8);
    }
    gb /= count;
    mb = beta1 * mb + (1 - beta1) * gb;
    vb = beta2 * vb + (1 - beta2) * gb * gb;
    b -= (o.learningRate * (mb / c1)) / (Math.sqrt(vb / c2) + 1e-8);
  }
  const weights: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    // Tiny weights change no decision and only make the shipped JSON bigger.
    if (Math.abs(w[i]) >= 0.01) weights[names[i]] = Math.round(w[i] * 1000) / 1000;
  }
  return { version: 1, bias: Math.round(b * 1000) / 1000, threshold: o.threshold, weights };
}

/** Deterministic stratified k-fold split: returns the fold number of each item. */
export function stratifiedFolds(labels: Array<0 | 1>, k: number, seed = 1): number[] {
  let state = seed >>> 0 || 1;
  const random = (): number => {
    // xorshift32: a small seeded generator, so the folds are the same on every run.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const folds = new Array<number>(labels.length);
  for (const cls of [0, 1] as const) {
    const idx = labels.map((l, i) => [l, i] as const).filter(([l]) => l === cls).map(([, i]) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    idx.forEach((item, pos) => (folds[item] = pos % k));
  }
  return folds;
}
