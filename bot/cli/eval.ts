/**
 * `npm run eval`: cross-validated quality of the classifier on the labelled corpus, beside a
 * plain keyword query. Every figure comes from models that never saw the item they judge.
 */
import { classify } from '../../shared/classify/classify';
import { cyrillicToLatin, latinToCyrillic } from '../../shared/text/transliterate';
import { detectLanguage } from '../../shared/text/language';
import { crossValidate } from '../training/crossval';
import { languageGroup, loadCorpus, loadWrittenExamples, type LabelledItem } from '../training/dataset';
import { KEYWORD_QUERY, keywordQueryMatches } from '../training/keyword-baseline';
import { score, type Scores } from '../training/metrics';

const k = Number(process.env.FOLDS ?? 10);
const seeds = (process.env.SEEDS ?? '1,2,3').split(',').map(Number);
const corpus = loadCorpus();
const written = loadWrittenExamples();

const fmt = (s: Scores): string =>
  `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${s.tp} fp ${s.fp} fn ${s.fn})`;

type Row = { item: LabelledItem; model: boolean; keyword: boolean };
const groups: Array<[string, (r: Row) => boolean]> = [
  ['overall', () => true],
  ['script Latn', (r) => r.item.script === 'Latn'],
  ['script Cyrl', (r) => r.item.script === 'Cyrl'],
  ['lang sr (sr/hr/bs/cnr)', (r) => languageGroup(r.item.lang) === 'sr'],
  ['  sr in Latin script', (r) => languageGroup(r.item.lang) === 'sr' && r.item.script === 'Latn'],
  ['  sr in Cyrillic script', (r) => languageGroup(r.item.lang) === 'sr' && r.item.script === 'Cyrl'],
  ['lang en', (r) => languageGroup(r.item.lang) === 'en'],
  ['lang other', (r) => languageGroup(r.item.lang) === 'other'],
];

console.log(`Nadzor Watch classifier: ${k}-fold stratified cross-validation over ${corpus.length} corpus items`);
console.log(`(seeds ${seeds.join(', ')}; ${written.length} written examples join every training fold, never scored)`);
console.log(`Keyword query: ${KEYWORD_QUERY}\n`);

const allRows: Row[][] = seeds.map((seed) =>
  crossValidate(corpus, written, k, seed).map(({ item, prediction }) => ({
    item,
    model: prediction.relevant,
    keyword: keywordQueryMatches(item.title, item.text),
  })),
);
const pad = (s: string, n: number) => s.padEnd(n);
for (const [name, keep] of groups) {
  const rows = allRows.flatMap((r) => r.filter(keep));
  const actual = (r: Row) => r.item.label === 'relevant';
  const m = score(rows.map((r) => ({ predicted: r.model, actual: actual(r) })));
  const kw = score(rows.map((r) => ({ predicted: r.keyword, actual: actual(r) })));
  const n = rows.length / seeds.length;
  console.log(`${pad(name, 24)} n=${String(n).padStart(3)}  model   ${fmt(m)}`);
  console.log(`${pad('', 24)}        keyword ${fmt(kw)}`);
}
console.log('\nNegatives flagged as relevant (false-positive rate per negative label):');
for (const label of ['related', 'irrelevant'] as const) {
  const rows = allRows.flatMap((r) => r.filter((x) => x.item.label === label));
  const fpModel = rows.filter((r) => r.model).length;
  const fpKw = rows.filter((r) => r.keyword).length;
  console.log(
    `${pad(label, 24)} n=${String(rows.length / seeds.length).padStart(3)}  model ${(fpModel / rows.length).toFixed(3)}   keyword ${(fpKw / rows.length).toFixed(3)}`,
  );
}
// Script swap: each Serbian item in the other script (Latin <-> Cyrillic) must get the very
// same score from the same model; this isolates script handling from what the items say.
{
  const serbian = corpus.filter((i) => languageGroup(i.lang) === 'sr');
  let same = 0;
  for (const item of serbian) {
    const swap = item.script === 'Cyrl' ? cyrillicToLatin : latinToCyrillic;
    const a = classify({ title: item.title, text: item.text });
    const b = classify({ title: swap(item.title), text: swap(item.text) });
    if (a.score === b.score && a.relevant === b.relevant) same++;
  }
  console.log(`\nScript swap (shipped model): ${same} of ${serbian.length} Serbian items get the identical score in the other script.`);
}

// Language: the classifier's quick guess and franc against the corpus labels (by group).
{
  const group = (l: string) => (languageGroup(l) === 'sr' ? 'sr' : l);
  const tally = { quick: { right: 0, und: 0, wrong: 0 }, franc: { right: 0, und: 0, wrong: 0 } };
  for (const item of corpus) {
    const guesses = { quick: classify({ title: item.title, text: item.text }).lang, franc: detectLanguage(`${item.title} ${item.text}`).lang };
    for (const k of ['quick', 'franc'] as const) {
      const g = guesses[k];
      tally[k][g === 'und' ? 'und' : g === group(item.lang) ? 'right' : 'wrong']++;
    }
  }
  console.log(
    `Language (Serbo-Croatian as one group): quick guess ${tally.quick.right} right, ${tally.quick.und} undecided, ${tally.quick.wrong} wrong; ` +
      `franc ${tally.franc.right} right, ${tally.franc.und} undecided, ${tally.franc.wrong} wrong (of ${corpus.length}).`,
  );
}

if (process.env.SHOW_ERRORS) {
  console.log('\nErrors (seed ' + seeds[0] + '):');
  for (const r of allRows[0]) {
    if (r.model !== (r.item.label === 'relevant')) {
      console.log(`${r.model ? 'FP' : 'FN'} [${r.item.label} ${r.item.lang}-${r.item.script}] ${r.item.title.slice(0, 100)}`);
    }
  }
}
