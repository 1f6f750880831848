/**
 * Builds the extension for the end-to-end suite: Chrome MV3, with the content script also
 * matching the local fixture host (EXTENSION_EXTRA_MATCHES), into a temporary directory so the
 * release build in .output/ is left alone.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export async function buildExtensionForTests(root: string, outDir: string): Promise<string> {
  const wxt = path.join(root, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [wxt, 'build', '-b', 'chrome'], {
      cwd: root,
      env: { ...process.env, EXTENSION_EXTRA_MATCHES: 'http://127.0.0.1/*', EXTENSION_OUT_DIR: outDir, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  const dir = path.join(outDir, 'chrome-mv3');
  if (code !== 0 || !existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`wxt build failed (exit ${code}):\n${output.join('')}`);
  }
  return dir;
}
