import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The classifier ships inside the browser extension: with its weights, lexicon, stemmers and
 * text handling it must stay small. Bundled and minified for the browser, as WXT would.
 */
describe('classifier bundle', () => {
  it('is at most 150 KB minified, with its weights, and needs nothing from Node', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./classify.ts', import.meta.url))],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const bytes = result.outputFiles[0].contents.byteLength;
    console.log(`classifier bundle: ${(bytes / 1024).toFixed(1)} KB minified`);
    expect(bytes).toBeLessThanOrEqual(150 * 1024);
  });
});
