import { startMockServer } from '../../src/server';
import type { MockServer } from '../../src/server';
import { startReceiver } from '../delivery/helpers/receiver';
import type { Received, Receiver } from '../delivery/helpers/receiver';

/**
 * The delivery log keeps the start of each receiver's answer (`response_snippet`). Echo endpoints
 * are a common way to try webhooks out, and an echo answers with the request's headers: the log
 * must not hand the subscription's secret back through them.
 */
let server: MockServer;
const receivers: Receiver[] = [];
afterAll(async () => {
  await server.close();
  await Promise.all(receivers.map((r) => r.close()));
});

const echoing = (body: (r: Received) => string) =>
  startReceiver((r) => ({ status: 200, body: body(r), headers: { 'content-type': 'application/json' } }));

let echo: Receiver;
/** Echoes the Authorization header so that the 512-character snippet ends 12 characters into the secret. */
let cutEcho: Receiver;
beforeAll(async () => {
  echo = await echoing((r) => JSON.stringify({ headers: r.headers, body: r.body }));
  cutEcho = await echoing((r) => `${'x'.repeat(493)}${r.headers.authorization}`);
  receivers.push(echo, cutEcho);
  server = await startMockServer();
});

/** Subscribes, sends the test event, and answers the subscription's secret and its delivery log as text. */
async function deliverOnce(receiver: Receiver, scheme: string) {
  const client = await server.createApiClient();
  const headers = { 'x-api-key': client.api_key, 'content-type': 'application/json' };
  const created = await fetch(`${server.url}/external/v1/webhooks`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ url: receiver.url, events: ['*'], scheme }),
  });
  const { id, secret } = (await created.json()) as { id: string; secret: string };
  const before = receiver.received.length;
  await fetch(`${server.url}/external/v1/webhooks/${id}/test`, { method: 'POST', headers, body: '{}' });
  await receiver.waitFor(before + 1);
  await server.delivery.settled();
  const log = await (await fetch(`${server.url}/external/v1/webhooks/${id}/deliveries`, { headers })).text();
  expect(JSON.parse(log).data).toHaveLength(1);
  return { secret, log, snippet: JSON.parse(log).data[0].response_snippet as string };
}

test.each(['bearer', 'hmac-sha256', 'jwt', 'standard-webhooks'])(
  '%s: a receiver echoing the request does not put the secret in the delivery log',
  async (scheme) => {
    const { secret, log, snippet } = await deliverOnce(echo, scheme);
    expect(snippet).toContain('x-webhook-id');
    expect(log).not.toContain(secret.slice(-16));
  },
);

test('nor does a snippet that ends part-way through the secret', async () => {
  const { secret, snippet } = await deliverOnce(cutEcho, 'bearer');
  expect(snippet.startsWith(`${'x'.repeat(493)}Bearer `)).toBe(true);
  expect(snippet).not.toContain(secret.slice(0, 8));
});
