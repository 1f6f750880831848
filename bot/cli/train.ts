/**
 * `npm run train`: fits the classifier on the training part of the labelled data (the shared
 * corpus and the collected items, minus the frozen test part) plus the written examples, and
 * writes shared/classify/weights.json (the file the bot and the extension ship).
 * Quality is reported by `npm run eval` (cross-validation and the frozen test), never on
 * these training items.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TRAIN_OPTIONS } from '../../shared/classify/train';
import { LEXICON_GAP_COPIES, LEXICON_GAP_SHARE, trainOn } from '../training/crossval';
import { loadSplit, loadWrittenExamples } from '../training/dataset';

const { train, test } = loadSplit();
const written = loadWrittenExamples();
const model = trainOn([...train, ...written]);
model.trainedOn =
  `${train.length} real items (frozen test of ${test.length} held out) + ${written.length} written examples; ` +
  `two heads (topic x place), L2 concept ${DEFAULT_TRAIN_OPTIONS.l2Concept}, L2 word ${DEFAULT_TRAIN_OPTIONS.l2Word}, ` +
  `words of fewer than ${DEFAULT_TRAIN_OPTIONS.minWordCount} stories and word weights under ${DEFAULT_TRAIN_OPTIONS.minWordWeight} dropped, ${DEFAULT_TRAIN_OPTIONS.steps} Adam steps, ` +
  `${LEXICON_GAP_COPIES} copies of each item and of its headline with each concept dropped at probability ${LEXICON_GAP_SHARE}`;
const out = fileURLToPath(new URL('../../shared/classify/weights.json', import.meta.url));
writeFileSync(out, JSON.stringify(model, null, 0) + '\n');
console.log(
  `wrote ${out}: ${Object.keys(model.topic).length} topic and ${Object.keys(model.place).length} place weights, threshold ${model.threshold}`,
);
