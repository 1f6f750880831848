import { defineConfig } from 'wxt';
import { DEFAULT_MATCHES } from './extension/lib/default-sites';

/**
 * Extra content-script match patterns for test hosts, comma separated
 * (`EXTENSION_EXTRA_MATCHES='http://127.0.0.1/*'`): the end-to-end suite builds with it so the
 * content script runs on its local fixture pages. Release builds leave it unset.
 */
const extraMatches = (process.env.EXTENSION_EXTRA_MATCHES ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

/** Where the builds go; the end-to-end suite builds into a temporary directory instead. */
const outDir = process.env.EXTENSION_OUT_DIR || '.output';

export default defineConfig({
  srcDir: 'extension',
  outDir,
  // Every import is written out; no auto-imports, so the code reads the same in tsc and vitest.
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Nadzor Watch',
    description:
      'Campaign context on news about biometric surveillance in Serbia: timeline, figures, law and what you can do.',
    // storage: settings. scripting: run on the sites a reader adds (registerContentScripts).
    // activeTab: the popup reads the current tab's address only when the reader opens it, to
    // offer "watch this site".
    permissions: ['storage', 'scripting', 'activeTab'],
    // Asked for one origin at a time: a site the reader adds, or the configured server.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_permissions: ['http://*/*', 'https://*/*'] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'nadzor-watch@nadzor.watch',
              // 128: the first release that accepts data_collection_permissions.
              strict_min_version: '128.0',
              // Nothing is sent by default; with a server the reader configures, the article's
              // topics and title terms are (the options page asks for that consent then).
              data_collection_permissions: { required: ['none'], optional: ['websiteContent'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    // The Firefox sources zip (for add-on review) holds what the extension is built from:
    // extension/, shared/, the feed registry and the build files, not the bot, the tests, test
    // artifacts or local data (dotfiles such as .env are excluded by WXT already).
    excludeSources: ['bot/**', 'test/**', 'test-artifacts/**', 'data/**', 'coverage/**', '**/*.log'],
    includeSources: ['bot/feeds/default-feeds.json'],
  },
  hooks: {
    // The article content script's matches: the default sites. Written here, not in the
    // entrypoint, so that the feed registry they are computed from is not bundled into the
    // content script (it would be compiled and run on every news page).
    'entrypoints:resolved': (_wxt, entrypoints) => {
      for (const entrypoint of entrypoints) {
        if (entrypoint.type === 'content-script' && entrypoint.name === 'article') entrypoint.options.matches = [...DEFAULT_MATCHES];
      }
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      if (extraMatches.length === 0) return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...new Set([...(script.matches ?? []), ...extraMatches])];
      }
    },
  },
});
