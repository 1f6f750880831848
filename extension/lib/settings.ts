/**
 * The reader's settings, each a WXT storage item defined once here. Values are re-checked on
 * read (`normalize*`), so a value from an older version or a hand-edited profile cannot put
 * the extension in a state the interface does not know.
 */
import { storage } from 'wxt/utils/storage';
import type { UiLang } from '../../shared/context/localize';
import { parseHttpUrl } from '../../shared/url/http-url';

/** 'auto' follows the page: a Cyrillic page gets Cyrillic, an English page English. */
export type LanguageSetting = 'auto' | UiLang;
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['auto', 'en', 'sr-Latn', 'sr-Cyrl'];

export interface SitesSetting {
  /** Hosts the reader added (content script registered at run time, with their permission). */
  added: string[];
  /** Default hosts the reader switched off. */
  disabled: string[];
}

export const languageSetting = storage.defineItem<LanguageSetting>('local:language', {
  fallback: 'auto',
  version: 1,
});

/** Glossary terms underlined in the article text. */
export const highlightsSetting = storage.defineItem<boolean>('local:highlights', {
  fallback: true,
  version: 1,
});

export const sitesSetting = storage.defineItem<SitesSetting>('local:sites', {
  fallback: { added: [], disabled: [] },
  version: 1,
});

/** Base URL of a Nadzor Watch server; empty means none, and then no request is ever made. */
export const serverUrlSetting = storage.defineItem<string>('local:serverUrl', {
  fallback: '',
  version: 1,
});

/**
 * The sites (hosts, "www." dropped) where the reader opened the panel: there it opens by
 * itself on the next article; everywhere else it first appears as a small closed tab.
 */
export const openSitesSetting = storage.defineItem<string[]>('local:panelOpenSites', {
  fallback: [],
  version: 1,
});

/** At most this many sites are remembered (the most recent kept). */
export const MAX_OPEN_SITES = 200;

/** The remembered list with `host` opened (moved to the end) or closed (removed). */
export function rememberOpen(list: readonly string[], host: string, open: boolean): string[] {
  const h = host.toLowerCase().replace(/^www\./, '');
  const rest = list.filter((x) => x !== h);
  return (open ? [...rest, h] : rest).slice(-MAX_OPEN_SITES);
}

/** Is the panel to open by itself on `hostname`? */
export function opensOn(list: readonly string[], hostname: string): boolean {
  return list.includes(hostname.toLowerCase().replace(/^www\./, ''));
}

export function normalizeLanguage(value: unknown): LanguageSetting {
  return LANGUAGE_SETTINGS.includes(value as LanguageSetting) ? (value as LanguageSetting) : 'auto';
}

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A host as the sites list stores it ("www." dropped, lower case), or null if it is not one. */
export function normalizeHost(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (s === '') return null;
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(s)) s = new URL(s).hostname;
  } catch {
    return null;
  }
  s = s.replace(/\/.*$/, '').replace(/:\d+$/, '').replace(/\.$/, '').replace(/^www\./, '');
  return HOST.test(s) && s.includes('.') ? s : s === 'localhost' ? s : null;
}

export function normalizeSites(value: unknown): SitesSetting {
  const v = (value ?? {}) as Partial<SitesSetting>;
  const hosts = (list: unknown): string[] =>
    Array.isArray(list)
      ? [...new Set(list.map((h) => (typeof h === 'string' ? normalizeHost(h) : null)).filter((h): h is string => h !== null))]
      : [];
  return { added: hosts(v.added), disabled: hosts(v.disabled) };
}

/**
 * A server base URL as stored: http(s), no credentials, query or fragment, no trailing slash;
 * '' for none. Throws on anything else, so the options page can say what is wrong.
 */
export function normalizeServerUrl(input: string): string {
  const s = input.trim();
  if (s === '') return '';
  const url = parseHttpUrl(s);
  if (!url) throw new Error('server URL must be http or https');
  if (url.username || url.password) throw new Error('server URL must not contain credentials');
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}

/** The origin permission pattern for a server or site URL ("https://watch.example.org/*"). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/** Everything the content script and popup need, read at once. */
export async function readSettings(): Promise<{
  language: LanguageSetting;
  highlights: boolean;
  sites: SitesSetting;
  serverUrl: string;
  openSites: string[];
}> {
  // One storage read for all five (one round trip to the browser, one task on the page's main
  // thread when the content script asks), each with its fallback.
  const [language, highlights, sites, serverUrl, openSites] = (
    await storage.getItems([languageSetting, highlightsSetting, sitesSetting, serverUrlSetting, openSitesSetting])
  ).map((r) => r.value as unknown) as [LanguageSetting, boolean, SitesSetting, string, string[]];
  let server = '';
  try {
    server = normalizeServerUrl(typeof serverUrl === 'string' ? serverUrl : '');
  } catch {
    server = '';
  }
  return {
    language: normalizeLanguage(language),
    highlights: highlights !== false,
    sites: normalizeSites(sites),
    serverUrl: server,
    openSites: Array.isArray(openSites) ? openSites.filter((x): x is string => typeof x === 'string') : [],
  };
}
