/**
 * The command-line contracts other tools rely on: `classify --jsonl` (one JSON line out per line
 * in, in order, bad lines reported by number) and `feeds parse --json`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'nadzor-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tsx = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });

describe('classify --jsonl', () => {
  const lines = [
    JSON.stringify({ title: 'Kamere za prepoznavanje lica u Beogradu', text: 'MUP Srbije postavlja nove kamere.', extra: 1 }),
    'this is not json',
    JSON.stringify({ title: 'Правно лице и физичко лице', text: '', lang: 'sr' }),
    JSON.stringify({ text: 42 }),
    JSON.stringify({ title: 'Weather in Belgrade', text: 'Sunny and warm.' }),
  ];

  it('writes exactly one line per input line, in order, with the documented keys', () => {
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const r = tsx(['bot/cli/classify.ts', '--jsonl', file]);
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(lines.length);
    expect(Object.keys(out[0])).toEqual(['relevant', 'score', 'topics', 'reasons', 'lang', 'script']);
    expect(out[0]).toMatchObject({ relevant: true, lang: 'sr', script: 'Latn' });
    expect(out[1].error).toMatch(/^line 2: /);
    expect(out[2]).toMatchObject({ relevant: false, script: 'Cyrl', lang: 'sr' });
    expect(out[3].error).toMatch(/^line 4: "text" must be a string/);
    expect(out[4]).toMatchObject({ relevant: false });
    expect(r.stderr).toMatch(/line 2: not valid JSON/);
    expect(r.stderr).toMatch(/line 4: /);
  });

  it('takes optional scope and url, checks them, and keeps the output contract', () => {
    const item = { title: 'Nove kamere na ulicama', text: 'Gradska uprava najavila je proširenje sistema video nadzora.' };
    const input = [
      JSON.stringify(item),
      JSON.stringify({ ...item, scope: 'domestic', url: 'https://www.example.rs/beograd/nove-kamere-na-ulicama' }),
      JSON.stringify({ ...item, scope: 'national' }),
      JSON.stringify({ ...item, url: 7 }),
      JSON.stringify({ ...item, scope: null, url: null }),
    ].join('\n');
    const r = tsx(['bot/cli/classify.ts'], input + '\n');
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(Object.keys(out[1])).toEqual(['relevant', 'score', 'topics', 'reasons', 'lang', 'script']);
    // The domestic outlet and the Belgrade slug say "Serbia" where the text does not.
    expect(out[1].score).toBeGreaterThan(out[0].score);
    expect(out[2].error).toMatch(/^line 3: "scope" must be "domestic" or "international"/);
    expect(out[3].error).toMatch(/^line 4: "url" must be a string/);
    expect(out[4]).toEqual(out[0]);
  });

  it('reads stdin without --jsonl', () => {
    const r = tsx(['bot/cli/classify.ts'], lines[0] + '\n');
    expect(JSON.parse(r.stdout.trim()).relevant).toBe(true);
  });

  it('prints its usage on --help', () => {
    const r = tsx(['bot/cli/classify.ts', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage:/);
    expect(r.stdout).toContain('--jsonl FILE');
  });

  it('ends quietly when the reader closes the pipe (| head -1)', () => {
    const file = join(dir, 'many.jsonl');
    writeFileSync(file, (lines[0] + '\n').repeat(3000));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" --import tsx bot/cli/classify.ts --jsonl "${file}" | head -1`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
  });

  it('says why a text was rejected, with the threshold', () => {
    const r = tsx(['bot/cli/classify.ts', 'Rezultati fudbalske lige']);
    expect(r.stdout).toMatch(/^not relevant: score \d\.\d{3} < threshold \d/);
    expect(r.stdout).toMatch(/missing: no surveillance term/);
  });

  it('explains one text readably', () => {
    const r = tsx(['bot/cli/classify.ts', 'Полиција у Београду користи камере за препознавање лица']);
    expect(r.stdout).toMatch(/^RELEVANT/);
    expect(r.stdout).toMatch(/face recognition: "препознавање лица"/);
  });
});

describe('feeds list', () => {
  it('fits the table in 100 columns', () => {
    const r = tsx(['bot/cli/feeds.ts', 'list']);
    expect(r.status).toBe(0);
    const widths = r.stdout.split('\n').map((l) => [...l].length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(100);
  });
});

describe('feeds parse --json', () => {
  it('prints one JSON line per input: the feed, or an error', () => {
    const garbage = join(dir, 'garbage.xml');
    writeFileSync(garbage, '\u0000\u00ff not a feed');
    const r = tsx(['bot/cli/feeds.ts', 'parse', 'bot/reader/testdata/rss2-latin.xml', garbage, '--json']);
    const [ok, bad] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(ok).toMatchObject({ input: 'bot/reader/testdata/rss2-latin.xml', ok: true, feed: { title: expect.any(String) } });
    expect(Object.keys(ok.items[0])).toEqual(['id', 'url', 'title', 'summary', 'content', 'published', 'updated', 'author', 'enclosures']);
    expect(ok.items[0].published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(ok.items[0].summary).not.toMatch(/<[a-z]/i);
    expect(bad).toMatchObject({ input: garbage, ok: false, error: expect.any(String) });
    expect(r.status).toBe(1);
  });
});
