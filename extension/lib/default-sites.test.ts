import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import feeds from '../../bot/feeds/default-feeds.json';
import { DEFAULT_MATCHES, DEFAULT_SITES, hostBelongsTo, looksLikeArticle, matchPatternFor, SERBIAN_OUTLETS, siteHost } from './default-sites';

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

  it('includes the major Serbian outlets, each with an article pattern its example matches', () => {
    const hosts = DEFAULT_SITES.map((s) => s.host);
    for (const host of ['blic.rs', 'politika.rs', 'telegraf.rs', 'informer.rs', 'b92.net', 'mondo.rs', 'nin.rs', 'vreme.com', 'insajder.net', 'rtv.rs']) {
      expect(hosts, host).toContain(host);
    }
    for (const site of SERBIAN_OUTLETS) {
      const url = new URL(site.example!);
      expect(hostBelongsTo(url.hostname, site.host), site.host).toBe(true);
      expect(new MatchPattern(matchPatternFor(site.host)).includes(url.href), site.host).toBe(true);
      expect(looksLikeArticle(url.hostname, url.pathname + url.search), site.example).toBe(true);
      // Home and section pages are not articles.
      for (const other of ['/', '/vesti/', '/sr/', '/najnovije']) expect(looksLikeArticle(url.hostname, other), `${site.host}${other}`).toBe(false);
    }
  });

  it('reads every page of a site without a pattern, and of hosts it does not list', () => {
    expect(looksLikeArticle('n1info.rs', '/')).toBe(true);
    expect(looksLikeArticle('127.0.0.1', '/latin-article.html')).toBe(true);
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
