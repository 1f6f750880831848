import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  highlightsSetting,
  languageSetting,
  MAX_OPEN_SITES,
  normalizeHost,
  opensOn,
  normalizeServerUrl,
  originPattern,
  readSettings,
  rememberOpen,
  serverUrlSetting,
  sitesSetting,
} from './settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults: follow the page, highlights on, no server, no extra sites', async () => {
    expect(await readSettings()).toEqual({
      language: 'auto',
      highlights: true,
      sites: { added: [], disabled: [] },
      serverUrl: '',
      openSites: [],
    });
  });

  it('remembers per site where the panel was opened, most recent last, bounded', () => {
    let list = rememberOpen([], 'www.blic.rs', true);
    list = rememberOpen(list, 'n1info.rs', true);
    expect(list).toEqual(['blic.rs', 'n1info.rs']);
    expect(opensOn(list, 'www.blic.rs')).toBe(true);
    expect(opensOn(list, 'danas.rs')).toBe(false);
    expect(rememberOpen(list, 'blic.rs', false)).toEqual(['n1info.rs']);
    expect(rememberOpen(list, 'blic.rs', true)).toEqual(['n1info.rs', 'blic.rs']);
    let many: string[] = [];
    for (let i = 0; i < MAX_OPEN_SITES + 5; i++) many = rememberOpen(many, `s${i}.example`, true);
    expect(many).toHaveLength(MAX_OPEN_SITES);
    expect(many[0]).toBe('s5.example');
  });

  it('reads back what was set', async () => {
    await languageSetting.setValue('sr-Cyrl');
    await highlightsSetting.setValue(false);
    await serverUrlSetting.setValue('https://watch.example.org/');
    await sitesSetting.setValue({ added: ['example.org'], disabled: ['kurir.rs'] });
    expect(await readSettings()).toMatchObject({
      language: 'sr-Cyrl',
      highlights: false,
      serverUrl: 'https://watch.example.org',
      sites: { added: ['example.org'], disabled: ['kurir.rs'] },
    });
  });

  it('repairs stored values the interface does not know', async () => {
    await fakeBrowser.storage.local.set({
      language: 'klingon',
      serverUrl: 'javascript:alert(1)',
      sites: { added: ['WWW.Example.org', 42, 'not a host'], disabled: 'x' },
    });
    expect(await readSettings()).toMatchObject({
      language: 'auto',
      serverUrl: '',
      sites: { added: ['example.org'], disabled: [] },
    });
  });
});

describe('normalizeHost', () => {
  it.each([
    ['example.org', 'example.org'],
    ['https://www.Example.org/path?q=1', 'example.org'],
    ['news.example.co.uk/', 'news.example.co.uk'],
    ['example.org:8080', 'example.org'],
    ['localhost', 'localhost'],
  ])('%s -> %s', (input, host) => expect(normalizeHost(input)).toBe(host));

  it.each(['', 'not a host', 'exa mple.org', 'javascript:alert(1)', '*.example.org'])('rejects %j', (input) => {
    expect(normalizeHost(input)).toBeNull();
  });
});

describe('normalizeServerUrl', () => {
  it('keeps http(s) base URLs without trailing slash, query or fragment', () => {
    expect(normalizeServerUrl(' https://watch.example.org/ ')).toBe('https://watch.example.org');
    expect(normalizeServerUrl('http://127.0.0.1:8080/nadzor/?x=1#y')).toBe('http://127.0.0.1:8080/nadzor');
    expect(normalizeServerUrl('')).toBe('');
  });

  it('refuses other schemes and credentials', () => {
    expect(() => normalizeServerUrl('ftp://example.org')).toThrow();
    expect(() => normalizeServerUrl('javascript:alert(1)')).toThrow();
    expect(() => normalizeServerUrl('https://user:pw@example.org')).toThrow();
    expect(() => normalizeServerUrl('nonsense')).toThrow();
  });

  it('gives the origin permission pattern without the port', () => {
    expect(originPattern('http://127.0.0.1:8080/nadzor')).toBe('http://127.0.0.1/*');
  });
});
