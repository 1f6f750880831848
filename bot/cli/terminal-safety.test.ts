/**
 * What a hostile feed can put on an operator's terminal through the command-line tools:
 * escape sequences (window title, colours, clipboard), C1 controls, bidi overrides and forged
 * lines in titles, element names and stored errors. None of it may reach stdout or stderr raw.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../storage';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'nadzor-cli-term-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}, input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });

/** Anything a terminal would act on: C0 but newline, DEL, C1, bidi controls. */
const TERMINAL_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const OSC_TITLE = '\x1b]0;pwned\x07';
const RED = '\x1b[31m';
const hostileTitle = `Kamere${OSC_TITLE} u Nišu${RED}\x9b2J\u202Eevil\nFAKE LINE`;

// Each case starts one or two Node processes (tsx): slow on a loaded machine, never timed.
describe('command-line output with hostile feed text', { timeout: 60_000 }, () => {
  it('feeds parse (text and --json) prints titles without control characters; the JSON keeps them escaped', () => {
    const feed = join(dir, 'hostile.xml');
    writeFileSync(
      feed,
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T${OSC_TITLE}</title>` +
        `<item><title>${hostileTitle.replace('\n', '&#10;')}</title><link>https://example.rs/a</link></item></channel></rss>`,
    );
    const text = run(['bot/cli/feeds.ts', 'parse', feed]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Kamere.* u Nišu/);
    expect(text.stdout).not.toMatch(TERMINAL_CONTROL);
    const json = run(['bot/cli/feeds.ts', 'parse', feed, '--json']);
    expect(json.stdout).not.toMatch(TERMINAL_CONTROL);
    const parsed = JSON.parse(json.stdout.trim());
    expect(parsed.items[0].title).toContain('Kamere');
  });

  it('feeds parse reports a hostile root element name without its escapes', () => {
    const feed = join(dir, 'root.xml');
    writeFileSync(feed, `<?xml version="1.0"?><x${'\x1b]0;owned\x07'}y><a/></x${'\x1b]0;owned\x07'}y>`);
    const r = run(['bot/cli/feeds.ts', 'parse', feed]);
    expect(r.stdout + r.stderr).not.toMatch(TERMINAL_CONTROL);
    expect(r.stdout).toMatch(/error: /);
  });

  it('feeds status shows a stored error from a server without its escapes', async () => {
    const dataDir = join(dir, 'data');
    const storage = openStorage(dataDir);
    const url = 'https://hostile.example/rss?key=secret';
    await storage.feeds.upsertFromRegistry([{ outlet: `Evil${RED}`, url, language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'https://hostile.example/' }]);
    await storage.feeds.recordFailure(url, `HTTP 500 ${RED}Internal${OSC_TITLE}\r\nforged (${url})`, new Date().toISOString());
    await storage.close();
    const r = run(['bot/cli/feeds.ts', 'status'], { DATA_DIR: dataDir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('HTTP 500 Internal forged');
    expect(r.stdout).not.toContain('key=');
    // The table fits 100 columns, so the error cell is cut; the URL in it lost its query first.
    expect(r.stdout).toMatch(/forged \(https:\/\/host/);
    expect(r.stdout).not.toMatch(TERMINAL_CONTROL);
  });

  it('feeds resume finds a feed by the URL as the log shows it (query cut) or by outlet, and prints no key', async () => {
    const dataDir = join(dir, 'data-resume');
    const storage = openStorage(dataDir);
    const url = 'https://keyed.example/rss?key=s3cret-key';
    await storage.feeds.upsertFromRegistry([{ outlet: 'Keyed', url, language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'https://keyed.example/' }]);
    for (let i = 0; i < 5; i++) await storage.feeds.recordFailure(url, 'HTTP 500', new Date().toISOString());
    await storage.close();
    const byLogForm = run(['bot/cli/feeds.ts', 'resume', 'https://keyed.example/rss?…'], { DATA_DIR: dataDir });
    expect(byLogForm.status).toBe(0);
    expect(byLogForm.stdout).toContain('resumed Keyed <https://keyed.example/rss?…>');
    expect(byLogForm.stdout).not.toContain('s3cret-key');
    expect(run(['bot/cli/feeds.ts', 'resume', 'keyed'], { DATA_DIR: dataDir }).status).toBe(0);
    const unknown = run(['bot/cli/feeds.ts', 'resume', 'Nobody'], { DATA_DIR: dataDir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown feed: Nobody/);
  });

  it('classify prints its explanation and JSON lines without control characters', () => {
    const explain = run(['bot/cli/classify.ts', `Kamere za prepoznavanje lica${OSC_TITLE} u Beogradu${RED}`]);
    expect(explain.stdout).toMatch(/^RELEVANT/);
    expect(explain.stdout).not.toMatch(TERMINAL_CONTROL);
    const jsonl = run(['bot/cli/classify.ts'], {}, JSON.stringify({ title: hostileTitle }) + '\n' + `{"title": "\x9b31m` + '\n');
    expect(jsonl.stdout.trim().split('\n')).toHaveLength(2);
    expect(jsonl.stdout + jsonl.stderr).not.toMatch(TERMINAL_CONTROL);
  });
});
