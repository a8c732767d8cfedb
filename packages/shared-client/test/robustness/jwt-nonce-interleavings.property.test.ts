import fc from 'fast-check';
import { createMemoryReplayStore, verifyWebhook, WebhookVerificationError } from '../../src';
import { NOW_MS } from '../webhooks/helpers';
import { jwtDelivery } from './helpers/jwt-delivery';

/**
 * Issue #17's property: across 10,000 random interleavings of two tenants' JWT deliveries, no replay
 * is ever accepted and no genuine first delivery is refused. Each tenant's deliveries have their own
 * nonces; the attacker's tokens reuse the other tenant's nonces under its own secret. Receivers are
 * tenant A's, tenant B's, and an endpoint that holds both secrets; all share one store, as one
 * process's default store is shared.
 */
jest.setTimeout(300_000);

const SEED = 17_2026;
const RUNS = 10_000;
const PER_TENANT = 4;
const SECRETS = { A: 'interleave-tenant-a-secret-0123456789', B: 'interleave-tenant-b-secret-0123456789' };
type Tenant = keyof typeof SECRETS;

interface Pooled {
  body: string;
  /** Whose secret signed it. */
  signer: Tenant;
  /** The nonce's owner: the signer's own, or the other tenant's (a forgery aimed at it). */
  nonce: string;
}

const sign = jwtDelivery;

const RECEIVERS: readonly (readonly Tenant[])[] = [['A'], ['B'], ['A', 'B']];
let pool: Pooled[] = [];

beforeAll(async () => {
  for (const owner of ['A', 'B'] as const) {
    for (let i = 0; i < PER_TENANT; i++) {
      const nonce = `${owner}-nonce-${i}`;
      const attacker = owner === 'A' ? 'B' : 'A';
      pool.push({ body: await sign(SECRETS[owner], nonce), signer: owner, nonce });
      pool.push({ body: await sign(SECRETS[attacker], nonce), signer: attacker, nonce });
    }
  }
});
afterAll(() => {
  pool = [];
});

test('no replay is ever accepted and no genuine first delivery is refused', async () => {
  const step = fc.record({
    receiver: fc.integer({ min: 0, max: RECEIVERS.length - 1 }),
    item: fc.integer({ min: 0, max: 4 * PER_TENANT - 1 }),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
      const replayStore = createMemoryReplayStore();
      // What the model says has been accepted: a signer's nonce, once.
      const accepted = new Set<string>();
      for (const { receiver, item } of steps) {
        const holds = RECEIVERS[receiver]!;
        const delivery = pool[item]!;
        const outcome = await verifyWebhook(
          { headers: {}, rawBody: delivery.body },
          {
            scheme: 'jwt',
            secrets: holds.map((t) => SECRETS[t]),
            now: () => NOW_MS,
            replayStore,
          },
        ).then(
          () => 'accepted',
          (error: unknown) => (error instanceof WebhookVerificationError ? error.reason : 'threw'),
        );
        const key = `${delivery.signer}:${delivery.nonce}`;
        if (!holds.includes(delivery.signer)) {
          expect(outcome).toBe('bad_signature');
        } else if (accepted.has(key)) {
          expect(outcome).toBe('replayed');
        } else {
          expect(outcome).toBe('accepted');
          accepted.add(key);
        }
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
});
