import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { createMemoryReplayStore, EventEnvelope, sampleEvent, verifyWebhook } from '../../src';
import { NOW_MS, SECRETS, refusal } from '../webhooks/helpers';

/**
 * Issue #17, item 5: "A JWT without return_id leaves the payload unbound (a forged
 * trade_return.credited payload beside a JWT holding only iat/exp/nonce was accepted; with only
 * return_id the event type could be swapped)." And the contract's v1.1 SWAP bodies: `{"jwt": …}`
 * alone is accepted, the event built from the claims.
 */
const NOW = Math.floor(NOW_MS / 1000);
const genuine = sampleEvent('return.created');

async function body(claims: Record<string, unknown>, payload?: unknown): Promise<string> {
  const token = await new SignJWT({ iat: NOW, exp: NOW + 300, nonce: randomUUID(), ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(SECRETS.jwt));
  return payload === undefined
    ? JSON.stringify({ jwt: token })
    : `{"jwt":"${token}","payload":${JSON.stringify(payload)}}`;
}

const verify = (rawBody: string) =>
  verifyWebhook(
    { headers: {}, rawBody },
    { scheme: 'jwt', secret: SECRETS.jwt, now: () => NOW_MS, replayStore: createMemoryReplayStore() },
  );

describe('a JWT without return_id leaves the payload unbound', () => {
  const forged = { ...sampleEvent('trade_return.credited'), id: 'evt_forged0001' };

  test('a forged trade_return.credited payload beside a JWT of only iat/exp/nonce is refused, naming return_id', async () => {
    const error = await refusal(verify(await body({}, forged)));
    expect(error.reason).toBe('malformed');
    expect(error.message).toContain('return_id');
  });

  test('with only return_id, the event type (or the event) of our envelope cannot be swapped', async () => {
    const onlyReturn = { return_id: genuine.subject.id };
    expect((await refusal(verify(await body(onlyReturn, forged)))).reason).toBe('claim_mismatch');
    const withId = { ...onlyReturn, event_id: forged.id };
    expect((await refusal(verify(await body(withId, forged)))).reason).toBe('claim_mismatch');
    const withType = { ...onlyReturn, event: forged.type };
    expect((await refusal(verify(await body(withType, forged)))).reason).toBe('claim_mismatch');
  });

  test('bound by return_id, event_id and event, the envelope is accepted', async () => {
    const claims = { return_id: genuine.subject.id, event_id: genuine.id, event: genuine.type };
    await expect(verify(await body(claims, genuine))).resolves.toEqual(genuine);
  });
});

describe('SWAP bodies: {"jwt": …} alone', () => {
  const claims = { event: 'returnCreated', return_id: 'R-1001', order_id: 'O-77', store_id: 'S-9' };

  test('is accepted, the event built from the claims and data.source holding them', async () => {
    const event = await verify(await body(claims));
    EventEnvelope.parse(event);
    expect(event).toMatchObject({
      type: 'return.created',
      subject: { type: 'rma' },
      created_at: new Date(NOW * 1000).toISOString(),
      data: {
        rma: {
          status: 'REQUESTED',
          metadata: { source_return_id: 'R-1001', source_order_id: 'O-77', source_store_id: 'S-9' },
        },
        source: { vendor: 'swap', payload: expect.objectContaining(claims) },
      },
    });
  });

  test('the same return and event give the same event id, so receivers dedupe a resend', async () => {
    const [a, b] = [await verify(await body(claims)), await verify(await body(claims))];
    expect(a.id).toBe(b.id);
    const processed = await verify(await body({ ...claims, event: 'returnProcessed' }));
    expect(processed.type).toBe('return.processed');
    expect(processed.id).not.toBe(a.id);
  });

  test('without return_id, or with an event the connector does not know, it is refused', async () => {
    expect((await refusal(verify(await body({ event: 'returnCreated' })))).reason).toBe('malformed');
    expect((await refusal(verify(await body({ ...claims, event: 'somethingElse' })))).reason).toBe(
      'unknown_payload',
    );
  });
});
