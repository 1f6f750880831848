import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStorage } from './index';
import { tempDir } from './testdata/temp-storage';

const WRITER = fileURLToPath(new URL('./testdata/crash-writer.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs the writer until it has reported `minCommits` more commits plus a random extra delay,
 * then SIGKILLs it (no exit handlers, no close). Returns the last article count it reported
 * as committed.
 */
function runAndKill(dir: string, minCommits: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let reported = 0;
    let commits = 0;
    let buffered = '';
    let stderr = '';
    let killing = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        reported = Number(line);
        commits++;
      }
      if (!killing && commits >= minCommits) {
        killing = true;
        // A random extra delay so the kill lands at varied points: mid-transaction, mid-checkpoint.
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 40));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(reported);
      else reject(new Error(`writer exited with ${code ?? signal}: ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it(
    'keeps every committed article with its outbox row when the writer is SIGKILLed',
    async () => {
      const dir = tempDir();
      for (let round = 0; round < 4; round++) {
        const committed = await runAndKill(dir, 30);

        const storage = openStorage(dir);
        try {
          expect(storage.db.sqlite!.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(storage.db.sqlite!.pragma('foreign_key_check')).toEqual([]);
          const articles = await storage.articles.count();
          // Nothing the writer saw committed is lost ...
          expect(articles).toBeGreaterThanOrEqual(committed);
          // ... and no transaction is half there: every article has its alert, and vice versa.
          const orphans = (await storage.db.get<{ n: number }>(
            'SELECT count(*) AS n FROM articles a LEFT JOIN alerts l ON l.article_id = a.id WHERE l.id IS NULL',
          ))!;
          expect(orphans.n).toBe(0);
          expect(await storage.alerts.pendingCount()).toBe(articles);
          expect(articles % 5).toBe(0);
        } finally {
          await storage.close();
        }
      }
    },
    60_000,
  );
});
