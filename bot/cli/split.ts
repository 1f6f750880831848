/**
 * `npm run split`: chooses the frozen test part, once, before the model is changed.
 *
 * All labelled real items are grouped by story (copies of one report stay together). Stories
 * that hold an item of the shared corpus stay in training: the concept lexicon was written
 * while reading those, so they could never be an honest test. Of the other stories, a share
 * chosen by a hash of the story (deterministic, blind to labels and text) becomes the frozen
 * test, sized so that it holds at least 30% of all labelled items. The ids are written to
 * test/fixtures/corpus/frozen-test-ids.txt; an existing file is never overwritten unless
 * `--force` is given, and new items collected later only ever join the training part.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { FROZEN_TEST_FILE, loadLabelled } from '../training/dataset';
import { storyGroups } from '../training/stories';

const SHARE_OF_ALL = 0.3;

if (existsSync(FROZEN_TEST_FILE) && !process.argv.includes('--force')) {
  console.error(`${FROZEN_TEST_FILE} exists: the frozen test is chosen once. Use --force only to start a new protocol.`);
  process.exit(2);
}

const items = loadLabelled();
const groups = storyGroups(items);
const members = new Map<number, number[]>();
groups.forEach((g, i) => members.set(g, [...(members.get(g) ?? []), i]));
const eligible = [...members.values()].filter((m) => m.every((i) => items[i].source === 'collected'));

/** FNV-1a of the story's smallest item id: an order that knows nothing of labels or text. */
const keyOf = (m: number[]): number => {
  const id = m.map((i) => items[i].id).sort()[0];
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
};
eligible.sort((a, b) => keyOf(a) - keyOf(b));
const target = Math.ceil(items.length * SHARE_OF_ALL);
const chosen: string[] = [];
for (const m of eligible) {
  if (chosen.length >= target) break;
  for (const i of m) chosen.push(items[i].id);
}
writeFileSync(
  FROZEN_TEST_FILE,
  `# Frozen test part (npm run split, ${new Date().toISOString().slice(0, 10)}): ${chosen.length} of ${items.length} labelled items, by story.\n` +
    '# Never read these items while editing concepts, features or training options.\n' +
    chosen.sort().join('\n') +
    '\n',
);
console.log(`frozen test: ${chosen.length} of ${items.length} items (${eligible.length} eligible stories); wrote ${FROZEN_TEST_FILE}`);
