import { BlockList, isIP } from 'node:net';

/** Whether an address is on the list. */
export type IpAllowList = (ip: string) => boolean;

/**
 * An allow-list of single addresses and CIDR ranges, IPv4 and IPv6 («185.71.76.0/27»,
 * «77.75.156.11», «2a02:5180::/32»). Node's BlockList does the matching, including IPv4-mapped
 * IPv6 addresses («::ffff:185.71.76.1», what a dual-stack socket reports for an IPv4 peer).
 * A malformed entry throws at once, naming it: a typo must not silently open or close the list.
 */
export function createIpAllowList(entries: readonly string[]): IpAllowList {
  const list = new BlockList();
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || extra !== undefined) throw invalidEntry(entry);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
    if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128))) throw invalidEntry(entry);
    list.addSubnet(address, bits, type);
  }
  return (ip) => {
    // A link-local peer may carry a zone («fe80::1%eth0»); the zone is not part of the address.
    const address = ip.trim().split('%')[0] ?? '';
    const family = isIP(address);
    if (family === 0) return false;
    return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}

function invalidEntry(entry: string): Error {
  return new Error(`Not an IP address or CIDR range in the allow-list: ${JSON.stringify(entry)}`);
}
