import type { Harness } from '../helpers/harness';
import { startHarness, tradeReturnBody } from '../helpers/harness';
import { deliveryHarness } from '../delivery/helpers/harness';
import { startReceiver } from '../delivery/helpers/receiver';
import type { Receiver } from '../delivery/helpers/receiver';
import { hangingReceiver } from './helpers/hostile-receivers';
import type { HostileReceiver } from './helpers/hostile-receivers';

/**
 * Issue #17, item 2: "Replay is an unbounded amplifier. 500 replay calls from one client with 100
 * subscriptions queued 1,000,000 jobs in 5 s … Replay and test have no rate limit; pending jobs are
 * capped per subscription, not per client; each replayed job copies the event, which defeats the
 * per-event serialisation cache." (The memory and read-latency figures are in the flood bench.)
 */
const WINDOW = { start_time: '2000-01-01T00:00:00Z', end_time: '2100-01-01T00:00:00Z' };

describe('replay and test have no rate limit', () => {
  let h: Harness;
  let receiver: Receiver;
  beforeAll(async () => {
    h = await startHarness();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await h.close();
    await receiver.close();
  });

  test('the 11th replay or test in a minute is 429 with Retry-After, a budget apart from creations', async () => {
    const hook = (await h.api.post('/external/v1/webhooks', { url: receiver.url, events: ['*'] })).body.id;
    for (let i = 1; i <= 10; i++) {
      const path = `/external/v1/webhooks/${hook}/${i % 2 ? 'replay' : 'test'}`;
      const res = await h.api.post(path, i % 2 ? WINDOW : {});
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBe('10');
    }
    const refused = await h.api.post(`/external/v1/webhooks/${hook}/replay`, WINDOW);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(refused.body.error.message).toMatch(/replay and test/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    // Creations draw on their own budget.
    expect((await h.api.post('/external/v1/trade-returns', tradeReturnBody())).status).toBe(201);
    h.server.clock.advance(retryAfter);
    expect((await h.api.post(`/external/v1/webhooks/${hook}/test`, {})).status).toBe(200);
  });
});

describe('pending jobs are capped per subscription, not per client', () => {
  let h: Harness;
  let hanging: HostileReceiver;
  beforeAll(async () => {
    // Each subscription holds at most one attempt on the wire, so everything else stays pending.
    h = await startHarness({
      webhookSendRateLimit: false,
      webhooks: { maxPendingPerClient: 5, maxConcurrencyPerSubscription: 1, timeoutMs: 60_000 },
    });
    hanging = await hangingReceiver();
  });
  afterAll(async () => {
    await h.close();
    await hanging.close();
  });

  test("a replay that would push the client's waiting deliveries past its cap is 409 naming the cap, and queues nothing", async () => {
    const hooks: string[] = [];
    for (let i = 0; i < 2; i++) {
      const sub = await h.api.post('/external/v1/webhooks', { url: hanging.url, events: ['return.created'] });
      hooks.push(sub.body.id);
    }
    // Two creations reach both subscriptions: 4 deliveries waiting of the client's 5.
    for (let i = 0; i < 2; i++) await h.api.post('/external/v1/trade-returns', tradeReturnBody());
    expect(h.server.delivery.pending()).toBe(4);

    const refused = await h.api.post(`/external/v1/webhooks/${hooks[0]}/replay`, WINDOW);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    expect(refused.body.error.message).toMatch(/cap of 5 waiting deliveries/);
    expect(h.server.delivery.pending()).toBe(4);

    // Another client's replays do not count against this one's cap.
    const other = await h.server.createApiClient();
    const asOther = h.api.as({ 'x-api-key': other.api_key });
    const theirs = await asOther.post('/external/v1/webhooks', {
      url: hanging.url,
      events: ['return.created'],
    });
    const replayed = await asOther.post(`/external/v1/webhooks/${theirs.body.id}/replay`, WINDOW);
    expect(replayed.status).toBe(200);
    expect(replayed.body.replayed).toBe(2);
  });
});

describe('each replayed job copies the event, which defeats the per-event serialisation cache', () => {
  test('an event is serialised once for its delivery and once for all its replays, however many', async () => {
    const receiver = await startReceiver();
    const harness = deliveryHarness();
    const sub = await harness.subscribe({ url: receiver.url });
    const event = harness.emit('rma_once');
    await harness.service.settled();
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      for (let i = 0; i < 5; i++) harness.service.replay('cli_owner', sub.id, WINDOW);
      await harness.service.settled();
      const ofEvent = stringify.mock.calls.filter(([value]) => (value as { id?: unknown })?.id === event.id);
      expect(ofEvent).toHaveLength(1);
      expect(receiver.received.filter((r) => r.event.replay)).toHaveLength(5);
    } finally {
      stringify.mockRestore();
      await harness.service.close();
      await receiver.close();
    }
  });
});
