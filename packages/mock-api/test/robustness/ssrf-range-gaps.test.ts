import type { Json } from '../helpers/harness';
import { classifyAddress, embeddedIpv4 } from '../../src/delivery/address-ranges';
import { startMockServer } from '../../src/server';
import type { MockServer } from '../../src/server';

/**
 * Issue #17, item 6: "SSRF range gaps: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, ::/96
 * (IPv4-compatible), ::ffff:0:0:0/96, fec0::/10, 100::/64 were accepted as webhook URLs; 6to4
 * (2002::/16) and Teredo (2001::/32) addresses must be judged by the IPv4 address they embed."
 */
let server: MockServer;
let headers: Record<string, string>;
beforeAll(async () => {
  server = await startMockServer();
  const client = await server.createApiClient();
  headers = { 'x-api-key': client.api_key, 'content-type': 'application/json' };
});
afterAll(() => server.close());

const subscribe = async (url: string) => {
  const res = await fetch(`${server.url}/external/v1/webhooks`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ url, events: ['*'] }),
  });
  return { status: res.status, body: (await res.json()) as Json };
};

describe('SSRF range gaps were accepted as webhook URLs', () => {
  test.each([
    'https://192.0.2.10/hooks',
    'https://198.51.100.7/hooks',
    'https://203.0.113.99/hooks',
    'https://[::a00:1]/hooks', // ::10.0.0.1, IPv4-compatible
    'https://[::5db8:d822]/hooks', // IPv4-compatible, even of a public address
    'https://[::ffff:0:a00:1]/hooks', // IPv4-translated
    'https://[fec0::1]/hooks',
    'https://[100::1]/hooks',
    'https://[2002:a00:1::1]/hooks', // 6to4 of 10.0.0.1
    'https://[2002:a9fe:a9fe::]/hooks', // 6to4 of 169.254.169.254
    'https://[2002:7f00:1::1]/hooks', // 6to4 of 127.0.0.1 is not loopback here
    'https://[2001:0:5db8:d822:0:0:f5ff:fffe]/hooks', // Teredo, client 10.0.0.1
    'https://[2001:0:a00:1:0:0:a247:2dcb]/hooks', // Teredo, server 10.0.0.1
  ])('%s is refused as 400 naming url', async (url) => {
    const res = await subscribe(url);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'url', message: expect.stringMatching(/private, link-local or reserved/) },
    ]);
  });

  test('tunnel addresses embedding a public IPv4 address stay public, and the embedded one is read right', () => {
    expect(embeddedIpv4('2002:5db8:d822::1')).toEqual(['93.184.216.34']);
    expect(embeddedIpv4('2001:0:5db8:d822::a247:27dd')).toEqual(['93.184.216.34', '93.184.216.34']);
    expect(classifyAddress('2002:5db8:d822::1')).toBe('public');
    expect(classifyAddress('2001:0:5db8:d822::a247:27dd')).toBe('public');
    expect(classifyAddress('2606:4700::1111')).toBe('public');
    expect(classifyAddress('::1')).toBe('loopback');
  });
});
