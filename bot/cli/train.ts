/**
 * `npm run train`: fits the classifier on the whole labelled corpus plus the written examples
 * and writes shared/classify/weights.json (the file the bot and the extension ship).
 * Quality is reported by `npm run eval` (cross-validation), never on these training items.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TRAIN_OPTIONS, trainLogistic } from '../../shared/classify/train';
import { toExample } from '../training/crossval';
import { loadCorpus, loadWrittenExamples } from '../training/dataset';

const corpus = loadCorpus();
const written = loadWrittenExamples();
const model = trainLogistic([...corpus, ...written].map(toExample));
model.trainedOn =
  `${corpus.length} corpus items + ${written.length} written examples; ` +
  `L2 concept ${DEFAULT_TRAIN_OPTIONS.l2Concept}, L2 word ${DEFAULT_TRAIN_OPTIONS.l2Word}, ` +
  `${DEFAULT_TRAIN_OPTIONS.steps} Adam steps`;
const out = fileURLToPath(new URL('../../shared/classify/weights.json', import.meta.url));
writeFileSync(out, JSON.stringify(model, null, 0) + '\n');
console.log(`wrote ${out}: ${Object.keys(model.weights).length} weights, threshold ${model.threshold}`);
