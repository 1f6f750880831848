import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * Operator-supplied list files (FEEDS_FILE, ORGS_FILE): JSON or YAML, read the same way and
 * failing with the same kind of message, `<VARIABLE> <absolute path>: <what is wrong>`.
 */

/** Parses by extension; anything else is tried as JSON, then as YAML (a JSON superset). */
export function parseJsonOrYaml(text: string, path: string): unknown {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return JSON.parse(text);
  if (ext === '.yaml' || ext === '.yml') return parseYaml(text);
  try {
    return JSON.parse(text);
  } catch {
    return parseYaml(text);
  }
}

/**
 * Reads and parses the file `path` named by `variable`. Returns the data and the `source`
 * prefix for validation messages; throws `fail([message])` when it cannot be read or parsed.
 */
export function readListFile(path: string, variable: string, fail: (problems: string[]) => Error): { data: unknown; source: string } {
  const absolute = resolve(path);
  const source = `${variable} ${absolute}`;
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (err) {
    throw fail([`${source}: cannot read it: ${(err as Error).message}`]);
  }
  try {
    return { data: parseJsonOrYaml(text, absolute), source };
  } catch (err) {
    throw fail([`${source}: not valid JSON or YAML: ${(err as Error).message}`]);
  }
}

/** An absolute http(s) URL with a host (the one check, shared/url). */
export { isHttpUrl } from '../shared/url/http-url';
