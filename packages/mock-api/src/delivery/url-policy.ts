import { promises as dns } from 'node:dns';
import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import { AllowList, classifyAddress } from './address-ranges';

/** Resolves a host name to every address it has (dns.lookup semantics: /etc/hosts included). */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export interface UrlPolicyOptions {
  /** Lets webhooks reach loopback addresses over plain http: on for local use and tests. */
  allowLoopback?: boolean;
  /** Host names, IP addresses or CIDR ranges a webhook may reach although they are internal. */
  allowedHosts?: readonly string[];
  resolve?: ResolveHost;
  /** How long a subscription waits for DNS before accepting a name it will check again when delivering. */
  resolveTimeoutMs?: number;
}

/** A URL or an address the policy refuses; the message says why and is safe to show to the subscriber. */
export class UrlRefusedError extends Error {
  override name = 'UrlRefusedError';
}

export interface UrlPolicy {
  /** At subscription time: resolves when the URL is acceptable, rejects with UrlRefusedError otherwise. */
  check(url: string): Promise<void>;
  /** At delivery time for URLs naming an IP address, which never go through `lookup`. */
  checkLiteral(url: URL): void;
  /**
   * A `lookup` for net/tls.connect: the addresses it checks are the ones the socket connects to, so a
   * name cannot pass the check with one address and then connect to another (DNS rebinding).
   */
  lookup: LookupFunction;
}

const systemResolve: ResolveHost = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

export function createUrlPolicy(options: UrlPolicyOptions = {}): UrlPolicy {
  const allowLoopback = options.allowLoopback ?? true;
  const allow = new AllowList(options.allowedHosts);
  const resolve = options.resolve ?? systemResolve;
  const resolveTimeoutMs = options.resolveTimeoutMs ?? 2000;
  const literalVerdicts = new Map<string, UrlRefusedError | null>();

  /** Why `address` (reached through `hostname`) is refused, or null when it is fine. */
  function refusal(hostname: string, address: string): string | null {
    if (allow.hasName(hostname) || allow.hasAddress(address)) return null;
    switch (classifyAddress(address)) {
      case 'public':
        return null;
      case 'loopback':
        return allowLoopback ? null : `${describe(hostname, address)} is a loopback address`;
      case 'internal':
        return `${describe(hostname, address)} is a private, link-local or reserved address`;
    }
  }

  /** Plain http only where nothing leaves the machine or the operator vouched for the host. */
  function plainHttpAllowed(hostname: string, addresses: string[]): boolean {
    if (allow.hasName(hostname)) return true;
    return (
      addresses.length > 0 &&
      addresses.every((a) => allow.hasAddress(a) || (allowLoopback && classifyAddress(a) === 'loopback'))
    );
  }

  function assertAddresses(hostname: string, addresses: string[], protocol: string): void {
    for (const address of addresses) {
      const reason = refusal(hostname, address);
      if (reason) throw new UrlRefusedError(`${reason}; allow it with allowedHosts if this is intended`);
    }
    if (protocol === 'http:' && !plainHttpAllowed(hostname, addresses)) {
      throw new UrlRefusedError(
        allowLoopback ? 'must use https (plain http is allowed for loopback only)' : 'must use https',
      );
    }
  }

  async function resolveWithin(hostname: string): Promise<string[] | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((ok) => {
      timer = setTimeout(() => ok(null), resolveTimeoutMs);
      timer.unref();
    });
    try {
      const found = await Promise.race([resolve(hostname).catch(() => null), timeout]);
      return found ? found.map((a) => a.address) : null;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async check(url) {
      const parsed = parseUrl(url);
      const hostname = bareHost(parsed);
      if (isIP(hostname)) return assertAddresses(hostname, [hostname], parsed.protocol);
      const addresses = await resolveWithin(hostname);
      // A name that does not resolve yet is accepted over https: delivery resolves and checks it again.
      if (addresses === null) return assertAddresses(hostname, [], parsed.protocol);
      assertAddresses(hostname, addresses, parsed.protocol);
    },

    checkLiteral(url) {
      const hostname = bareHost(url);
      if (!isIP(hostname)) return;
      // The verdict on an address never changes: remember it rather than re-checking every delivery.
      const key = `${url.protocol}${hostname}`;
      let verdict = literalVerdicts.get(key);
      if (verdict === undefined) {
        try {
          assertAddresses(hostname, [hostname], url.protocol);
          verdict = null;
        } catch (error) {
          verdict = error as UrlRefusedError;
        }
        if (literalVerdicts.size >= 1000) literalVerdicts.clear();
        literalVerdicts.set(key, verdict);
      }
      if (verdict) throw verdict;
    },

    lookup(hostname, lookupOptions, callback) {
      resolve(hostname).then(
        (found) => {
          const wanted = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
          const addresses = found.filter((a) => wanted === 0 || a.family === wanted);
          for (const { address } of addresses) {
            const reason = refusal(hostname, address);
            if (reason) return callback(new UrlRefusedError(`refused: ${reason}`), '', 0);
          }
          const first = addresses[0];
          if (!first)
            return callback(new UrlRefusedError(`refused: ${hostname} has no usable address`), '', 0);
          if (lookupOptions.all) return callback(null, addresses);
          callback(null, first.address, first.family);
        },
        (error: NodeJS.ErrnoException) => callback(error, '', 0),
      );
    },
  };
}

function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UrlRefusedError('is not a valid URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new UrlRefusedError('must use https');
  return parsed;
}

/** The WHATWG parser already turned 0x7f.1 and 2130706433 into 127.0.0.1; IPv6 keeps its brackets. */
const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

const describe = (hostname: string, address: string) =>
  hostname === address ? address : `${hostname} resolves to ${address}, which`;
