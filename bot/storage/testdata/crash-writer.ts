/**
 * Child process for the crash-safety test: writes articles with their outbox rows, a few per
 * transaction, until it is killed. After each commit it prints the total number of articles,
 * so the parent knows what must have survived. Usage: crash-writer.ts <dataDir>
 */
import { openStorage } from '../index';
import { article } from './fixtures';

const dir = process.argv[2];
if (!dir) throw new Error('usage: crash-writer.ts <dataDir>');
const storage = openStorage(dir);
// Long texts fill WAL pages quickly, so kills also land during automatic checkpoints.
const filler = 'Kamere za prepoznavanje lica u Beogradu. '.repeat(100);
let n = await storage.articles.count();

for (;;) {
  await storage.transaction(async () => {
    for (let i = 0; i < 5; i++) {
      n++;
      const articleId = (await storage.articles.insert(article(n, { text: `${n} ${filler}` })))!;
      await storage.alerts.enqueue({ articleId, storyId: null, kind: 'new', target: 'console', at: new Date().toISOString() });
    }
  });
  process.stdout.write(`${n}\n`);
}
