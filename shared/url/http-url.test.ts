import { describe, expect, it } from 'vitest';
import { httpHref, isHttpUrl, parseHttpUrl } from './http-url';

describe('the http(s) URL check', () => {
  it('accepts absolute http and https URLs with a host', () => {
    expect(isHttpUrl('https://n1info.rs/feed/')).toBe(true);
    expect(isHttpUrl(' http://127.0.0.1:8787/x?y=1 ')).toBe(true);
    expect(httpHref('HTTPS://Example.RS/a b')).toBe('https://example.rs/a%20b');
  });

  it('refuses other schemes, relative references, missing hosts and junk', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'ftp://x.rs/', '/relative', 'example.rs', 'http://', '', '   ', null, undefined]) {
      expect(isHttpUrl(bad), String(bad)).toBe(false);
      expect(httpHref(bad), String(bad)).toBeNull();
    }
  });

  it('resolves against a base when given one', () => {
    expect(httpHref('/vesti/1', { base: 'https://example.rs/rss' })).toBe('https://example.rs/vesti/1');
    expect(httpHref('javascript:x', { base: 'https://example.rs/' })).toBeNull();
  });

  it('refuses credentials in the URL when asked', () => {
    expect(isHttpUrl('https://user:pw@example.rs/')).toBe(true);
    expect(parseHttpUrl('https://user:pw@example.rs/', { noCredentials: true })).toBeNull();
    expect(parseHttpUrl('https://user@example.rs/', { noCredentials: true })).toBeNull();
  });
});
