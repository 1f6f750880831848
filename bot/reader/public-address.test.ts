import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './public-address';

describe('isPublicAddress', () => {
  it.each(['8.8.8.8', '1.1.1.1', '2606:4700::1111', '2a00:1450:4001::1', '64:ff9b::8.8.8.8', '2002:808:808::1', '::ffff:8.8.8.8'])(
    '%s is public', (ip) => expect(isPublicAddress(ip)).toBe(true));

  it.each([
    '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.1.1', '100.64.0.1', '0.0.0.0', '255.255.255.255',
    '::', '::1', 'fe80::1', 'fe80::1%eth0', 'fc00::1', 'fd12::1', 'ff02::1',
    // the ranges issue 10 found missing
    '::127.0.0.1', '64:ff9b:1::1', '2001::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '100::1', '192.88.99.1', 'fec0::1',
    // private IPv4 inside IPv6 forms: mapped, compatible, NAT64, 6to4
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::10.0.0.1', '64:ff9b::7f00:1', '64:ff9b::192.168.0.1', '2002:c0a8:101::1', '2002:7f00:1::',
    // documentation
    '2001:db8::1', '3fff::1', '192.0.2.1',
  ])('%s is not public', (ip) => expect(isPublicAddress(ip)).toBe(false));

  it('refuses what is not an IP address', () => {
    for (const s of ['', 'example.com', '1.2.3', '::g']) expect(isPublicAddress(s)).toBe(false);
  });
});
