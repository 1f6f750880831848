import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITES, hostBelongsTo } from './default-sites';
import { GENERIC_BODY_SELECTORS, SITE_SELECTORS, siteSelectorsFor } from './site-selectors';

const { document } = parseHTML('<!doctype html><html><body><p>x</p></body></html>');

describe('site selectors', () => {
  it.each(SITE_SELECTORS.map((s) => [s.host, s] as const))('%s: a watched site, valid selectors, example pages on the site', (_host, entry) => {
    expect(DEFAULT_SITES.some((s) => hostBelongsTo(entry.host, s.host)), 'not a default site').toBe(true);
    for (const selector of [entry.body, entry.title].filter((s): s is string => s !== undefined)) {
      expect(() => document.querySelectorAll(selector), selector).not.toThrow();
      expect(selector.trim()).not.toMatch(/^(\*|body|html|div|p|main)$/);
    }
    expect(entry.examples.length).toBeGreaterThan(0);
    for (const example of entry.examples) {
      const url = new URL(example);
      expect(url.protocol).toBe('https:');
      expect(hostBelongsTo(url.hostname, entry.host), example).toBe(true);
    }
  });

  it('has one entry per site', () => {
    const hosts = SITE_SELECTORS.map((s) => s.host);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('finds the entry for subdomains', () => {
    expect(siteSelectorsFor('www.danas.rs')?.host).toBe('danas.rs');
    expect(siteSelectorsFor('example.org')).toBeUndefined();
  });

  it('generic selectors parse', () => {
    for (const s of GENERIC_BODY_SELECTORS) expect(() => document.querySelectorAll(s)).not.toThrow();
  });
});
