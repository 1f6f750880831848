/**
 * Which addresses a chat-added feed may be fetched from. The ranges are Node's `net.BlockList`
 * (prefix matching done by Node, not by hand); the table below is the IANA special-purpose
 * registries (RFC 6890 and its updates) for everything that is not globally reachable.
 * (`ipaddr.js` would do the same job but is not installed; BlockList is built in.)
 */
import { BlockList, isIP } from 'node:net';

/** IPv4 ranges that are not public: [network, prefix length]. */
const PRIVATE_V4: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // deprecated 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

/** IPv6 ranges that are not public, beyond the ones that embed an IPv4 address. */
const PRIVATE_V6: Array<[string, number]> = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215)
  ['100::', 64], // discard-only
  ['2001::', 32], // Teredo (a tunnel: the real peer is hidden)
  ['2001:2::', 48], // benchmarking
  ['2001:10::', 28], // ORCHID
  ['2001:20::', 28], // ORCHIDv2
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation (RFC 9637)
  ['5f00::', 16], // SRv6 SIDs
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // deprecated site-local
  ['ff00::', 8], // multicast
];

/** The 32 bits of a dotted IPv4 address as two 16-bit hex groups ("7f00:1"). */
function v4AsGroups(ip: string): string {
  const [a, b, c, d] = ip.split('.').map(Number);
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

function buildBlockList(): BlockList {
  const list = new BlockList();
  for (const [net, bits] of PRIVATE_V4) {
    list.addSubnet(net, bits, 'ipv4');
    // The same IPv4 range hidden in IPv6 forms: mapped (::ffff:a.b.c.d), compatible
    // (::a.b.c.d, so ::127.0.0.1), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:AABB:CCDD::).
    list.addSubnet(`::ffff:${net}`, 96 + bits, 'ipv6');
    list.addSubnet(`::${net}`, 96 + bits, 'ipv6');
    list.addSubnet(`64:ff9b::${net}`, 96 + bits, 'ipv6');
    list.addSubnet(`2002:${v4AsGroups(net)}::`, 16 + bits, 'ipv6');
  }
  for (const [net, bits] of PRIVATE_V6) list.addSubnet(net, bits, 'ipv6');
  return list;
}

const BLOCKED = buildBlockList();

/**
 * Whether a feed may be fetched from this address: false for loopback, private, link-local
 * and other special-purpose ranges, including IPv4 hidden inside IPv6 forms, and for anything
 * that is not an IP address. Checked when a chat adds a feed (bot/commands) and again by the
 * fetcher at every connection to such a feed, since a name can resolve differently later
 * (DNS rebinding).
 */
export function isPublicAddress(ip: string): boolean {
  const address = ip.split('%')[0]; // a zone id (fe80::1%eth0) is not part of the address
  const family = isIP(address);
  if (family === 0) return false;
  try {
    return !BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
  } catch {
    return false;
  }
}
