/**
 * `npm run import -- FILE`: loads past coverage (CSV, JSONL, JSON) or a feed list (OPML) into
 * the database, with a progress bar. See bot/import/cli.ts for the options.
 */
import { runImport } from '../import/cli';

runImport(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`import failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
