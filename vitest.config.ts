import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Three projects: the Node tests beside the code in bot/ and shared/ (and test/), the
 * extension's unit tests with WXT's plugin (fakeBrowser stands in for `browser`), and the
 * end-to-end suite that builds the extension and loads it into headless Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: [...configDefaults.include],
          exclude: [...configDefaults.exclude, 'extension/**', 'test/e2e-extension/**', '.output/**', '.wxt/**'],
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'extension',
          include: configDefaults.include.map((pattern) => `extension/${pattern}`),
        },
      },
      {
        test: {
          name: 'e2e-extension',
          include: configDefaults.include.map((pattern) => `test/e2e-extension/${pattern}`),
          // Builds the extension once, then drives Chromium: slower than unit tests.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
