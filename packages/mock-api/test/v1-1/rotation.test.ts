import {
  createMemoryReplayStore,
  verifyWebhook,
  WebhookVerificationError,
} from '@returns-pack/shared-client';
import type { SignatureScheme } from '@returns-pack/shared-client';
import type { Harness } from '../helpers/harness';
import { startHarness } from '../helpers/harness';
import { startReceiver } from '../delivery/helpers/receiver';
import type { Received, Receiver } from '../delivery/helpers/receiver';

/**
 * v1.1 `POST /external/v1/webhooks/{id}/rotate-secret`, against the mock on loopback with a real
 * receiver: during the grace window no receiver holding either secret fails; after it, only the new
 * secret verifies. The window ends on the mock's test clock, never by waiting.
 */
let h: Harness;
let r: Receiver;
beforeAll(async () => {
  h = await startHarness({ rateLimit: false, webhookSendRateLimit: false });
  r = await startReceiver();
});
afterAll(async () => {
  await r.close();
  await h.close();
});

const GRACE = 3600;
const now = () => h.server.services.clock.now();

/** Each check is a different receiver, with its own JWT nonce store (one receiver would refuse a replay). */
async function verifies(got: Received, scheme: SignatureScheme, secrets: string[]): Promise<boolean> {
  try {
    const replayStore = createMemoryReplayStore();
    await verifyWebhook({ headers: got.headers, rawBody: got.body }, { scheme, secrets, now, replayStore });
    return true;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return false;
    throw error;
  }
}

/** Sends one test event through the subscription and returns what the receiver got. */
async function deliverOne(webhookId: string): Promise<Received> {
  const before = r.received.length;
  const sent = await h.api.post(`/external/v1/webhooks/${webhookId}/test`, { type: 'label.generated' });
  expect(sent.status).toBe(200);
  const all = await r.waitFor(before + 1);
  return all[before]!;
}

describe.each(['hmac-sha256', 'bearer', 'jwt', 'standard-webhooks'] as const)(
  'rotating a %s secret',
  (scheme) => {
    test('both secrets verify during the grace window, only the new one after it', async () => {
      const sub = (await h.api.post('/external/v1/webhooks', { url: r.url, events: ['*'], scheme })).body;
      const old = sub.secret as string;

      const rotated = await h.api.post(`/external/v1/webhooks/${sub.id}/rotate-secret`, {
        grace_seconds: GRACE,
      });
      expect(rotated.status).toBe(200);
      const fresh = rotated.body.secret as string;
      expect(fresh).not.toBe(old);
      // The window is measured on the server's clock, from the rotation: a little of it has passed since.
      const left = Date.parse(rotated.body.previous_secret_expires_at) - now();
      expect(left).toBeGreaterThan((GRACE - 60) * 1000);
      expect(left).toBeLessThanOrEqual(GRACE * 1000);
      // Reads never show a secret, old or new.
      expect(JSON.stringify((await h.api.get(`/external/v1/webhooks/${sub.id}`)).body)).not.toContain(fresh);

      const during = await deliverOne(sub.id);
      // A receiver that still holds the old secret, or that has added the new one beside it, accepts.
      expect(await verifies(during, scheme, [old])).toBe(true);
      expect(await verifies(during, scheme, [fresh, old])).toBe(true);
      // Standard Webhooks carries both signatures, so the new secret alone verifies already.
      expect(await verifies(during, scheme, [fresh])).toBe(scheme === 'standard-webhooks');

      await h.admin.post('/admin/v1/clock/advance', { seconds: GRACE });
      const after = await deliverOne(sub.id);
      expect(await verifies(after, scheme, [fresh])).toBe(true);
      expect(await verifies(after, scheme, [old])).toBe(false);
    });
  },
);

test('grace_seconds 0 drops the old secret at once; out of range names the field; another client gets 404', async () => {
  const sub = (await h.api.post('/external/v1/webhooks', { url: r.url, events: ['*'] })).body;
  const rotated = await h.api.post(`/external/v1/webhooks/${sub.id}/rotate-secret`, { grace_seconds: 0 });
  const got = await deliverOne(sub.id);
  expect(await verifies(got, 'hmac-sha256', [rotated.body.secret])).toBe(true);
  expect(await verifies(got, 'hmac-sha256', [sub.secret])).toBe(false);

  const bad = await h.api.post(`/external/v1/webhooks/${sub.id}/rotate-secret`, { grace_seconds: 604_801 });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details[0].path).toBe('grace_seconds');

  const other = await h.server.createApiClient({ name: 'someone else' });
  const foreign = await h.api
    .as({ 'x-api-key': other.api_key })
    .post(`/external/v1/webhooks/${sub.id}/rotate-secret`);
  expect(foreign.status).toBe(404);
});

test('without a body the window is a day', async () => {
  const sub = (await h.api.post('/external/v1/webhooks', { url: r.url, events: ['*'] })).body;
  const rotated = await h.api.post(`/external/v1/webhooks/${sub.id}/rotate-secret`);
  expect(rotated.status).toBe(200);
  const expires = Date.parse(rotated.body.previous_secret_expires_at);
  expect(expires - now()).toBeGreaterThan(86_400_000 - 60_000);
  expect(expires - now()).toBeLessThanOrEqual(86_400_000);
});
