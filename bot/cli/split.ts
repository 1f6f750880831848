/**
 * `npm run split`: chooses the frozen test part, once, before the model is changed.
 *
 * All labelled real items are grouped by story (copies of one report stay together). Stories
 * that hold an item of the shared corpus stay in training: the concept lexicon was written
 * while reading those, so they could never be an honest test. Of the other stories, a share
 * chosen by a hash of the story (deterministic, blind to labels and text) becomes the frozen
 * test, sized so that it holds at least 30% of all labelled items. The test ids go to
 * test/fixtures/corpus/frozen-test-ids.txt and the training ids to training-ids.txt; both are
 * written once (`--force` starts a new protocol).
 *
 * `npm run split -- --extend` assigns items collected later: a new item whose story already has
 * an assigned item joins that side; a new story joins the test by the same hash rule, at a
 * share that keeps the test at 30% or more. Nothing already assigned ever moves.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { FROZEN_TEST_FILE, TRAINING_IDS_FILE, loadFrozenTestIds, loadLabelled } from '../training/dataset';
import { fnv1a32 } from '../reader/normalize';
import { storyGroups } from '../training/stories';

const SHARE_OF_ALL = 0.3;
const extend = process.argv.includes('--extend');

if (existsSync(FROZEN_TEST_FILE) && !extend && !process.argv.includes('--force')) {
  console.error(`${FROZEN_TEST_FILE} exists: the frozen test is chosen once. Use --extend for new items, --force only to start a new protocol.`);
  process.exit(2);
}

const items = loadLabelled();
const groups = storyGroups(items);
const members = new Map<number, number[]>();
groups.forEach((g, i) => members.set(g, [...(members.get(g) ?? []), i]));

/** FNV-1a of the story's smallest item id, in [0, 1): an order that knows nothing of labels or text. */
const hashOf = (m: number[]): number => fnv1a32(m.map((i) => items[i].id).sort()[0]) / 4294967296;

const test = new Set<string>(extend ? loadFrozenTestIds() : []);
const training = new Set<string>(extend && existsSync(TRAINING_IDS_FILE) ? readIds(TRAINING_IDS_FILE) : []);
const stories = [...members.values()].sort((a, b) => hashOf(a) - hashOf(b));

if (!extend) {
  const target = Math.ceil(items.length * SHARE_OF_ALL);
  for (const m of stories) {
    const eligible = m.every((i) => items[i].source === 'collected');
    const side = eligible && test.size < target ? test : training;
    for (const i of m) side.add(items[i].id);
  }
} else {
  const fresh = stories.filter((m) => m.some((i) => !test.has(items[i].id) && !training.has(items[i].id)));
  const freshCount = fresh.reduce((n, m) => n + m.length, 0);
  const needed = Math.max(0, Math.ceil((test.size + training.size + freshCount) * SHARE_OF_ALL) - test.size);
  // The share of new stories that goes to the test, from the hash alone.
  const share = Math.min(1, (needed / Math.max(1, freshCount)) * 1.15);
  for (const m of fresh) {
    const ids = m.map((i) => items[i].id);
    const side = ids.some((id) => test.has(id))
      ? test
      : ids.some((id) => training.has(id)) || m.some((i) => items[i].source !== 'collected')
        ? training
        : hashOf(m) < share
          ? test
          : training;
    for (const id of ids) side.add(id);
  }
}

const header = (what: string): string =>
  `# ${what} (npm run split${extend ? ' -- --extend' : ''}, ${new Date().toISOString().slice(0, 10)}): ` +
  `test ${test.size}, training ${training.size} of ${items.length} labelled real items, by story.\n`;
writeFileSync(
  FROZEN_TEST_FILE,
  header('Frozen test part') + '# Never read these items while editing concepts, features or training options.\n' + [...test].sort().join('\n') + '\n',
);
writeFileSync(TRAINING_IDS_FILE, header('Training part') + [...training].sort().join('\n') + '\n');
console.log(`frozen test: ${test.size} of ${items.length} items (${((100 * test.size) / items.length).toFixed(1)}%); training ${training.size}`);

function readIds(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}
