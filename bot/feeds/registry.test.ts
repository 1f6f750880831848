import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../shared/model/types';
import { defaultFeeds, FeedsFileError, loadFeeds, validateFeeds } from './registry';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function writeTemp(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nadzor-feeds-'));
  dirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const danas: FeedEntry = {
  outlet: 'Danas',
  url: 'http://127.0.0.1:8080/danas.xml',
  language: 'sr',
  script: 'Latn',
  scope: 'domestic',
  homepage: 'https://www.danas.rs/',
};
const rts: FeedEntry = { ...danas, outlet: 'RTS', url: 'http://127.0.0.1:8080/rts.xml', script: 'Cyrl', kind: 'outlet' };

/** The message of the FeedsFileError that `fn` throws. */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(FeedsFileError);
    return (err as Error).message;
  }
  throw new Error('expected a FeedsFileError');
}

const invalid = (entries: unknown) => errorOf(() => validateFeeds(entries, 'FEEDS_FILE /x/feeds.yaml'));

describe('loadFeeds', () => {
  it('uses the default list without FEEDS_FILE, or with an empty one', () => {
    expect(loadFeeds({})).toEqual(defaultFeeds());
    expect(loadFeeds({ FEEDS_FILE: '' })).toEqual(defaultFeeds());
  });

  it('replaces the defaults with a JSON file', () => {
    const path = writeTemp('feeds.json', JSON.stringify([danas, rts]));
    expect(loadFeeds({ FEEDS_FILE: path })).toEqual([danas, rts]);
  });

  it('replaces the defaults with a YAML file', () => {
    const path = writeTemp(
      'feeds.yaml',
      `# local fixtures
- outlet: Danas
  url: http://127.0.0.1:8080/danas.xml
  language: sr
  script: Latn
  scope: domestic
  homepage: https://www.danas.rs/
- outlet: RTS
  url: http://127.0.0.1:8080/rts.xml
  language: sr
  script: Cyrl
  scope: domestic
  homepage: https://www.danas.rs/
  kind: outlet
`,
    );
    expect(loadFeeds({ FEEDS_FILE: path })).toEqual([danas, rts]);
  });

  it('tries JSON, then YAML, for other extensions', () => {
    expect(loadFeeds({ FEEDS_FILE: writeTemp('feeds.txt', JSON.stringify([danas])) })).toEqual([danas]);
    const yaml = `- outlet: Danas\n  url: ${danas.url}\n  language: sr\n  script: Latn\n  scope: domestic\n  homepage: ${danas.homepage}\n`;
    expect(loadFeeds({ FEEDS_FILE: writeTemp('feeds', yaml) })).toEqual([danas]);
  });

  it('names the file when it cannot be read or parsed', () => {
    const missing = join(tmpdir(), 'nadzor-no-such-dir', 'feeds.json');
    expect(errorOf(() => loadFeeds({ FEEDS_FILE: missing }))).toMatch(`FEEDS_FILE ${missing}: cannot read it`);
    const broken = writeTemp('feeds.json', '[{"outlet": "Danas",');
    expect(errorOf(() => loadFeeds({ FEEDS_FILE: broken }))).toMatch(`FEEDS_FILE ${broken}: not valid JSON or YAML`);
    const badYaml = writeTemp('feeds.yaml', '- outlet: [unclosed\n');
    expect(errorOf(() => loadFeeds({ FEEDS_FILE: badYaml }))).toMatch(/not valid JSON or YAML/);
  });

  it('names the file and the entry for a malformed entry', () => {
    const path = writeTemp('feeds.yaml', JSON.stringify([danas, rts, { ...danas, url: 'http://127.0.0.1/3', scope: 'local' }]));
    expect(errorOf(() => loadFeeds({ FEEDS_FILE: path }))).toBe(
      `FEEDS_FILE ${path}: entry 3 ("Danas"): field "scope" must be "domestic" or "international"`,
    );
  });
});

describe('validateFeeds', () => {
  it('accepts a valid list, including an optional kind', () => {
    expect(validateFeeds([danas, { ...rts, kind: 'search' }], 'x')).toHaveLength(2);
  });

  it('requires a non-empty list', () => {
    expect(invalid({ feeds: [danas] })).toBe('FEEDS_FILE /x/feeds.yaml: must be a list of feed entries');
    expect(invalid(null)).toMatch(/must be a list/);
    expect(invalid([])).toMatch(/the list is empty/);
  });

  it('requires each entry to be an object', () => {
    expect(invalid([danas, 'https://example.rs/feed'])).toBe(
      'FEEDS_FILE /x/feeds.yaml: entry 2: must be an object with the fields outlet, url, language, script, scope, homepage, kind',
    );
  });

  it('reports a missing field', () => {
    const { homepage: _, ...noHomepage } = danas;
    expect(invalid([noHomepage])).toBe('FEEDS_FILE /x/feeds.yaml: entry 1 ("Danas"): field "homepage" is missing');
  });

  it('reports an empty or non-string field, falling back to the URL for the label', () => {
    expect(invalid([{ ...danas, outlet: '  ' }])).toBe(
      `FEEDS_FILE /x/feeds.yaml: entry 1 ("${danas.url}"): field "outlet" must be a non-empty string`,
    );
    expect(invalid([{ ...danas, language: 7 }])).toMatch(/entry 1 \("Danas"\): field "language" must be a non-empty string/);
  });

  it('labels an entry by number alone when it has neither outlet nor URL', () => {
    expect(invalid([danas, { language: 'sr' }])).toMatch(/^FEEDS_FILE \/x\/feeds.yaml: entry 2: field "outlet" is missing$/m);
  });

  it('requires http(s) URLs for url and homepage', () => {
    expect(invalid([{ ...danas, url: 'ftp://example.rs/feed' }])).toMatch(/field "url" must be an http\(s\) URL/);
    expect(invalid([{ ...danas, url: 'example.rs/feed' }])).toMatch(/field "url" must be an http\(s\) URL/);
    expect(invalid([{ ...danas, homepage: 'javascript:alert(1)' }])).toMatch(/field "homepage" must be an http\(s\) URL/);
  });

  it('checks language, script, scope and kind values', () => {
    expect(invalid([{ ...danas, language: 'Serbian' }])).toMatch(/field "language" must be a language code/);
    expect(invalid([{ ...danas, script: 'latin' }])).toMatch(/entry 1 \("Danas"\): field "script" must be "Latn" or "Cyrl"$/);
    expect(invalid([{ ...danas, kind: 'aggregator' }])).toMatch(/field "kind" must be "outlet" or "search"$/);
  });

  it('rejects unknown fields, such as a misspelling', () => {
    expect(invalid([{ ...danas, scrpt: 'Latn' }])).toMatch(/entry 1 \("Danas"\): field "scrpt" is not a feed field/);
  });

  it('rejects duplicated URLs, naming both entries', () => {
    expect(invalid([danas, rts, { ...rts, outlet: 'RTS again', url: 'HTTP://127.0.0.1:8080/rts.xml' }])).toBe(
      'FEEDS_FILE /x/feeds.yaml: entry 3 ("RTS again"): field "url" repeats entry 2 ("RTS")',
    );
  });

  it('lists every problem, one per line', () => {
    const lines = invalid([{ ...danas, scope: 'x' }, danas, { ...rts, script: 'y' }]).split('\n');
    expect(lines).toEqual([
      'FEEDS_FILE /x/feeds.yaml: entry 1 ("Danas"): field "scope" must be "domestic" or "international"',
      'FEEDS_FILE /x/feeds.yaml: entry 2 ("Danas"): field "url" repeats entry 1 ("Danas")',
      'FEEDS_FILE /x/feeds.yaml: entry 3 ("RTS"): field "script" must be "Latn" or "Cyrl"',
    ]);
  });
});

describe('default feeds', () => {
  const feeds = defaultFeeds();
  const outlets = feeds.filter((f) => (f.kind ?? 'outlet') === 'outlet');
  const searches = feeds.filter((f) => f.kind === 'search');
  const query = (f: FeedEntry) => new URL(f.url).searchParams.get('q') ?? new URL(f.url).searchParams.get('query') ?? '';

  it('has at least 30 feeds, all https and unique', () => {
    expect(feeds.length).toBeGreaterThanOrEqual(30);
    expect(feeds.every((f) => f.url.startsWith('https://') && f.homepage.startsWith('https://'))).toBe(true);
    expect(new Set(feeds.map((f) => new URL(f.url).href)).size).toBe(feeds.length);
  });

  it('mixes both scripts and both scopes among outlets', () => {
    for (const script of ['Latn', 'Cyrl'] as const) {
      for (const scope of ['domestic', 'international'] as const) {
        expect(outlets.some((f) => f.script === script && f.scope === scope), `${scope} ${script}`).toBe(true);
      }
    }
    expect(outlets.filter((f) => f.scope === 'domestic').length).toBeGreaterThanOrEqual(10);
    expect(outlets.filter((f) => f.scope === 'international').length).toBeGreaterThanOrEqual(10);
  });

  it('includes the specialist outlets', () => {
    const hosts = outlets.map((f) => new URL(f.url).hostname);
    for (const host of ['edri.org', 'balkaninsight.com', 'globalvoices.org', 'www.biometricupdate.com']) {
      expect(hosts).toContain(host);
    }
  });

  it('includes news-search feeds in Serbian Latin, Serbian Cyrillic and English', () => {
    const google = searches.filter((f) => new URL(f.url).hostname === 'news.google.com');
    expect(google.some((f) => f.script === 'Latn' && f.language === 'sr' && query(f).includes('"prepoznavanje lica"'))).toBe(true);
    expect(google.some((f) => f.script === 'Cyrl' && query(f).includes('"биометријски надзор"'))).toBe(true);
    expect(google.some((f) => f.language === 'en' && /Serbia/.test(query(f)) && /facial recognition/.test(query(f)))).toBe(true);
    expect(searches.some((f) => new URL(f.url).hostname === 'www.bing.com')).toBe(true);
    // Every search feed actually carries a query.
    expect(searches.every((f) => query(f).length > 0)).toBe(true);
  });

  it('leaves out outlets whose terms or robots.txt refuse automated collection', () => {
    const hosts = feeds.map((f) => new URL(f.url).hostname);
    for (const refused of ['www.politika.rs', 'insajder.net', 'vreme.com', 'www.nedeljnik.rs', 'www.euractiv.com', 'www.theguardian.com', 'apnews.com', 'openrss.org']) {
      expect(hosts).not.toContain(refused);
    }
  });

  it('returns copies, so a caller cannot change the defaults', () => {
    defaultFeeds()[0].outlet = 'changed';
    expect(defaultFeeds()[0].outlet).not.toBe('changed');
  });
});
