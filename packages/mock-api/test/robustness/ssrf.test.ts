import type { LookupAddress } from 'node:dns';
import type { Json } from '../helpers/harness';
import { DeliveryListFilters } from '@returns-pack/shared-client';
import type { ResolveHost } from '../../src/delivery';
import { startMockServer } from '../../src/server';
import type { MockServer } from '../../src/server';
import { startReceiver } from '../delivery/helpers/receiver';
import type { Receiver } from '../delivery/helpers/receiver';

/**
 * SSRF through the API, end to end: what the URL policy's unit tests check, seen from an integrator
 * (subscribe, update, default webhook), and at delivery (redirects, a name that changes its answer).
 * DNS is a table, as /etc/hosts would be: no test depends on the real resolver.
 */
let rebindCalls = 0;
const dns: ResolveHost = async (hostname) => {
  const table: Record<string, LookupAddress[]> = {
    'hooks.example.com': [{ address: '93.184.216.34', family: 4 }],
    'evil.example.com': [{ address: '10.0.0.7', family: 4 }],
    'metadata.example.com': [{ address: '169.254.169.254', family: 4 }],
    'v6.example.com': [{ address: 'fd00::1', family: 6 }],
    'mixed.example.com': [
      { address: '93.184.216.34', family: 4 },
      { address: '192.168.1.10', family: 4 },
    ],
  };
  // Loopback while the subscription is checked, an internal address by the time of delivery.
  if (hostname === 'rebind.example.com')
    return [{ address: rebindCalls++ === 0 ? '127.0.0.1' : '10.0.0.1', family: 4 }];
  const found = table[hostname];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return found;
};

let server: MockServer;
let key: Record<string, string>;
let owner: string;
const receivers: Receiver[] = [];
beforeAll(async () => {
  server = await startMockServer({ webhooks: { urlPolicy: { resolve: dns }, timeoutMs: 2000 } });
  const client = await server.createApiClient();
  key = { 'x-api-key': client.api_key, 'content-type': 'application/json' };
  owner = client.id;
});
afterAll(async () => {
  await server.close();
  await Promise.all(receivers.map((r) => r.close()));
});

const post = async (path: string, body: unknown, headers = key) => {
  const res = await fetch(server.url + path, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Json };
};

const INTERNAL = [
  'https://10.1.2.3/hooks',
  'https://172.16.0.1/hooks',
  'https://192.168.0.1/hooks',
  'https://169.254.169.254/latest/meta-data',
  'https://[fe80::1]/hooks',
  'https://[fd12::1]/hooks',
  'https://[::ffff:169.254.169.254]/hooks',
  'https://0xa9fea9fe/hooks',
  'https://evil.example.com/hooks',
  'https://metadata.example.com/hooks',
  'https://v6.example.com/hooks',
  'https://mixed.example.com/hooks',
];

test.each(INTERNAL)('subscribing %s is 400 naming url', async (url) => {
  const res = await post('/external/v1/webhooks', { url, events: ['*'] });
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('validation_failed');
  expect(res.body.error.details).toEqual([
    { path: 'url', message: expect.stringMatching(/private|link-local|reserved/) },
  ]);
});

test('moving a subscription to an internal URL is refused, and so is an API client default webhook', async () => {
  const ok = await post('/external/v1/webhooks', { url: 'https://hooks.example.com/in', events: ['*'] });
  expect(ok.status).toBe(201);
  for (const url of INTERNAL) {
    const res = await fetch(`${server.url}/external/v1/webhooks/${ok.body.id}`, {
      method: 'PATCH',
      headers: key,
      body: JSON.stringify({ url }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Json).error.details[0].path).toBe('url');
  }
  const admin = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
  const client = await post(
    '/admin/v1/api-clients',
    { name: 'x', webhook_url: 'https://evil.example.com/' },
    admin,
  );
  expect(client.status).toBe(400);
  expect(client.body.error.details[0].path).toBe('webhook_url');
});

async function attemptsOf(webhookId: string) {
  await server.delivery.settled();
  return server.delivery.listDeliveries(owner, webhookId, DeliveryListFilters.parse({ limit: 10 })).data;
}

test.each([
  ['to an internal address', 'http://169.254.169.254/latest/meta-data'],
  ['to another loopback receiver', 'TARGET'],
])('a redirect %s is not followed', async (_name, location) => {
  const target = await startReceiver();
  const redirecting = await startReceiver(() => ({
    status: 307,
    headers: { location: location === 'TARGET' ? target.url : location },
  }));
  receivers.push(target, redirecting);
  const sub = await post('/external/v1/webhooks', { url: redirecting.url, events: ['*'] });
  await post(`/external/v1/webhooks/${sub.body.id}/test`, {});
  const [attempt] = await attemptsOf(sub.body.id);
  expect(attempt).toMatchObject({ status_code: 307, outcome: 'given_up' });
  expect(attempt!.error).toMatch(/redirects are not followed/);
  expect(redirecting.received).toHaveLength(1);
  expect(target.received).toHaveLength(0);
});

test('a name that resolved to an allowed address at subscription and to an internal one at delivery is not connected to', async () => {
  const receiver = await startReceiver();
  receivers.push(receiver);
  const url = receiver.url.replace('127.0.0.1', 'rebind.example.com');
  const sub = await post('/external/v1/webhooks', { url, events: ['*'] });
  expect(sub.status).toBe(201);
  await post(`/external/v1/webhooks/${sub.body.id}/test`, {});
  const [attempt] = await attemptsOf(sub.body.id);
  expect(attempt).toMatchObject({ status_code: null, outcome: 'given_up' });
  expect(attempt!.error).toContain('rebind.example.com resolves to 10.0.0.1');
  expect(receiver.received).toHaveLength(0);
  expect(rebindCalls).toBe(2);
});
