import { DeliveryListFilters } from '@returns-pack/shared-client';
import type { Harness } from '../helpers/harness';
import { startHarness, tradeReturnBody } from '../helpers/harness';
import { startReceiver } from '../delivery/helpers/receiver';
import type { Receiver } from '../delivery/helpers/receiver';
import { tricklingReceiver } from './helpers/hostile-receivers';
import type { HostileReceiver } from './helpers/hostile-receivers';

/**
 * Issue #17, item 1: "Slow receivers stall every other client's webhooks. One client with 4
 * subscriptions to a receiver that answers 200 at once and then sends one body byte every 2 s, plus a
 * replay on each, delayed another client's delivery by 28 s (30 s trickle) and 58 s (60 s trickle);
 * those 30 s attempts were logged delivered."
 * Scaled down: a 400 ms deadline, a byte every 50 ms, and a global bound of 4 attempts that client
 * A's trickling receivers fill on their own.
 */
const DEADLINE_MS = 400;
let h: Harness;
let trickle: HostileReceiver;
let fast: Receiver;
let clientB: { id: string; api_key: string };
const hooksOfA: string[] = [];

beforeAll(async () => {
  h = await startHarness({ webhooks: { timeoutMs: DEADLINE_MS, maxConcurrency: 4 } });
  trickle = await tricklingReceiver(50);
  fast = await startReceiver();
  clientB = await h.server.createApiClient({ name: 'client B' });
  for (let i = 0; i < 4; i++) {
    const sub = await h.api.post('/external/v1/webhooks', { url: trickle.url, events: ['return.created'] });
    hooksOfA.push(sub.body.id);
  }
});
afterAll(async () => {
  await h.close();
  await Promise.all([trickle.close(), fast.close()]);
});

const attemptsOfA = () =>
  hooksOfA.flatMap(
    (id) => h.server.delivery.listDeliveries(h.client.id, id, DeliveryListFilters.parse({ limit: 100 })).data,
  );

describe("slow receivers stall every other client's webhooks", () => {
  test("client B's delivery goes out while client A's trickling attempts hold every global slot", async () => {
    await h.api.post('/external/v1/trade-returns', tradeReturnBody());
    const window = { start_time: '2000-01-01T00:00:00Z', end_time: '2100-01-01T00:00:00Z' };
    for (const id of hooksOfA)
      expect((await h.api.post(`/external/v1/webhooks/${id}/replay`, window)).status).toBe(200);

    const asB = h.api.as({ 'x-api-key': clientB.api_key });
    const hookB = await asB.post('/external/v1/webhooks', { url: fast.url, events: ['label.generated'] });
    const test = await asB.post(`/external/v1/webhooks/${hookB.body.id}/test`, {});
    expect(test.status).toBe(200);
    await fast.waitFor(1);
    // Order, not time: B was served before any of A's attempts had even ended.
    expect(attemptsOfA()).toHaveLength(0);
    expect(trickle.received).toBeGreaterThan(0);
  });

  test('an attempt that passes its deadline is logged as timed out, never delivered, body trickle or not', async () => {
    await h.server.delivery.settled();
    const attempts = attemptsOfA();
    expect(attempts).toHaveLength(8);
    for (const attempt of attempts) {
      expect(attempt.outcome).not.toBe('delivered');
      expect(attempt.error).toBe(`timed out after ${DEADLINE_MS} ms`);
    }
  });
});
