import type { Harness } from '../helpers/harness';
import { startHarness } from '../helpers/harness';
import { startReceiver } from '../delivery/helpers/receiver';
import type { Receiver } from '../delivery/helpers/receiver';

/**
 * Issue #17, item 4: "An Idempotency-Key reused on another webhook id replays the first answer
 * (/webhooks/A/test then /webhooks/B/test: B gets A's event id, nothing is sent to B): the
 * fingerprint uses the route pattern, not the path."
 */
let h: Harness;
let a: Receiver;
let b: Receiver;
let hookA: string;
let hookB: string;
beforeAll(async () => {
  h = await startHarness();
  [a, b] = await Promise.all([startReceiver(), startReceiver()]);
  hookA = (await h.api.post('/external/v1/webhooks', { url: a.url, events: ['*'] })).body.id;
  hookB = (await h.api.post('/external/v1/webhooks', { url: b.url, events: ['*'] })).body.id;
});
afterAll(async () => {
  await h.close();
  await Promise.all([a.close(), b.close()]);
});

const withKey = (key: string) => ({ headers: { 'idempotency-key': key } });

describe('an Idempotency-Key reused on another webhook id replays the first answer', () => {
  test('test events: the key on webhook B is a different request (409), not A answer again', async () => {
    const first = await h.api.post(`/external/v1/webhooks/${hookA}/test`, {}, withKey('k-test'));
    expect(first.status).toBe(200);
    const again = await h.api.post(`/external/v1/webhooks/${hookA}/test`, {}, withKey('k-test'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.event.id).toBe(first.body.event.id);

    const other = await h.api.post(`/external/v1/webhooks/${hookB}/test`, {}, withKey('k-test'));
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('conflict');

    const fresh = await h.api.post(`/external/v1/webhooks/${hookB}/test`, {}, withKey('k-test-b'));
    expect(fresh.status).toBe(200);
    expect(fresh.body.event.id).not.toBe(first.body.event.id);
    await h.server.delivery.settled();
    expect(a.received.map((r) => r.event.id)).toEqual([first.body.event.id]);
    expect(b.received.map((r) => r.event.id)).toEqual([fresh.body.event.id]);
  });

  test('replays: the same key and window on another webhook is refused too', async () => {
    const window = { start_time: '2020-01-01T00:00:00Z', end_time: '2020-01-02T00:00:00Z' };
    const first = await h.api.post(`/external/v1/webhooks/${hookA}/replay`, window, withKey('k-replay'));
    expect(first.status).toBe(200);
    const other = await h.api.post(`/external/v1/webhooks/${hookB}/replay`, window, withKey('k-replay'));
    expect(other.status).toBe(409);
  });
});
