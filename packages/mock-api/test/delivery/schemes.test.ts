import { createHmac } from 'node:crypto';
import { jwtVerify } from 'jose';
import { generateWebhookSecret, verifyWebhook, WebhookVerificationError } from '@returns-pack/shared-client';
import type { EventEnvelope, SignatureScheme } from '@returns-pack/shared-client';
import { deliveryHarness } from './helpers/harness';
import { startReceiver } from './helpers/receiver';
import type { Received, Receiver } from './helpers/receiver';

/** A check of one delivery written straight on node:crypto and jose, independent of the shared signer. */
type IndependentCheck = (got: Received, secret: string, nowMs: number) => Promise<void>;

const seconds = (ms: number) => String(Math.floor(ms / 1000));

const independently: Record<SignatureScheme, IndependentCheck> = {
  async 'hmac-sha256'(got, secret) {
    const expected = createHmac('sha256', secret).update(Buffer.from(got.body, 'utf8')).digest('hex');
    expect(got.headers['x-webhook-signature']).toBe(expected);
  },
  async bearer(got, secret) {
    expect(got.headers.authorization).toBe(`Bearer ${secret}`);
  },
  async 'standard-webhooks'(got, secret, nowMs) {
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const id = got.headers['webhook-id'] as string;
    const timestamp = got.headers['webhook-timestamp'] as string;
    expect(id).toBe(got.event.id);
    expect(timestamp).toBe(seconds(nowMs));
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${got.body}`).digest('base64');
    expect(got.headers['webhook-signature']).toBe(`v1,${expected}`);
  },
  async jwt(got, secret, nowMs) {
    const body = JSON.parse(got.body) as { jwt: string; payload: EventEnvelope };
    const { payload: claims, protectedHeader } = await jwtVerify(body.jwt, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      currentDate: new Date(nowMs),
    });
    expect(protectedHeader.alg).toBe('HS256');
    expect(claims).toMatchObject({
      iat: Math.floor(nowMs / 1000),
      exp: Math.floor(nowMs / 1000) + 300,
      nonce: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      event_id: body.payload.id,
      event: body.payload.type,
      return_id: body.payload.data.rma.id,
    });
  },
};

const wrongSecret = (scheme: SignatureScheme) => generateWebhookSecret(scheme);

let r: Receiver;
let h: ReturnType<typeof deliveryHarness>;
/** The test clock's time at each receipt: what a receiver's own clock would read. */
let receivedAt: number[];

beforeEach(async () => {
  h = deliveryHarness();
  receivedAt = [];
  // The first attempt fails, so every scheme is also seen signing a retry.
  r = await startReceiver((_got, i) => {
    receivedAt.push(h.clock.now());
    return i === 0 ? 500 : 200;
  });
});

afterEach(async () => {
  await h.service.close();
  await r.close();
});

describe.each(Object.keys(independently) as SignatureScheme[])('the %s scheme', (scheme) => {
  it('signs every attempt anew, as the shared verifier and an independent check both accept', async () => {
    const sub = await h.subscribe({ url: r.url, scheme, retry_policy: 'exponential', retry_schedule: [7] });
    const event = h.emit('rma_1', 'return.created');
    await h.service.settled();
    await h.advance(7);
    expect(h.attempts(sub.id).map((a) => a.outcome)).toEqual(['failed', 'delivered']);
    expect(r.received).toHaveLength(2);

    for (const [i, got] of r.received.entries()) {
      const now = receivedAt[i]!;
      expect(got.headers['x-webhook-timestamp']).toBe(seconds(now));
      expect(got.headers['x-webhook-id']).toBe(event.id);
      const verified = await verifyWebhook(
        { headers: got.headers as Record<string, string>, rawBody: got.body },
        { scheme, secret: sub.secret, now: () => now },
      );
      expect(verified).toEqual(event);
      await independently[scheme](got, sub.secret, now);
    }
    expect(receivedAt[1]! - receivedAt[0]!).toBe(7000);
  });

  it('is refused by the shared verifier under another secret', async () => {
    await h.subscribe({ url: r.url, scheme });
    h.emit('rma_1');
    await h.service.settled();
    const [got] = r.received;
    await expect(
      verifyWebhook(
        { headers: got!.headers as Record<string, string>, rawBody: got!.body },
        { scheme, secret: wrongSecret(scheme), now: () => receivedAt[0]! },
      ),
    ).rejects.toBeInstanceOf(WebhookVerificationError);
  });
});
