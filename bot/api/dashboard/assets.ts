/**
 * The dashboard's files: the page, its script and its styles. The script (client/, with
 * uPlot from node_modules) is bundled by esbuild in memory on first use and kept, so
 * `npm start` needs no build step and nothing generated is committed. Nothing is fetched
 * from the network.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Asset {
  body: string;
  type: string;
  etag: string;
}

const asset = (body: string, type: string): Asset => ({
  body,
  type,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
});

let script: Promise<Asset> | undefined;

type Esbuild = typeof import('esbuild');

/**
 * esbuild is a devDependency; an install without devDependencies still has the copy that tsx
 * (a dependency: it runs the bot) brings along, so fall back to that one.
 */
async function loadEsbuild(): Promise<Esbuild> {
  try {
    return await import('esbuild');
  } catch {
    const require = createRequire(import.meta.url);
    const fromTsx = createRequire(join(dirname(require.resolve('tsx/package.json')), 'package.json'));
    return (await import(pathToFileURL(fromTsx.resolve('esbuild')).href)) as Esbuild;
  }
}

/** The bundled client script; built once per process (about 100 ms), then served from memory. */
export function dashboardScript(): Promise<Asset> {
  script ??= (async () => {
    const { build } = await loadEsbuild();
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./client/main.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: ['chrome109', 'firefox115', 'safari15'],
      minify: true,
      legalComments: 'none',
      logLevel: 'silent',
    });
    return asset(result.outputFiles[0].text, 'text/javascript; charset=utf-8');
  })();
  // A failed build is not cached: the next request tries again (and reports the error again).
  script.catch(() => {
    script = undefined;
  });
  return script;
}

let styles: Asset | undefined;

/** uPlot's stylesheet followed by the dashboard's own. */
export function dashboardStyles(): Asset {
  if (!styles) {
    const require = createRequire(import.meta.url);
    const uplotCss = readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');
    const own = readFileSync(new URL('./dashboard.css', import.meta.url), 'utf8');
    styles = asset(`${uplotCss}\n${own}`, 'text/css; charset=utf-8');
  }
  return styles;
}

let page: Asset | undefined;

/** The page: a static shell; the script fills in every text in the chosen language. */
export function dashboardPage(): Asset {
  page ??= asset(readFileSync(new URL('./index.html', import.meta.url), 'utf8'), 'text/html; charset=utf-8');
  return page;
}
