import { BlockList, isIP } from 'node:net';

/** What an IP address is, as far as sending a webhook to it goes. */
export type AddressClass = 'public' | 'loopback' | 'internal';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Addresses a webhook must never reach unless an operator allow-lists them: private networks,
 * link-local (cloud metadata lives at 169.254.169.254), "this host", carrier-grade NAT, multicast and
 * reserved space. BlockList also matches IPv4-mapped IPv6 forms (::ffff:10.0.0.1) against the IPv4 rules.
 */
const INTERNAL = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  INTERNAL.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const) {
  INTERNAL.addSubnet(net, prefix, 'ipv6');
}

const family = (ip: string) => (isIP(ip) === 6 ? 'ipv6' : 'ipv4');

export function classifyAddress(ip: string): AddressClass {
  const type = family(ip);
  if (LOOPBACK.check(ip, type)) return 'loopback';
  if (INTERNAL.check(ip, type)) return 'internal';
  return 'public';
}

/** An operator's allow list: exact host names, IP addresses and CIDR ranges ("10.0.0.0/8", "fd00::/8"). */
export class AllowList {
  private readonly names = new Set<string>();
  private readonly ranges = new BlockList();

  constructor(entries: readonly string[] = []) {
    for (const raw of entries) {
      const entry = raw
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, '');
      const [base = '', prefix] = entry.split('/');
      if (isIP(base) && prefix !== undefined) {
        const bits = Number(prefix);
        const max = isIP(base) === 6 ? 128 : 32;
        if (!Number.isInteger(bits) || bits < 0 || bits > max) {
          throw new Error(`allowedHosts: "${raw}" has an invalid prefix length`);
        }
        this.ranges.addSubnet(base, bits, family(base));
      } else if (isIP(entry)) {
        this.ranges.addAddress(entry, family(entry));
      } else if (/^[a-z0-9.-]+$/.test(entry)) {
        this.names.add(entry);
      } else {
        throw new Error(`allowedHosts: "${raw}" is neither a host name, an IP address nor a CIDR range`);
      }
    }
  }

  hasName(hostname: string): boolean {
    return this.names.has(hostname.toLowerCase());
  }

  hasAddress(ip: string): boolean {
    return this.ranges.check(ip, family(ip));
  }
}
