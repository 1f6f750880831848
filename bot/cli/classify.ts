/**
 * `npm run --silent classify -- --jsonl FILE` (or JSONL on stdin): one JSON line out per line
 * in, in order (`title`, `text`, optional `lang`, `scope`, `url`). `npm run --silent classify --
 * "some text"`: a readable explanation.
 * A bad input line gets an error on stderr naming the line; the other lines go on.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { classify } from '../../shared/classify/classify';
import type { Classification, Scope } from '../../shared/model/types';
import { stripControls, terminalJson } from '../terminal-text';
import { endQuietlyOnClosedPipe } from './pipe';
import { verdictLine } from './verdict';

const HELP = `usage:
  npm run --silent classify -- "some text"       explain one title or text: verdict, topics, why
  npm run --silent classify -- --jsonl FILE      one JSON line out per JSON line in ({"title","text"} and optional "lang", "scope", "url")
  … | npm run --silent classify [-- --jsonl]     the same, JSONL on stdin
  npm run --silent classify -- --help            this help`;

/** The contract other tools rely on: exactly these keys, in this order. */
function toJsonLine(c: Classification): string {
  const { relevant, score, topics, reasons, lang, script } = c;
  return terminalJson({ relevant, score, topics, reasons, lang, script });
}

/** Classifies one JSONL line, or says on stderr why it cannot; stdout still gets a line. */
export function classifyLine(line: string, lineNumber: number): { out: string; error?: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return errorLine(lineNumber, `not valid JSON (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return errorLine(lineNumber, 'expected a JSON object with "title" and "text"');
  }
  const { title, text, lang, scope, url } = value as Record<string, unknown>;
  if (title !== undefined && typeof title !== 'string') return errorLine(lineNumber, '"title" must be a string');
  if (text !== undefined && typeof text !== 'string') return errorLine(lineNumber, '"text" must be a string');
  if (lang !== undefined && lang !== null && typeof lang !== 'string') return errorLine(lineNumber, '"lang" must be a string');
  if (scope !== undefined && scope !== null && scope !== 'domestic' && scope !== 'international') {
    return errorLine(lineNumber, '"scope" must be "domestic" or "international"');
  }
  if (url !== undefined && url !== null && typeof url !== 'string') return errorLine(lineNumber, '"url" must be a string');
  if (!title && !text) return errorLine(lineNumber, 'needs a non-empty "title" or "text"');
  // scope and url are optional context: absent, the item is judged on its text alone.
  const input = { title: title ?? '', text: text ?? '', lang: lang ?? undefined, scope: (scope ?? undefined) as Scope | undefined, url: url ?? undefined };
  return { out: toJsonLine(classify(input)) };
}

/**
 * A line that cannot be classified still yields one output line (so output line N always
 * answers input line N), carrying an "error" field; the message also goes to stderr.
 */
function errorLine(lineNumber: number, message: string): { out: string; error: string } {
  const error = `line ${lineNumber}: ${message}`;
  return { out: terminalJson({ error }), error: stripControls(error) };
}

async function runJsonl(input: NodeJS.ReadableStream): Promise<void> {
  let n = 0;
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const raw of rl) {
    n++;
    const line = raw.replace(/^\uFEFF/, '');
    if (line.trim() === '') {
      process.stderr.write(`line ${n}: empty line\n`);
      process.stdout.write(JSON.stringify({ error: `line ${n}: empty line` }) + '\n');
      continue;
    }
    const { out, error } = classifyLine(line, n);
    if (error) process.stderr.write(error + '\n');
    process.stdout.write(out + '\n');
  }
}

function explain(text: string): void {
  const input = { title: text };
  const c = classify(input);
  // The reasons quote the text's own words: printed without control characters.
  const print = (line: string) => console.log(stripControls(line));
  print(verdictLine(input, c));
  print(`lang ${c.lang}  script ${c.script ?? '-'}`);
  print(`topics: ${c.topics.length ? c.topics.join(', ') : '(none)'}`);
  print('why:');
  for (const r of c.reasons) print(`  - ${r}`);
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP);
    return;
  }
  const i = argv.indexOf('--jsonl');
  const file = i >= 0 ? argv[i + 1] : undefined;
  if (file && file !== '-') {
    // Bad lines are reported per line (stderr and an "error" object); the run still succeeds.
    await runJsonl(createReadStream(file));
    return;
  }
  // `--jsonl` without a file (or with "-") reads stdin, like no argument at all.
  const text = i >= 0 ? '' : argv.filter((a) => !a.startsWith('--')).join(' ').trim();
  if (text) return explain(text);
  // Nothing to read from a terminal: someone typed the bare command. Say how to use it
  // instead of waiting silently for JSONL.
  if (process.stdin.isTTY) {
    process.stderr.write(HELP + '\n');
    process.exitCode = 2;
    return;
  }
  await runJsonl(process.stdin);
}

endQuietlyOnClosedPipe();
main(process.argv.slice(2)).catch((e: Error) => {
  process.stderr.write(`classify: ${stripControls(e.message)}\n`);
  process.exitCode = 2;
});
