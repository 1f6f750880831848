/**
 * `npm start` as a process: with no tokens, with feeds that cannot be reached, and with a
 * malformed FEEDS_FILE.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'nadzor-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(env: Record<string, string>, until: RegExp | null, timeoutMs = 60_000) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, CI: 'true', HTTP_PORT: '0', DATA_DIR: join(dir, 'data-' + Math.random().toString(36).slice(2)), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  return new Promise<{ code: number | null; output: string; stillRunning: boolean }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out; output so far:\n${output}`));
    }, timeoutMs);
    let stoppedByUs = false;
    const check = setInterval(() => {
      if (until && until.test(output)) {
        clearInterval(check);
        stoppedByUs = true;
        child.kill('SIGTERM');
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(check);
      clearTimeout(timer);
      resolve({ code, output, stillRunning: stoppedByUs });
    });
  });
}

describe('npm start', () => {
  it('says which feeds failed when they cannot be reached, and keeps running', { timeout: 90_000 }, async () => {
    const feeds = [
      { outlet: 'Nowhere', url: 'http://127.0.0.1:9/feed.xml', language: 'sr', script: 'Latn', scope: 'domestic', homepage: 'http://127.0.0.1/' },
      { outlet: 'Nowhere else', url: 'http://127.0.0.1:9/other.xml', language: 'en', script: 'Latn', scope: 'international', homepage: 'http://127.0.0.1/' },
    ];
    writeFileSync(join(dir, 'unreachable.json'), JSON.stringify(feeds));
    const r = await run({ FEEDS_FILE: join(dir, 'unreachable.json') }, /cycle done/);
    expect(r.stillRunning).toBe(true);
    expect(r.output).toMatch(/feed failed: Nowhere <http:\/\/127\.0\.0\.1:9\/feed\.xml>/);
    expect(r.output).toMatch(/2 failed/);
    expect(r.output).toMatch(/every feed failed this cycle: is this machine offline/);
    expect(r.code).toBe(0); // SIGTERM: a clean stop
  });

  it('stops at start-up on a malformed FEEDS_FILE, naming the entry and the field', { timeout: 60_000 }, async () => {
    writeFileSync(join(dir, 'bad.yaml'), '- outlet: Danas\n  url: https://www.danas.rs/feed/\n  language: sr\n  script: Latn\n  scope: local\n  homepage: https://www.danas.rs/\n');
    const r = await run({ FEEDS_FILE: join(dir, 'bad.yaml') }, null);
    expect(r.stillRunning).toBe(false);
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/entry 1 \("Danas"\): field "scope"/);
  });

  it('stops at start-up on a bad setting, naming the variable', { timeout: 60_000 }, async () => {
    const r = await run({ POLL_CRON: 'every now and then', ALERT_MIN_SCORE: '7' }, null);
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/POLL_CRON/);
    expect(r.output).toMatch(/ALERT_MIN_SCORE/);
  });

  it('stops at start-up on Discord or Telegram settings that do not fit together', { timeout: 60_000 }, async () => {
    const r = await run({ DISCORD_WEBHOOK_URL: 'https://example.com/not-a-webhook', TELEGRAM_BOT_TOKEN: '123456:ABCdefGhIJKlmnoPQRstuVWxyz' }, null);
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/DISCORD_WEBHOOK_URL/);
    expect(r.output).toMatch(/TELEGRAM_CHAT_ID/);
    expect(r.output).not.toMatch(/ABCdefGhIJKlmnoPQRstuVWxyz/); // tokens never reach a log
  });
});
