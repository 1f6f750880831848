import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * The storage-backed suites that also run on PostgreSQL (`node-postgres`), so every query
 * means the same on both backends: the per-entity storage suites, the API query suites, and
 * the suites whose own queries or claims go through storage (commands, digests, the delivery
 * worker, the processor and story grouping). There `tempStorage()` gives a fresh database
 * (a copy of a migrated template) in one throwaway cluster per run (test/pg-global-setup.ts).
 *
 * Left out, SQLite-only: crash.test.ts (kill -9 of a writer, then the file's integrity),
 * the suites that open a DATA_DIR themselves (monitor, restart, start, notify-crash, import,
 * dashboard-e2e, terminal escapes); contract.test.ts runs both backends itself. Left out as
 * not about queries and slow: bot/reader/article/stage.test.ts (page reading).
 */
const BOTH_BACKENDS = [
  'bot/storage/alerts.test.ts',
  'bot/storage/articles.test.ts',
  'bot/storage/chat-feeds.test.ts',
  'bot/storage/deliveries.test.ts',
  'bot/storage/feeds.test.ts',
  'bot/storage/index.test.ts',
  'bot/storage/stories.test.ts',
  'bot/storage/subscriptions.test.ts',
  'bot/api/coverage.test.ts',
  'bot/api/search-index.test.ts',
  'bot/api/org-index.test.ts',
  'bot/reader/shared-hosts.test.ts',
  'test/api-articles.test.ts',
  'test/api-coverage.test.ts',
  'test/api-export.test.ts',
  'test/api-server.test.ts',
  'test/api-totals.test.ts',
  'test/api-write.test.ts',
  'bot/commands/commands.test.ts',
  'bot/digest/digest.test.ts',
  'bot/notify/milestones.test.ts',
  'bot/notify/routing.test.ts',
  'bot/notify/worker.test.ts',
  'bot/reader/processor.test.ts',
  'bot/reader/article/story.test.ts',
];

/**
 * Four projects: the Node tests beside the code in bot/ and shared/ (and test/) on SQLite,
 * the storage-backed ones among them again on PostgreSQL, the extension's unit tests with
 * WXT's plugin (fakeBrowser stands in for `browser`), and the end-to-end suite that builds
 * the extension and loads it into headless Chromium.
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
        test: {
          name: 'node-postgres',
          include: BOTH_BACKENDS,
          env: { NADZOR_TEST_BACKEND: 'postgres' },
          globalSetup: ['test/pg-global-setup.ts'],
          // initdb and the template's migrations run once, before the first file.
          hookTimeout: 120_000,
          // Seeding thousands of rows is one round trip a statement on PostgreSQL.
          testTimeout: 30_000,
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
