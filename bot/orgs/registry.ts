/**
 * The tracked organisations: whose names press officers want counted in the coverage
 * (GET /api/mentions). The packaged list (default-orgs.json, drawn from the campaign's actors
 * in shared/context/actors.ts) or an ORGS_FILE that replaces it, checked as strictly as a
 * FEEDS_FILE: every problem is reported at start, by entry and field.
 */
import { readFileSync } from 'node:fs';
import { parseName } from './match';
import { readListFile } from '../list-file';

export const ORG_KINDS = ['civil-society', 'state', 'company', 'international', 'media', 'person'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** One tracked organisation. */
export interface TrackedOrg {
  /** Stable kebab-case id, used in the API and in exports. */
  id: string;
  kind?: OrgKind;
  /** Display name in English and in Serbian Latin; the dashboard makes the Cyrillic. */
  name: { en: string; sr: string };
  /**
   * The names to find it by, in any language and script. Matched as whole words after
   * folding (case, script and diacritics do not matter); a word ending in `*` matches any
   * word that starts with it ("Šer fondacij*" for fondacija, fondacije, fondacijom).
   */
  names: string[];
}

/** An organisations list that cannot be used; start-up stops on it. */
export class OrgsFileError extends Error {
  override name = 'OrgsFileError';
  /** One line per problem, each naming the entry and the field. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

const FIELDS = ['id', 'kind', 'name', 'names'] as const;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function entryLabel(index: number, entry: unknown): string {
  const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
  return typeof record.id === 'string' && record.id.trim() !== ''
    ? `entry ${index + 1} (${JSON.stringify(record.id)})`
    : `entry ${index + 1}`;
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function fieldProblems(entry: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(entry)) {
    if (!(FIELDS as readonly string[]).includes(key)) problems.push(`field "${key}" is not an organisation field (expected ${FIELDS.join(', ')})`);
  }
  if (entry.id === undefined) problems.push('field "id" is missing');
  else if (typeof entry.id !== 'string' || !ID.test(entry.id)) problems.push('field "id" must be a kebab-case id such as "share-foundation"');
  if (entry.kind !== undefined && !(ORG_KINDS as readonly unknown[]).includes(entry.kind)) {
    problems.push(`field "kind" must be ${ORG_KINDS.map((k) => `"${k}"`).join(' or ')}`);
  }
  const name = entry.name;
  if (name === undefined) problems.push('field "name" is missing');
  else if (typeof name !== 'object' || name === null || Array.isArray(name)) problems.push('field "name" must be an object with "en" and "sr"');
  else {
    const n = name as Record<string, unknown>;
    for (const lang of ['en', 'sr']) if (!nonEmpty(n[lang])) problems.push(`field "name.${lang}" must be a non-empty string`);
    for (const key of Object.keys(n)) if (key !== 'en' && key !== 'sr') problems.push(`field "name.${key}" is not expected (only "en" and "sr")`);
  }
  const names = entry.names;
  if (names === undefined) problems.push('field "names" is missing');
  else if (!Array.isArray(names) || names.length === 0) problems.push('field "names" must be a non-empty list of names');
  else {
    names.forEach((n: unknown, i) => {
      if (!nonEmpty(n)) {
        problems.push(`field "names" item ${i + 1} must be a non-empty string`);
        return;
      }
      const parsed = parseName(n);
      if (typeof parsed === 'string') problems.push(`field "names" item ${i + 1}: ${parsed}`);
    });
  }
  return problems;
}

/**
 * Checks a parsed organisations list and returns it typed. Unknown fields, malformed names
 * and repeated ids are errors, all collected and prefixed with `source`.
 */
export function validateOrgs(data: unknown, source: string): TrackedOrg[] {
  if (!Array.isArray(data)) throw new OrgsFileError([`${source}: must be a list of organisations`]);
  if (data.length === 0) throw new OrgsFileError([`${source}: the list is empty; at least one organisation is needed`]);
  const problems: string[] = [];
  const seen = new Map<string, number>();
  data.forEach((entry: unknown, index) => {
    const label = entryLabel(index, entry);
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${source}: ${label}: must be an object with the fields ${FIELDS.join(', ')}`);
      return;
    }
    problems.push(...fieldProblems(entry as Record<string, unknown>).map((p) => `${source}: ${label}: ${p}`));
    const id = (entry as Record<string, unknown>).id;
    if (typeof id === 'string') {
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else problems.push(`${source}: ${label}: field "id" repeats ${entryLabel(first, data[first])}`);
    }
  });
  if (problems.length) throw new OrgsFileError(problems);
  return (data as TrackedOrg[]).map((o) => ({
    id: o.id,
    ...(o.kind ? { kind: o.kind } : {}),
    name: { en: o.name.en.trim(), sr: o.name.sr.trim() },
    names: o.names.map((n) => n.trim()),
  }));
}

/** Reads, parses (JSON or YAML, by extension, else JSON then YAML) and validates an ORGS_FILE. */
export function readOrgsFile(path: string): TrackedOrg[] {
  const { data, source } = readListFile(path, 'ORGS_FILE', (problems) => new OrgsFileError(problems));
  return validateOrgs(data, source);
}

let defaults: TrackedOrg[] | undefined;

/** The packaged list (bot/orgs/default-orgs.json), validated once on first use. */
export function defaultOrgs(): TrackedOrg[] {
  if (!defaults) {
    const path = new URL('./default-orgs.json', import.meta.url);
    defaults = validateOrgs(JSON.parse(readFileSync(path, 'utf8')), 'default-orgs.json');
  }
  return defaults.map((o) => ({ ...o, name: { ...o.name }, names: [...o.names] }));
}

/**
 * The organisations to track: the ORGS_FILE list, which replaces the defaults entirely, or
 * the defaults when it is unset or blank. Throws OrgsFileError on any problem.
 */
export function loadOrgs(env: { ORGS_FILE?: string | undefined } = process.env): TrackedOrg[] {
  const file = env.ORGS_FILE?.trim();
  return file ? readOrgsFile(file) : defaultOrgs();
}
