import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import feeds from '../../bot/feeds/default-feeds.json';
import { DEFAULT_MATCHES, DEFAULT_SITES, hostBelongsTo, matchPatternFor, siteHost } from './default-sites';

describe('default sites', () => {
  it('covers every outlet of the feed registry, not the news-search feeds', () => {
    for (const feed of feeds as Array<{ homepage: string; kind?: string }>) {
      const host = siteHost(feed.homepage);
      const covered = DEFAULT_SITES.some((s) => hostBelongsTo(host, s.host));
      if (feed.kind === 'search') expect(covered, host).toBe(false);
      else expect(covered, host).toBe(true);
    }
  });

  it('adds major international outlets', () => {
    const hosts = DEFAULT_SITES.map((s) => s.host);
    expect(hosts).toEqual(expect.arrayContaining(['theguardian.com', 'reuters.com', 'apnews.com']));
  });

  it('lists each host once, without hosts another entry already covers', () => {
    const hosts = DEFAULT_SITES.map((s) => s.host);
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(hosts).not.toContain('radar.nova.rs');
  });

  it('gives valid match patterns for the host and its subdomains, both schemes', () => {
    for (const pattern of DEFAULT_MATCHES) expect(() => new MatchPattern(pattern)).not.toThrow();
    const p = new MatchPattern(matchPatternFor('n1info.rs'));
    expect(p.includes('https://n1info.rs/vesti/a')).toBe(true);
    expect(p.includes('http://www.n1info.rs/')).toBe(true);
    expect(p.includes('https://notn1info.rs/')).toBe(false);
  });

  it('matches hosts by suffix on a label boundary', () => {
    expect(hostBelongsTo('www.danas.rs', 'danas.rs')).toBe(true);
    expect(hostBelongsTo('danas.rs.', 'danas.rs')).toBe(true);
    expect(hostBelongsTo('nedanas.rs', 'danas.rs')).toBe(false);
  });
});
