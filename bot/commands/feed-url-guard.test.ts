import { describe, expect, it } from 'vitest';
import { checkFeedUrl, isPublicAddress } from './feed-url-guard';

describe('feed URL guard', () => {
  it('refuses loopback, private, link-local and special addresses, also hidden in IPv6', () => {
    const blocked = [
      '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
      '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'fc00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1',
      '64:ff9b::a00:1', '2002:c0a8:101::1', 'ff02::1', '2001:db8::1',
    ];
    for (const ip of blocked) expect(isPublicAddress(ip), ip).toBe(false);
    for (const ip of ['93.184.216.34', '172.32.0.1', '8.8.8.8', '2a00:1450:4001::1', '::ffff:8.8.8.8']) expect(isPublicAddress(ip), ip).toBe(true);
    expect(isPublicAddress('not an ip')).toBe(false);
  });

  it('accepts an http(s) URL whose every address is public', async () => {
    const lookup = async () => ['93.184.216.34'];
    expect(await checkFeedUrl('https://example.rs/feed.xml', lookup)).toEqual({ ok: true, url: 'https://example.rs/feed.xml' });
  });

  it('refuses other schemes, credentials, and names that resolve inward', async () => {
    const lookup = async (host: string) => (host === 'internal.example' ? ['93.184.216.34', '10.0.0.5'] : host === 'nx.example' ? [] : ['127.0.0.1']);
    expect(await checkFeedUrl('file:///etc/passwd', lookup)).toEqual({ ok: false, reason: 'bad-url' });
    expect(await checkFeedUrl('gopher://x', lookup)).toEqual({ ok: false, reason: 'bad-url' });
    expect(await checkFeedUrl('https://user:pw@example.rs/', lookup)).toEqual({ ok: false, reason: 'bad-url' });
    expect(await checkFeedUrl('not a url', lookup)).toEqual({ ok: false, reason: 'bad-url' });
    expect(await checkFeedUrl('http://localhost:8080/feed', lookup)).toEqual({ ok: false, reason: 'private', address: '127.0.0.1' });
    expect(await checkFeedUrl('http://internal.example/feed', lookup)).toEqual({ ok: false, reason: 'private', address: '10.0.0.5' });
    expect(await checkFeedUrl('http://nx.example/feed', lookup)).toEqual({ ok: false, reason: 'unresolvable', host: 'nx.example' });
    // Numeric forms the URL parser turns into 127.0.0.1, and bracketed IPv6, need no lookup.
    expect(await checkFeedUrl('http://2130706433/', lookup)).toEqual({ ok: false, reason: 'private', address: '127.0.0.1' });
    expect(await checkFeedUrl('http://0x7f.1/', lookup)).toEqual({ ok: false, reason: 'private', address: '127.0.0.1' });
    expect(await checkFeedUrl('http://[::1]:8080/', lookup)).toEqual({ ok: false, reason: 'private', address: '::1' });
    expect(await checkFeedUrl('http://169.254.169.254/latest/meta-data', lookup)).toMatchObject({ ok: false, reason: 'private' });
  });
});
