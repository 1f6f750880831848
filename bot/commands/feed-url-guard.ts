import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPublicAddress } from '../reader/public-address';
import { parseHttpUrl } from '../../shared/url/http-url';

/** Every address a host name resolves to. */
export type LookupAll = (host: string) => Promise<string[]>;

export const systemLookup: LookupAll = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export { isPublicAddress };

export type FeedUrlCheck =
  | { ok: true; url: string }
  | { ok: false; reason: 'bad-url' }
  | { ok: false; reason: 'private'; address: string }
  | { ok: false; reason: 'unresolvable'; host: string };

/**
 * Checks a feed URL a chat wants to add: http(s), no credentials, and a host whose every
 * address is public. One private address is enough to refuse, since the fetcher may pick any.
 */
export async function checkFeedUrl(input: string, lookupAll: LookupAll = systemLookup): Promise<FeedUrlCheck> {
  const url = parseHttpUrl(input, { noCredentials: true });
  if (!url) return { ok: false, reason: 'bad-url' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await lookupAll(host);
    } catch {
      return { ok: false, reason: 'unresolvable', host };
    }
    if (addresses.length === 0) return { ok: false, reason: 'unresolvable', host };
  }
  const bad = addresses.find((a) => !isPublicAddress(a));
  if (bad) return { ok: false, reason: 'private', address: bad };
  return { ok: true, url: url.toString() };
}
