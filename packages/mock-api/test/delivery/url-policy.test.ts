import { connect } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { createUrlPolicy, UrlRefusedError } from '../../src/delivery/url-policy';
import type { ResolveHost } from '../../src/delivery/url-policy';

/** A resolver that knows a few names, as /etc/hosts would: no test depends on the real DNS. */
const fakeDns: ResolveHost = async (hostname) => {
  const table: Record<string, LookupAddress[]> = {
    'hooks.example.com': [{ address: '93.184.216.34', family: 4 }],
    'evil.example.com': [{ address: '10.0.0.7', family: 4 }],
    'mixed.example.com': [
      { address: '93.184.216.34', family: 4 },
      { address: 'fd00::1', family: 6 },
    ],
    'metadata.example.com': [{ address: '169.254.169.254', family: 4 }],
    'local.example.com': [{ address: '127.0.0.1', family: 4 }],
  };
  const found = table[hostname];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return found;
};

const refusal = async (policy: ReturnType<typeof createUrlPolicy>, url: string) => {
  try {
    await policy.check(url);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(UrlRefusedError);
    return (error as Error).message;
  }
};

describe('URL policy at subscription time', () => {
  const policy = createUrlPolicy({ resolve: fakeDns });

  it('accepts public https URLs and loopback over http (allowed by default)', async () => {
    await expect(policy.check('https://hooks.example.com/in')).resolves.toBeUndefined();
    await expect(policy.check('http://127.0.0.1:8080/hooks')).resolves.toBeUndefined();
    await expect(policy.check('http://[::1]:8080/hooks')).resolves.toBeUndefined();
    await expect(policy.check('http://local.example.com/hooks')).resolves.toBeUndefined();
  });

  it('requires https for anything that leaves the machine', async () => {
    expect(await refusal(policy, 'http://hooks.example.com/in')).toMatch(/must use https/);
    expect(await refusal(policy, 'ftp://hooks.example.com/in')).toMatch(/must use https/);
    expect(await refusal(policy, 'not a url')).toMatch(/not a valid URL/);
  });

  it.each([
    ['https://10.1.2.3/', '10.1.2.3 is a private'],
    ['https://172.16.0.1/', '172.16.0.1 is a private'],
    ['https://172.31.255.255/', '172.31.255.255 is a private'],
    ['https://192.168.1.1/', '192.168.1.1 is a private'],
    ['https://169.254.169.254/latest/meta-data', '169.254.169.254 is a private'],
    ['https://0.0.0.0/', '0.0.0.0 is a private'],
    ['https://[fd12:3456::1]/', 'fd12:3456::1 is a private'],
    ['https://[fe80::1]/', 'fe80::1 is a private'],
    ['https://[::ffff:10.0.0.1]/', 'is a private'],
    ['https://0xa000001/', '10.0.0.1 is a private'],
    ['https://evil.example.com/', 'evil.example.com resolves to 10.0.0.7'],
    ['https://metadata.example.com/', 'resolves to 169.254.169.254'],
    ['https://mixed.example.com/', 'resolves to fd00::1'],
  ])('refuses %s', async (url, reason) => {
    expect(await refusal(policy, url)).toContain(reason);
  });

  it('does not refuse public neighbours of the private ranges', async () => {
    for (const url of [
      'https://172.32.0.1/',
      'https://11.0.0.1/',
      'https://192.169.0.1/',
      'https://[2606:4700::1]/',
    ]) {
      await expect(policy.check(url)).resolves.toBeUndefined();
    }
  });

  it('refuses loopback, in every spelling, when loopback is not allowed', async () => {
    const strict = createUrlPolicy({ resolve: fakeDns, allowLoopback: false });
    for (const url of ['https://127.0.0.1/', 'https://0x7f.1/', 'https://2130706433/', 'https://[::1]/']) {
      expect(await refusal(strict, url)).toMatch(/loopback/);
    }
    expect(await refusal(strict, 'https://local.example.com/')).toMatch(/resolves to 127\.0\.0\.1.*loopback/);
    expect(await refusal(strict, 'http://hooks.example.com/')).toBe('must use https');
  });

  it('lets operators allow-list hosts, addresses and CIDR ranges', async () => {
    const allowing = createUrlPolicy({
      resolve: fakeDns,
      allowedHosts: ['evil.example.com', '192.168.0.0/16', 'fd00::/8', '172.16.5.5'],
    });
    await expect(allowing.check('https://evil.example.com/')).resolves.toBeUndefined();
    await expect(allowing.check('http://192.168.10.20:3000/')).resolves.toBeUndefined();
    await expect(allowing.check('https://mixed.example.com/')).resolves.toBeUndefined();
    await expect(allowing.check('https://172.16.5.5/')).resolves.toBeUndefined();
    expect(await refusal(allowing, 'https://172.16.5.6/')).toMatch(/private/);
  });

  it('refuses a malformed allow list at start-up, naming the entry', () => {
    expect(() => createUrlPolicy({ allowedHosts: ['10.0.0.0/99'] })).toThrow('"10.0.0.0/99"');
    expect(() => createUrlPolicy({ allowedHosts: ['bad host!'] })).toThrow('"bad host!"');
  });

  it('accepts an https name that does not resolve yet (delivery checks it again), but not over http', async () => {
    await expect(policy.check('https://not-yet.example.com/')).resolves.toBeUndefined();
    expect(await refusal(policy, 'http://not-yet.example.com/')).toMatch(/must use https/);
  });
});

describe('URL policy at delivery time', () => {
  it('checks the addresses a socket is about to connect to, and refuses internal ones', async () => {
    const policy = createUrlPolicy({ resolve: fakeDns });
    const error = await new Promise<Error>((resolve) => {
      const socket = connect({ host: 'evil.example.com', port: 443, lookup: policy.lookup });
      socket.on('error', resolve);
    });
    expect(error).toBeInstanceOf(UrlRefusedError);
    expect(error.message).toBe(
      'refused: evil.example.com resolves to 10.0.0.7, which is a private, link-local or reserved address',
    );
  });

  it('pins the socket to the address it checked', async () => {
    let calls = 0;
    // A rebinding resolver: public the first time, internal afterwards. Only one lookup may happen.
    const rebinding: ResolveHost = async () =>
      calls++ === 0 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.0.0.1', family: 4 }];
    const policy = createUrlPolicy({ resolve: rebinding });
    const address = await new Promise<string>((resolve, reject) =>
      policy.lookup('rebind.example.com', { all: false }, (err, addr) =>
        err ? reject(err) : resolve(addr as string),
      ),
    );
    expect(address).toBe('127.0.0.1');
    expect(calls).toBe(1);
  });

  it('refuses an IP literal URL that the policy does not allow', () => {
    const policy = createUrlPolicy({ allowLoopback: false });
    expect(() => policy.checkLiteral(new URL('http://127.0.0.1:9/'))).toThrow(/loopback/);
    expect(() => policy.checkLiteral(new URL('https://hooks.example.com/'))).not.toThrow();
  });
});
