/**
 * The extension keeps itself honest (as refined-github does): every feature file has its test
 * beside it and a line in the README; helpers never sit loose in entrypoints/; no module builds
 * markup from strings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIR = path.dirname(fileURLToPath(import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(path.join(DIR, dir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f));

function walk(dir: string): string[] {
  return readdirSync(path.join(DIR, dir)).flatMap((f) => {
    const rel = path.join(dir, f);
    return statSync(path.join(DIR, rel)).isDirectory() ? walk(rel) : [rel];
  });
}

describe('extension conventions', () => {
  const readme = readFileSync(path.join(DIR, 'README.md'), 'utf8');

  it.each(sources('features'))('%s has a test and a README line', (file) => {
    const base = file.replace(/\.ts$/, '');
    expect(readdirSync(path.join(DIR, 'features'))).toContain(path.basename(base) + '.test.ts');
    expect(readme).toContain('`' + file.split(path.sep).join('/') + '`');
  });

  it('entrypoints/ holds only entrypoints', () => {
    const top = readdirSync(path.join(DIR, 'entrypoints'));
    for (const entry of top) {
      expect(entry, entry).toMatch(/^(background\.ts|[\w-]+\.content|popup|options)$/);
    }
  });

  it('nothing assigns innerHTML, outerHTML or uses insertAdjacentHTML / document.write', () => {
    const files = walk('.').filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const code = readFileSync(path.join(DIR, file), 'utf8');
      expect(code, file).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/);
    }
  });
});
