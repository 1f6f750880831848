/**
 * `npm run bench`: throughput figures, printed, never asserted in tests.
 * - classifier: items per second on one core over the labelled corpus, and peak memory;
 */
import { classify } from '../../shared/classify/classify';
import { loadCorpus } from '../training/dataset';

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function benchClassifier(): void {
  const items = loadCorpus().map((r) => ({ title: r.title, text: r.text }));
  // Warm-up: JIT and the stem/fold caches, as in a long-running monitor.
  for (const item of items) classify(item);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 60);
  const start = process.hrtime.bigint();
  let relevant = 0;
  for (let r = 0; r < rounds; r++) for (const item of items) if (classify(item).relevant) relevant++;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const n = rounds * items.length;
  console.log(
    `classifier: ${n} items in ${seconds.toFixed(2)} s = ${Math.round(n / seconds)} items/s (one core; goal >= 20000); ` +
      `peak RSS ${peakRssMb().toFixed(0)} MB; ${relevant / rounds} of ${items.length} relevant`,
  );
}

benchClassifier();

const { runPipelineBench } = await import('../bench/pipeline');
await runPipelineBench();
