import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultOrgs, loadOrgs, OrgsFileError, validateOrgs } from './registry';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
function file(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nadzor-orgs-'));
  dirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function problems(data: unknown): readonly string[] {
  try {
    validateOrgs(data, 'test');
  } catch (err) {
    expect(err).toBeInstanceOf(OrgsFileError);
    return (err as OrgsFileError).problems;
  }
  throw new Error('expected an OrgsFileError');
}

describe('defaultOrgs', () => {
  it('lists the organisations press officers asked for, each with names in both scripts', () => {
    const orgs = defaultOrgs();
    for (const id of ['share-foundation', 'partners-serbia', 'bcsp', 'birn', 'edri', 'data-protection-commissioner', 'ministry-of-interior', 'huawei']) {
      expect(orgs.map((o) => o.id)).toContain(id);
    }
    const share = orgs.find((o) => o.id === 'share-foundation')!;
    expect(share.names).toEqual(expect.arrayContaining(['SHARE Foundation', 'Šer fondacij*', 'Шер фондациј*']));
  });
});

describe('validateOrgs', () => {
  const ok = { id: 'x-org', name: { en: 'X', sr: 'Iks' }, names: ['X org'] };

  it('accepts a minimal entry', () => {
    expect(validateOrgs([ok], 'test')).toEqual([ok]);
  });

  it('names every problem by entry and field', () => {
    const found = problems([
      ok,
      { id: 'Bad Id', name: { en: '' }, names: [], extra: 1 },
      { id: 'x-org', name: { en: 'X', sr: 'X' }, names: ['ab*'], kind: 'club' },
    ]);
    expect(found).toEqual([
      'test: entry 2 ("Bad Id"): field "extra" is not an organisation field (expected id, kind, name, names)',
      'test: entry 2 ("Bad Id"): field "id" must be a kebab-case id such as "share-foundation"',
      'test: entry 2 ("Bad Id"): field "name.en" must be a non-empty string',
      'test: entry 2 ("Bad Id"): field "name.sr" must be a non-empty string',
      'test: entry 2 ("Bad Id"): field "names" must be a non-empty list of names',
      'test: entry 3 ("x-org"): field "kind" must be "civil-society" or "state" or "company" or "international" or "media" or "person"',
      'test: entry 3 ("x-org"): field "names" item 1: "ab*": a word ending in * needs at least 3 letters before it',
      'test: entry 3 ("x-org"): field "id" repeats entry 1 ("x-org")',
    ]);
  });

  it('refuses an empty list and a non-list', () => {
    expect(problems([])).toEqual(['test: the list is empty; at least one organisation is needed']);
    expect(problems({})).toEqual(['test: must be a list of organisations']);
  });
});

describe('loadOrgs', () => {
  it('uses the defaults when ORGS_FILE is unset or blank', () => {
    expect(loadOrgs({}).length).toBe(defaultOrgs().length);
    expect(loadOrgs({ ORGS_FILE: ' ' }).length).toBe(defaultOrgs().length);
  });

  it('reads a YAML file that replaces the defaults', () => {
    const path = file('orgs.yaml', '- id: my-org\n  name: { en: My Org, sr: Moja org }\n  names: [My Org, Moja organizacij*]\n');
    expect(loadOrgs({ ORGS_FILE: path })).toEqual([
      { id: 'my-org', name: { en: 'My Org', sr: 'Moja org' }, names: ['My Org', 'Moja organizacij*'] },
    ]);
  });

  it('says which file is wrong', () => {
    const path = file('orgs.json', '{ not json');
    expect(() => loadOrgs({ ORGS_FILE: path })).toThrow(/^ORGS_FILE .*orgs\.json: not valid JSON or YAML/);
    expect(() => loadOrgs({ ORGS_FILE: join(tmpdir(), 'nadzor-missing-orgs.json') })).toThrow(/cannot read it/);
  });
});
