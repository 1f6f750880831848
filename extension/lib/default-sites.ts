/**
 * The sites the content script runs on out of the box: every outlet of the bot's feed registry
 * (news-search feeds such as Google News are not outlets and are left out) and major
 * international newsrooms that report on surveillance in Europe. Each site is a registrable
 * host; its match pattern also covers subdomains and both schemes.
 */
import feeds from '../../bot/feeds/default-feeds.json';
import { hostBelongsTo, REGISTRY_ARTICLES, SERBIAN_OUTLETS, type Site } from './site-addresses';

// What the content script needs of the sites (without the feed registry) lives in
// site-addresses.ts; re-exported here for everything else.
export { hostBelongsTo, looksLikeArticle, runsOnHost, SERBIAN_OUTLETS, type Site } from './site-addresses';

/** International newsrooms beyond the registry (its international outlets are already in). */
const INTERNATIONAL: Site[] = [
  { host: 'theguardian.com', name: 'The Guardian' },
  { host: 'reuters.com', name: 'Reuters' },
  { host: 'apnews.com', name: 'Associated Press' },
  { host: 'bbc.co.uk', name: 'BBC' },
  { host: 'aljazeera.com', name: 'Al Jazeera' },
  { host: 'france24.com', name: 'France 24' },
  { host: 'euractiv.com', name: 'Euractiv' },
  { host: 'nytimes.com', name: 'The New York Times' },
  { host: 'washingtonpost.com', name: 'The Washington Post' },
  { host: 'ft.com', name: 'Financial Times' },
];

/** "https://www.danas.rs/" -> "danas.rs". */
export function siteHost(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
}

function registrySites(): Site[] {
  const byHost = new Map<string, string[]>();
  for (const feed of feeds as Array<{ outlet: string; homepage: string; kind?: string }>) {
    if (feed.kind === 'search') continue;
    const host = siteHost(feed.homepage);
    const names = byHost.get(host) ?? [];
    // "Balkan Insight – Serbia" is a section of "Balkan Insight": keep the shorter name.
    if (!names.some((n) => feed.outlet.startsWith(n))) names.push(feed.outlet);
    byHost.set(host, names);
  }
  const hosts = [...byHost.keys()];
  // radar.nova.rs is covered by nova.rs: a site's pattern includes its subdomains.
  return [...byHost]
    .filter(([host]) => !hosts.some((other) => other !== host && host.endsWith('.' + other)))
    .map(([host, names]) => ({ host, name: names.join(', '), ...REGISTRY_ARTICLES[host] }));
}

/** The default sites, registry first, each host once. */
export const DEFAULT_SITES: readonly Site[] = (() => {
  const sites = registrySites();
  const seen = new Set(sites.map((s) => s.host));
  for (const s of [...SERBIAN_OUTLETS, ...INTERNATIONAL]) {
    if (!seen.has(s.host)) sites.push(s);
    seen.add(s.host);
  }
  return sites;
})();

/** The match pattern for a host: any scheme, the host and its subdomains, any path. */
export function matchPatternFor(host: string): string {
  return `*://*.${host}/*`;
}

/** Content-script matches for the default sites (the manifest's `content_scripts`). */
export const DEFAULT_MATCHES: string[] = DEFAULT_SITES.map((s) => matchPatternFor(s.host));
