import type { DeliveryAttempt } from '@returns-pack/shared-client';
import { DeliveryListFilters } from '@returns-pack/shared-client';
import { deliveryHarness, OWNER } from './helpers/harness';
import { startReceiver } from './helpers/receiver';
import type { Answer, Receiver } from './helpers/receiver';

/** mulberry32: a seeded generator, so a failing run can be replayed with the same choices. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20250314;
const EVENTS = 2000;
const SUBJECTS = 120;

/** Mostly fine; otherwise a 500, a reset connection, or an answer after the sender gave up waiting. */
function flaky(random: () => number): () => Answer {
  return () => {
    const roll = random();
    if (roll < 0.12) return 500;
    if (roll < 0.17) return 'reset';
    if (roll < 0.19) return { status: 200, delayMs: 1500 };
    return 200;
  };
}

async function allAttempts(
  h: ReturnType<typeof deliveryHarness>,
  webhookId: string,
): Promise<DeliveryAttempt[]> {
  const out: DeliveryAttempt[] = [];
  let cursor: string | undefined;
  do {
    const page = h.service.listDeliveries(
      OWNER,
      webhookId,
      DeliveryListFilters.parse({ limit: 100, cursor }),
    );
    out.push(...page.data);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return out.reverse();
}

describe(`a run of ${EVENTS} events against receivers failing at random (seed ${SEED})`, () => {
  const receivers: Receiver[] = [];
  const h = deliveryHarness({ timeoutMs: 600, attemptsKept: 100_000 });

  afterAll(async () => {
    await h.service.close();
    await Promise.all(receivers.map((r) => r.close()));
  });

  it('accounts for every event: delivered, or given up and logged; a second receipt only after a logged retry', async () => {
    const random = seeded(SEED);
    const subs = [];
    const policies: { retry_policy: 'exponential' | 'none'; retry_schedule: number[] }[] = [
      { retry_policy: 'exponential', retry_schedule: [1, 2, 4] },
      { retry_policy: 'none', retry_schedule: [1] },
    ];
    for (const policy of policies) {
      const r = await startReceiver(flaky(random));
      receivers.push(r);
      subs.push({ r, policy, sub: await h.subscribe({ url: r.url, ...policy }) });
    }

    const published = [];
    for (let i = 0; i < EVENTS; i++) published.push(h.emit(`rma_s${Math.floor(random() * SUBJECTS)}`));
    for (let round = 0; h.service.pending() > 0 && round < 100; round++) {
      await h.service.settled();
      await h.advance(4);
    }
    expect(h.service.pending()).toBe(0);

    for (const { r, policy, sub } of subs) {
      const attempts = await allAttempts(h, sub.id);
      const byEvent = new Map<string, DeliveryAttempt[]>();
      for (const a of attempts) byEvent.set(a.event_id, [...(byEvent.get(a.event_id) ?? []), a]);
      const receipts = new Map<string, number>();
      for (const got of r.received) receipts.set(got.event.id, (receipts.get(got.event.id) ?? 0) + 1);

      const outcomes = { delivered: 0, given_up: 0 };
      for (const event of published) {
        const tries = byEvent.get(event.id) ?? [];
        // Attempts 1..n, all but the last failed, the last one final.
        expect(tries.map((a) => a.attempt)).toEqual(tries.map((_a, i) => i + 1));
        expect(tries.slice(0, -1).every((a) => a.outcome === 'failed')).toBe(true);
        const last = tries.at(-1);
        expect(last && ['delivered', 'given_up'].includes(last.outcome)).toBe(true);
        outcomes[last!.outcome as 'delivered' | 'given_up']++;
        if (policy.retry_policy === 'none') expect(tries).toHaveLength(1);
        else if (last!.outcome === 'given_up') expect(tries).toHaveLength(policy.retry_schedule.length + 1);
        // Never received more often than attempted: a duplicate always has a logged retry behind it.
        expect(receipts.get(event.id) ?? 0).toBeLessThanOrEqual(tries.length);
        if (last!.outcome === 'delivered') expect(receipts.get(event.id)).toBeGreaterThanOrEqual(1);
      }
      expect(outcomes.delivered + outcomes.given_up).toBe(EVENTS);
      expect(outcomes.delivered).toBeGreaterThan(EVENTS * 0.6);
      if (policy.retry_policy === 'none') expect(outcomes.given_up).toBeGreaterThan(0);

      // Per subject, what the receiver saw never goes back in sequence.
      const lastSeen = new Map<string, number>();
      for (const got of r.received) {
        expect(got.event.sequence).toBeGreaterThanOrEqual(lastSeen.get(got.event.subject.id) ?? 0);
        lastSeen.set(got.event.subject.id, got.event.sequence);
      }
    }
  }, 60_000);
});
