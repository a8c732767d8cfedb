import { DeliveryListFilters } from '@returns-pack/shared-client';
import type { DeliveryAttempt } from '@returns-pack/shared-client';
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
 * Scaled down: a byte every 50 ms, and a global bound of 4 attempts that client A's trickling
 * receivers fill on their own. Two servers: one whose deadline is long enough that none of A's
 * attempts can end while B is served (so the order is certain on a busy machine), one whose
 * deadline is short, to see what the log says of an attempt that passed it.
 */
const DEADLINE_MS = 300;
const WINDOW = { start_time: '2000-01-01T00:00:00Z', end_time: '2100-01-01T00:00:00Z' };
let trickle: HostileReceiver;
let fast: Receiver;
beforeAll(async () => {
  trickle = await tricklingReceiver(50);
  fast = await startReceiver();
});
afterAll(async () => {
  await Promise.all([trickle.close(), fast.close()]);
});

/** Client A: 4 subscriptions to the trickling receiver, one creation, and a replay on each. */
async function noisyClientA(h: Harness): Promise<() => DeliveryAttempt[]> {
  const hooks: string[] = [];
  for (let i = 0; i < 4; i++) {
    const sub = await h.api.post('/external/v1/webhooks', { url: trickle.url, events: ['return.created'] });
    hooks.push(sub.body.id);
  }
  await h.api.post('/external/v1/trade-returns', tradeReturnBody());
  for (const id of hooks)
    expect((await h.api.post(`/external/v1/webhooks/${id}/replay`, WINDOW)).status).toBe(200);
  return () =>
    hooks.flatMap(
      (id) =>
        h.server.delivery.listDeliveries(h.client.id, id, DeliveryListFilters.parse({ limit: 100 })).data,
    );
}

describe("slow receivers stall every other client's webhooks", () => {
  test("client B's delivery goes out while client A's trickling attempts hold every global slot", async () => {
    const h = await startHarness({ webhooks: { timeoutMs: 60_000, maxConcurrency: 4 } });
    try {
      const attemptsOfA = await noisyClientA(h);
      const clientB = await h.server.createApiClient({ name: 'client B' });
      const asB = h.api.as({ 'x-api-key': clientB.api_key });
      const hookB = await asB.post('/external/v1/webhooks', { url: fast.url, events: ['label.generated'] });
      expect((await asB.post(`/external/v1/webhooks/${hookB.body.id}/test`, {})).status).toBe(200);
      await fast.waitFor(1);
      // Order, not time: B was served while none of A's attempts had ended.
      expect(attemptsOfA()).toHaveLength(0);
      expect(trickle.received).toBeGreaterThanOrEqual(4);
    } finally {
      await h.close();
    }
  });

  test('an attempt that passes its deadline is logged as timed out, never delivered, body trickle or not', async () => {
    const h = await startHarness({ webhooks: { timeoutMs: DEADLINE_MS } });
    try {
      const attemptsOfA = await noisyClientA(h);
      await h.server.delivery.settled();
      const attempts = attemptsOfA();
      expect(attempts).toHaveLength(8);
      for (const attempt of attempts) {
        expect(attempt.outcome).not.toBe('delivered');
        expect(attempt.error).toBe(`timed out after ${DEADLINE_MS} ms`);
      }
    } finally {
      await h.close();
    }
  });
});
