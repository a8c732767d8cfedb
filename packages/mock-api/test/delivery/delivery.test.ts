import { EventEnvelope } from '@returns-pack/shared-client';
import type { LookupAddress } from 'node:dns';
import { deliveryHarness, OWNER } from './helpers/harness';
import { refusingUrl, startReceiver } from './helpers/receiver';
import type { Receiver } from './helpers/receiver';

const receivers: Receiver[] = [];
const harnesses: ReturnType<typeof deliveryHarness>[] = [];

async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

function harness(...args: Parameters<typeof deliveryHarness>) {
  const h = deliveryHarness(...args);
  harnesses.push(h);
  return h;
}

afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.service.close()));
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const exponential = { retry_policy: 'exponential' as const, retry_schedule: [5, 30] };

describe('delivery to a healthy receiver', () => {
  it('posts the event once with the contract headers and logs the attempt', async () => {
    const r = await receiver(() => ({ status: 200, body: 'thanks' }));
    const h = harness();
    const sub = await h.subscribe({ url: r.url });
    const event = h.emit('rma_1', 'return.created');
    await h.service.settled();

    expect(r.received).toHaveLength(1);
    const [got] = r.received;
    expect(JSON.parse(got!.body)).toEqual(event);
    expect(got!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': expect.stringMatching(/^returns-mock-webhooks\//),
      'x-webhook-id': event.id,
      'x-webhook-timestamp': String(Math.floor(h.clock.now() / 1000)),
      'x-webhook-signature': expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(h.attempts(sub.id)).toEqual([
      expect.objectContaining({
        webhook_id: sub.id,
        event_id: event.id,
        event_type: 'return.created',
        attempt: 1,
        status_code: 200,
        outcome: 'delivered',
        error: null,
        response_snippet: 'thanks',
        next_attempt_at: null,
      }),
    ]);
    expect(h.service.pending()).toBe(0);
  });

  it.each(['none', 'exponential'] as const)(
    'waits for a slow answer within the timeout (retry_policy %s)',
    async (policy) => {
      const r = await receiver(() => ({ status: 204, delayMs: 300 }));
      const h = harness();
      const sub = await h.subscribe({ url: r.url, retry_policy: policy });
      h.emit('rma_1');
      await h.service.settled();
      expect(h.attempts(sub.id)).toEqual([
        expect.objectContaining({ outcome: 'delivered', status_code: 204 }),
      ]);
    },
  );

  it('reuses kept-alive connections for deliveries one after another', async () => {
    const r = await receiver();
    const h = harness();
    await h.subscribe({ url: r.url });
    for (let i = 0; i < 6; i++) {
      h.emit('rma_1');
      await h.service.settled();
    }
    expect(r.received).toHaveLength(6);
    // Without keep-alive every delivery would come on a new connection (undici may open a second).
    expect(new Set(r.received.map((x) => x.remotePort)).size).toBeLessThanOrEqual(2);
  });

  it('keeps only the start of a long answer', async () => {
    const r = await receiver(() => ({ status: 200, body: 'x'.repeat(5000) }));
    const h = harness();
    const sub = await h.subscribe({ url: r.url });
    h.emit('rma_1');
    await h.service.settled();
    expect(h.attempts(sub.id)[0]!.response_snippet).toHaveLength(512);
  });
});

describe.each([
  ['500', () => receiver(() => 500), /^answered 500$/],
  ['a timeout', () => receiver(() => ({ status: 200, delayMs: 3000 })), /^timed out after 250 ms$/],
  ['a refused connection', async () => ({ url: await refusingUrl(), received: [] }), /ECONNREFUSED/],
  [
    'a redirect',
    () => receiver(() => ({ status: 302, headers: { location: 'https://elsewhere.example/' } })),
    /redirects are not followed/,
  ],
])('a failed attempt (%s)', (_name, start, error) => {
  it('is given up at once, and logged, under retry_policy none (seed 000)', async () => {
    const r = await start();
    const h = harness({ timeoutMs: 250 });
    const sub = await h.subscribe({ url: r.url });
    const event = h.emit('rma_1');
    await h.service.settled();
    await h.advance(3600);

    expect(r.received.length).toBeLessThanOrEqual(1);
    expect(h.attempts(sub.id)).toEqual([
      expect.objectContaining({
        event_id: event.id,
        attempt: 1,
        outcome: 'given_up',
        next_attempt_at: null,
        error: expect.stringMatching(error),
      }),
    ]);
    expect(h.service.pending()).toBe(0);
  });

  it('is retried on the schedule, then given up, under retry_policy exponential', async () => {
    const r = await start();
    const h = harness({ timeoutMs: 250 });
    const sub = await h.subscribe({ url: r.url, ...exponential });
    const event = h.emit('rma_1');
    await h.service.settled();
    expect(h.attempts(sub.id)).toEqual([
      expect.objectContaining({ attempt: 1, outcome: 'failed', error: expect.stringMatching(error) }),
    ]);
    const [first] = h.attempts(sub.id);
    expect(Date.parse(first!.next_attempt_at!) - Date.parse(first!.at)).toBe(5000);

    await h.advance(4);
    expect(h.attempts(sub.id)).toHaveLength(1);
    await h.advance(1);
    expect(h.attempts(sub.id).map((a) => [a.attempt, a.outcome])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
    ]);
    await h.advance(30);
    const attempts = h.attempts(sub.id);
    expect(attempts.map((a) => [a.attempt, a.outcome])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'given_up'],
    ]);
    expect(attempts.every((a) => a.event_id === event.id)).toBe(true);
    expect(attempts[2]!.next_attempt_at).toBeNull();
    await h.advance(3600);
    expect(h.attempts(sub.id)).toHaveLength(3);
    expect(h.service.pending()).toBe(0);
  });
});

describe('retries', () => {
  it('deliver on a later attempt, each attempt signed anew with its own timestamp', async () => {
    const r = await receiver((_req, i) => (i === 0 ? { status: 200, delayMs: 3000 } : 200));
    const h = harness({ timeoutMs: 250 });
    const sub = await h.subscribe({ url: r.url, ...exponential });
    const event = h.emit('rma_1');
    await h.service.settled();
    await h.advance(5);

    expect(h.attempts(sub.id).map((a) => [a.attempt, a.outcome])).toEqual([
      [1, 'failed'],
      [2, 'delivered'],
    ]);
    expect(r.received.map((x) => x.event.id)).toEqual([event.id, event.id]);
    const [first, second] = r.received.map((x) => x.headers);
    expect(Number(second!['x-webhook-timestamp']) - Number(first!['x-webhook-timestamp'])).toBe(5);
  });

  it('keep each subject in sequence order while other subjects proceed', async () => {
    const failOnce = new Set<string>();
    const r = await receiver(({ event }) => {
      const key = `${event.subject.id}#${event.sequence}`;
      if (key === 'rma_a#1' && !failOnce.has(key)) {
        failOnce.add(key);
        return 500;
      }
      return 200;
    });
    const h = harness();
    const sub = await h.subscribe({ url: r.url, ...exponential });
    for (const subject of ['rma_a', 'rma_b', 'rma_a', 'rma_b', 'rma_a', 'rma_b']) h.emit(subject);
    await h.service.settled();

    const seen = () => r.received.map((x) => `${x.event.subject.id}#${x.event.sequence}`);
    expect(seen()).toEqual(['rma_a#1', 'rma_b#1', 'rma_b#2', 'rma_b#3']);
    await h.advance(5);
    expect(seen().filter((s) => s.startsWith('rma_a'))).toEqual(['rma_a#1', 'rma_a#1', 'rma_a#2', 'rma_a#3']);
    expect(h.attempts(sub.id, { outcome: 'delivered' })).toHaveLength(6);
  });

  it('give up what is waiting once the subscription is disabled, logging it', async () => {
    const r = await receiver(() => 503);
    const h = harness();
    const sub = await h.subscribe({ url: r.url, ...exponential });
    h.emit('rma_1');
    await h.service.settled();
    await h.service.updateSubscription(OWNER, sub.id, { enabled: false });
    h.emit('rma_1');
    await h.advance(5);
    expect(h.attempts(sub.id).map((a) => [a.attempt, a.outcome, a.error])).toEqual([
      [1, 'failed', 'answered 503'],
      [2, 'given_up', 'the subscription is disabled'],
    ]);
    expect(r.received).toHaveLength(1);
  });

  it('follow a URL change made while waiting', async () => {
    const broken = await receiver(() => 500);
    const fixed = await receiver(() => 200);
    const h = harness();
    const sub = await h.subscribe({ url: broken.url, ...exponential });
    h.emit('rma_1');
    await h.service.settled();
    await h.service.updateSubscription(OWNER, sub.id, { url: fixed.url });
    await h.advance(5);
    expect(fixed.received).toHaveLength(1);
    expect(h.attempts(sub.id).map((a) => a.outcome)).toEqual(['failed', 'delivered']);
  });
});

describe('replay and test events', () => {
  it('replays the window’s matching events with the same ids, flagged replay', async () => {
    const r = await receiver();
    const h = harness();
    const early = h.emit('rma_1', 'return.created');
    await h.advance(60);
    const inside = [
      h.emit('rma_1', 'return.ready'),
      h.emit('rma_2', 'return.created'),
      h.emit('rma_2', 'rma.breach'),
    ];
    await h.advance(60);
    h.emit('rma_3', 'return.created');
    const sub = await h.subscribe({ url: r.url, events: ['return.created', 'return.ready'] });

    const result = h.service.replay(OWNER, sub.id, {
      start_time: inside[0]!.created_at,
      end_time: new Date(Date.parse(inside[0]!.created_at) + 1000).toISOString(),
    });
    await h.service.settled();

    expect(result).toEqual({ replayed: 2 });
    expect(r.received.map((x) => x.event.id)).toEqual([inside[0]!.id, inside[1]!.id]);
    expect(r.received.every((x) => x.event.replay && !x.event.test)).toBe(true);
    expect(r.received.map((x) => x.event.id)).not.toContain(early.id);
  });

  it('sends one test event with a contract-valid sample RMA, whatever the filters', async () => {
    const r = await receiver();
    const h = harness();
    const sub = await h.subscribe({
      url: r.url,
      events: ['return.created'],
      conditions: { return_type: ['exchange'] },
    });
    const { event } = h.service.sendTest(OWNER, sub.id, { type: 'shipment.delivered' });
    await h.service.settled();

    expect(r.received).toHaveLength(1);
    const got = EventEnvelope.parse(JSON.parse(r.received[0]!.body));
    expect(got).toEqual(event);
    expect(got).toMatchObject({ type: 'shipment.delivered', test: true, replay: false });
    expect(h.service.sendTest(OWNER, sub.id, {}).event.type).toBe('return.created');
  });
});

describe('conditions', () => {
  it('deliver only events whose RMA meets them', async () => {
    const r = await receiver();
    const h = harness();
    await h.subscribe({
      url: r.url,
      conditions: { shipping_status: ['pre_transit'], return_type: ['refund'] },
    });
    const wanted = h.emit('rma_1', 'return.created');
    h.emit('rma_1', 'shipment.in_transit', {
      shipment: { status: 'in_transit', tracking_number: 'T', delivered_at: null },
    });
    h.emit('rma_2', 'return.created', { return_type: 'exchange' });
    await h.service.settled();
    expect(r.received.map((x) => x.event.id)).toEqual([wanted.id]);
  });
});

describe('addresses at delivery time', () => {
  it('connects to the address the policy checked, keeping the name in the Host header', async () => {
    const r = await receiver();
    const resolve = async (): Promise<LookupAddress[]> => [{ address: '127.0.0.1', family: 4 }];
    const h = harness({ urlPolicy: { resolve } });
    const port = new URL(r.url).port;
    const sub = await h.subscribe({ url: `http://hooks.internal.test:${port}/in` });
    h.emit('rma_1');
    await h.service.settled();
    expect(r.received[0]!.headers.host).toBe(`hooks.internal.test:${port}`);
    expect(h.attempts(sub.id)[0]!.outcome).toBe('delivered');
  });

  it('refuses a name that has come to resolve to a private address since the subscription', async () => {
    let address = '127.0.0.1';
    const resolve = async (): Promise<LookupAddress[]> => [{ address, family: 4 }];
    const h = harness({ urlPolicy: { resolve } });
    const sub = await h.subscribe({ url: 'http://rebinding.test:9/in' });
    address = '10.1.2.3';
    h.emit('rma_1');
    await h.service.settled();
    expect(h.attempts(sub.id)).toEqual([
      expect.objectContaining({
        outcome: 'given_up',
        status_code: null,
        error:
          'refused: rebinding.test resolves to 10.1.2.3, which is a private, link-local or reserved address',
      }),
    ]);
  });
});
