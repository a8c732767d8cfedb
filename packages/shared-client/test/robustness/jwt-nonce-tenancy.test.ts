import { randomUUID } from 'node:crypto';
import { createMemoryReplayStore, verifyWebhook } from '../../src';
import type { VerifyWebhookOptions } from '../../src';
import { NOW_MS, refusal } from '../webhooks/helpers';
import { EVENT as event, jwtDelivery } from './helpers/jwt-delivery';

/**
 * Issue #17, item 3: "JWT nonces share one process-wide store keyed by the nonce alone, and a full
 * store evicts unexpired nonces. After another tenant verified 10,000 JWTs, a captured delivery was
 * accepted again; a token signed with one tenant's secret carrying another tenant's nonce burnt that
 * tenant's genuine delivery."
 */
const SECRET_A = 'tenant-a-jwt-secret-0123456789abcdef';
const SECRET_B = 'tenant-b-jwt-secret-0123456789abcdef';

const delivery = jwtDelivery;

const verifyAs = (secret: string, rawBody: string, extra: Partial<VerifyWebhookOptions> = {}) =>
  verifyWebhook({ headers: {}, rawBody }, { scheme: 'jwt', secret, now: () => NOW_MS, ...extra });

describe('JWT nonces share one process-wide store keyed by the nonce alone', () => {
  test('after another tenant verified 10,000 JWTs, a captured delivery is still refused as a replay', async () => {
    // The process-wide default store, as a connector that passes none uses.
    const captured = await delivery(SECRET_A);
    await expect(verifyAs(SECRET_A, captured)).resolves.toEqual(event);
    for (let i = 0; i < 10_000; i++) await verifyAs(SECRET_B, await delivery(SECRET_B));
    expect((await refusal(verifyAs(SECRET_A, captured))).reason).toBe('replayed');
    // The flooding tenant's own share is full: its next delivery waits (503), nobody else's does.
    const refused = await refusal(verifyAs(SECRET_B, await delivery(SECRET_B)));
    expect([refused.reason, refused.status]).toEqual(['store_unavailable', 503]);
    await expect(verifyAs(SECRET_A, await delivery(SECRET_A))).resolves.toEqual(event);
    // 10,000 signings and verifications take seconds on a busy 2-core machine: a budget, not a measure.
  }, 120_000);

  test("a token signed with one tenant's secret carrying another tenant's nonce does not burn that tenant's delivery", async () => {
    const replayStore = createMemoryReplayStore();
    const nonce = randomUUID();
    const genuine = await delivery(SECRET_A, nonce);
    // The attacker's own secret verifies its token, and the verifier of a shared endpoint holds both.
    const forged = await delivery(SECRET_B, nonce);
    const both = { secret: undefined, secrets: [SECRET_B, SECRET_A], replayStore };
    await expect(verifyAs(SECRET_B, forged, both)).resolves.toEqual(event);
    await expect(verifyAs(SECRET_A, genuine, both)).resolves.toEqual(event);
    expect((await refusal(verifyAs(SECRET_A, genuine, both))).reason).toBe('replayed');
  });

  test('a full share refuses new deliveries rather than forgetting unexpired nonces', async () => {
    const replayStore = createMemoryReplayStore({ maxPerScope: 3 });
    const first = await delivery(SECRET_A);
    await verifyAs(SECRET_A, first, { replayStore });
    for (let i = 0; i < 2; i++) await verifyAs(SECRET_A, await delivery(SECRET_A), { replayStore });
    expect((await refusal(verifyAs(SECRET_A, await delivery(SECRET_A), { replayStore }))).reason).toBe(
      'store_unavailable',
    );
    expect((await refusal(verifyAs(SECRET_A, first, { replayStore }))).reason).toBe('replayed');
    await expect(verifyAs(SECRET_B, await delivery(SECRET_B), { replayStore })).resolves.toEqual(event);
  });
});
