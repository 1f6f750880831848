/**
 * `npm run bench`: throughput figures, printed, never asserted in tests.
 * - classifier: items per second on one core over the labelled corpus, and peak memory;
 * - pipeline: 500 local feeds of 50 items, one full monitor cycle;
 * - api: coverage queries and dashboard loads over 50,000 stored articles;
 * - extension: the content script's main-thread time on a 5,000-word article in Chromium.
 * - pages: article pages read by the article stage (fetch, extract, classify, store).
 * - hostile: the hostile-feed run (bot/bench/hostile.ts): /healthz median and max while hostile
 *   feeds are read, event-loop delay, peak memory.
 * - cycle: one poll of 2,000 local feeds on SQLite, and on PostgreSQL with one and with three
 *   instances (bot/bench/cycle.ts).
 * - api-scale: the API over 1,000,000 articles on SQLite and on PostgreSQL
 *   (bot/bench/api-scale.ts). Opt-in by name: it takes a quarter of an hour or more.
 */
import { classify } from '../../shared/classify/classify';
import { loadCorpus } from '../training/dataset';

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function benchClassifier(): void {
  const items = loadCorpus().map((r) => ({ title: r.title, text: r.text }));
  // Warm-up: JIT and the per-word caches, as in a long-running monitor.
  for (const item of items) classify(item);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
  // Several trials, median reported: a shared 2-core machine is noisy from one second to the next.
  const rates: number[] = [];
  let relevant = 0;
  for (let trial = 0; trial < 7; trial++) {
    const start = process.hrtime.bigint();
    relevant = 0;
    for (let r = 0; r < rounds; r++) for (const item of items) if (classify(item).relevant) relevant++;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push((rounds * items.length) / seconds);
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)];
  console.log(
    `classifier: ${Math.round(median)} items/s median of ${rates.length} trials (min ${Math.round(rates[0])}, max ${Math.round(rates[rates.length - 1])}; ` +
      `${rounds * items.length} corpus items each, one core; goal >= 20000); peak RSS ${peakRssMb().toFixed(0)} MB; ${relevant / rounds} of ${items.length} relevant`,
  );
}

// `npm run bench -- pipeline` (or classifier, api, hostile, cycle, ...) runs one part; no argument
// runs them all except api-scale, which runs only when named.
const only = process.argv.slice(2);
const OPT_IN = new Set(['api-scale']);
const wanted = (part: string) => (only.length === 0 && !OPT_IN.has(part)) || only.includes(part);

if (wanted('classifier')) benchClassifier();
if (wanted('pipeline')) {
  const { runPipelineBench } = await import('../bench/pipeline');
  await runPipelineBench();
}
if (wanted('pages')) {
  const { runPagesBench } = await import('../bench/pages');
  await runPagesBench();
}
if (wanted('hostile')) {
  const { runHostileBench } = await import('../bench/hostile');
  await runHostileBench();
}
if (wanted('api')) {
  const { runApiBench } = await import('../api/bench');
  await runApiBench();
}
if (wanted('cycle')) {
  const { runCycleBench } = await import('../bench/cycle');
  await runCycleBench();
}
if (wanted('api-scale')) {
  const { runApiScaleBench } = await import('../bench/api-scale');
  await runApiScaleBench();
}
if (wanted('extension')) {
  const { runExtensionBench } = await import('../bench/extension');
  await runExtensionBench();
}
