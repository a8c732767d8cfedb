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
  // The documentation ranges (RFC 5737): nothing real lives there, so a URL naming one is a probe.
  ['192.0.2.0', 24],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  INTERNAL.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  // IPv4-compatible (::a.b.c.d, deprecated) and IPv4-translated (::ffff:0:a.b.c.d) forms, which
  // some stacks route to the IPv4 address they hold; ::1 is matched as loopback first.
  ['::', 96],
  ['::ffff:0:0:0', 96],
  ['fec0::', 10],
  ['100::', 64],
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
  // A tunnel address reaches the IPv4 host it embeds: it is only as public as that host.
  if (type === 'ipv6' && embeddedIpv4(ip).some((v4) => classifyAddress(v4) !== 'public')) return 'internal';
  return 'public';
}

/**
 * The IPv4 addresses a 6to4 (2002::/16: bits 16-47) or Teredo (2001::/32: the server in bits 32-63,
 * the client inverted in the last 32 bits) address carries; none for any other IPv6 address.
 */
export function embeddedIpv4(ip: string): string[] {
  const groups = ipv6Groups(ip);
  if (!groups) return [];
  const v4 = (high: number, low: number) => [high >>> 8, high & 0xff, low >>> 8, low & 0xff].join('.');
  if (groups[0] === 0x2002) return [v4(groups[1]!, groups[2]!)];
  if (groups[0] === 0x2001 && groups[1] === 0) {
    return [v4(groups[2]!, groups[3]!), v4(~groups[6]! & 0xffff, ~groups[7]! & 0xffff)];
  }
  return [];
}

/** The eight 16-bit groups of an IPv6 address ("::" expanded, a dotted IPv4 tail folded in). */
function ipv6Groups(ip: string): number[] | undefined {
  if (isIP(ip) !== 6) return undefined;
  let text = ip.toLowerCase().split('%')[0]!;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
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
