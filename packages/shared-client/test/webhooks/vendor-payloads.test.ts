import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  REDO_SAMPLE_PAYLOAD,
  Rma,
  SWAP_SAMPLE_BODY,
  SWAP_SAMPLE_JWT,
  SWAP_SAMPLE_PAYLOAD,
  UNKNOWN_EMAIL,
  createMemoryReplayStore,
  verifyWebhook,
} from '../../src';
import { expectValidEnvelope, refusal } from './helpers';

const REDO_SECRET = 'your-subscriber-secret-123';
const redoHeaders = { authorization: `Bearer ${REDO_SECRET}`, 'content-type': 'application/json' };
const verifyRedo = (rawBody: string | Buffer, extra = {}) =>
  verifyWebhook({ headers: redoHeaders, rawBody }, { scheme: 'bearer', secret: REDO_SECRET, ...extra });

const SWAP_SECRET = 'swap-test-secret-0123456789abcdef';
/** Seed 003's sample JWT was issued at 1733019235; tests run on a clock a minute later. */
const SWAP_NOW_S = 1_733_019_295;
const swapClaims = JSON.parse(Buffer.from(SWAP_SAMPLE_JWT.split('.')[1]!, 'base64url').toString()) as Record<
  string,
  unknown
>;

/** The seed's claims re-signed with our test secret, spliced beside the seed's payload bytes. */
async function swapBody(overrides: Record<string, unknown> = {}): Promise<string> {
  const token = await new SignJWT({ ...swapClaims, ...overrides })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(SWAP_SECRET));
  return SWAP_SAMPLE_BODY.replace(SWAP_SAMPLE_JWT, token);
}
const verifySwap = (rawBody: string, extra = {}) =>
  verifyWebhook(
    { headers: { 'content-type': 'application/json' }, rawBody },
    {
      scheme: 'jwt',
      secret: SWAP_SECRET,
      now: () => SWAP_NOW_S * 1000,
      replayStore: createMemoryReplayStore(),
      ...extra,
    },
  );

describe("Redo's payload (seed 002) with its Bearer secret", () => {
  it('verifies the seed sample byte for byte and maps it onto our envelope', async () => {
    const event = expectValidEnvelope(await verifyRedo(REDO_SAMPLE_PAYLOAD));
    const dedupeKey = '64df65d4c5a4ca3eff4b4e43-2023-08-18T12:00:00Z';
    expect(event).toMatchObject({
      id: `evt_${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}`,
      type: 'return.created',
      created_at: '2023-08-18T12:00:00.000Z',
      subject: { type: 'rma', id: 'rma_64df65d4c5a4ca3eff4b4e43' },
      test: false,
      replay: false,
      data: {
        rma: {
          id: 'rma_64df65d4c5a4ca3eff4b4e43',
          kind: 'trade_return',
          status: 'REQUESTED',
          customer: { name: 'Jane Doe' },
          items: [{ sku: 'variant-789', quantity: 1, reason: 'Too big', unit_price: null }],
          credit: { amount: 50, currency: 'USD', status: 'pending' },
          return_type: 'refund',
          external_reference: 'shopify-order-123',
        },
        source: { vendor: 'redo', payload: JSON.parse(REDO_SAMPLE_PAYLOAD) },
      },
    });
  });

  it('keeps a usable RMA when the e-mail is unusable (the seed prints an obfuscated one)', async () => {
    const event = await verifyRedo(REDO_SAMPLE_PAYLOAD);
    expect(event.data.rma.customer.email).toBe(UNKNOWN_EMAIL);
    const real = REDO_SAMPLE_PAYLOAD.replace(/"emailAddress": "[^"]*"/, '"emailAddress": "jane@example.com"');
    expect((await verifyRedo(real)).data.rma.customer.email).toBe('jane@example.com');
  });

  it('gives retries of the same event the same id, and other events other ids', async () => {
    const first = await verifyRedo(REDO_SAMPLE_PAYLOAD);
    const retry = await verifyRedo(Buffer.from(REDO_SAMPLE_PAYLOAD));
    const later = await verifyRedo(
      REDO_SAMPLE_PAYLOAD.replace('"at": "2023-08-18T12:00:00Z"', '"at": "2023-08-18T13:00:00Z"'),
    );
    expect(retry.id).toBe(first.id);
    expect(later.id).not.toBe(first.id);
    expect(later.sequence).toBeGreaterThan(first.sequence);
  });

  it.each([
    ['updated', 'return.updated', false],
    ['backfill', 'return.updated', true],
  ])('maps type "%s" to %s with replay %s', async (type, expected, replay) => {
    const body = REDO_SAMPLE_PAYLOAD.replace('"type": "created"', `"type": "${type}"`);
    expect(await verifyRedo(body)).toMatchObject({ type: expected, replay });
  });

  it('refuses a Redo type it does not know (unknown_payload)', async () => {
    const body = REDO_SAMPLE_PAYLOAD.replace('"type": "created"', '"type": "deleted"');
    const error = await refusal(verifyRedo(body));
    expect(error.reason).toBe('unknown_payload');
    expect(error.message).toContain('deleted');
  });

  it('refuses a Redo event without return.id, naming the field (malformed)', async () => {
    const body = REDO_SAMPLE_PAYLOAD.replace('"id": "64df65d4c5a4ca3eff4b4e43"', '"id": 42');
    const error = await refusal(verifyRedo(body));
    expect(error.reason).toBe('malformed');
    expect(error.message).toContain('return.id');
  });

  it('hashes vendor ids that do not fit our id alphabet', async () => {
    const body = REDO_SAMPLE_PAYLOAD.replaceAll('64df65d4c5a4ca3eff4b4e43', 'ret/42 a');
    const event = expectValidEnvelope(await verifyRedo(body));
    expect(event.data.rma.id).toBe(
      `rma_${createHash('sha256').update('ret/42 a').digest('hex').slice(0, 32)}`,
    );
  });

  it('honours a payloadFormat override', async () => {
    const error = await refusal(verifyRedo(REDO_SAMPLE_PAYLOAD, { payloadFormat: 'returns-api' }));
    expect(error.reason).toBe('malformed');
    await expect(verifyRedo(REDO_SAMPLE_PAYLOAD, { payloadFormat: 'redo' })).resolves.toBeDefined();
  });

  it('still refuses the seed payload with a wrong Bearer token', async () => {
    const error = await refusal(
      verifyWebhook(
        { headers: redoHeaders, rawBody: REDO_SAMPLE_PAYLOAD },
        { scheme: 'bearer', secret: 'x'.repeat(20) },
      ),
    );
    expect(error.reason).toBe('bad_signature');
  });
});

describe("SWAP's payload (seed 003) with its JWT", () => {
  it("rejects the seed's own sample JWT with our test secret (bad_signature)", async () => {
    expect((await refusal(verifySwap(SWAP_SAMPLE_BODY))).reason).toBe('bad_signature');
  });

  it('verifies the seed payload bytes re-signed with a test secret and maps them onto our envelope', async () => {
    const body = await swapBody();
    expect(body).toContain(SWAP_SAMPLE_PAYLOAD);
    const event = expectValidEnvelope(await verifySwap(body));
    expect(event).toMatchObject({
      type: 'return.created',
      created_at: '2024-11-26T13:21:54.866Z',
      subject: { type: 'rma', id: 'rma_hqSC23fuNgXGafRsST2woUDaTwB3' },
      data: {
        rma: {
          status: 'LABEL_CREATED',
          customer: { email: UNKNOWN_EMAIL, name: 'Gal Arnan' },
          items: [{ quantity: 1, reason: 'Changed my mind', unit_price: 39.99 }],
          credit: { amount: 39.99, currency: 'GBP' },
          shipment: { status: 'pre_transit', tracking_number: 'OT237025045GB' },
          return_type: 'refund',
          external_reference: '24216',
        },
        source: { vendor: 'swap', payload: JSON.parse(SWAP_SAMPLE_PAYLOAD) },
      },
    });
    expect(Rma.parse(event.data.rma)).toEqual(event.data.rma);
  });

  it('maps returnProcessed to return.processed', async () => {
    const event = await verifySwap(await swapBody({ event: 'returnProcessed', nonce: 'n-processed' }));
    expect(event).toMatchObject({ type: 'return.processed', data: { rma: { status: 'PROCESSED' } } });
  });

  it('refuses a SWAP event it does not know (unknown_payload)', async () => {
    expect((await refusal(verifySwap(await swapBody({ event: 'returnExploded' })))).reason).toBe(
      'unknown_payload',
    );
  });

  it("refuses a JWT whose return_id is not the payload's (claim_mismatch)", async () => {
    const error = await refusal(verifySwap(await swapBody({ return_id: 'someOtherReturn' })));
    expect(error.reason).toBe('claim_mismatch');
    expect(error.message).toContain('return_id');
  });

  it('refuses the seed delivery once its exp has passed (expired)', async () => {
    const error = await refusal(
      verifySwap(await swapBody(), { now: () => (Number(swapClaims.exp) + 1) * 1000 }),
    );
    expect(error.reason).toBe('expired');
  });

  it('uses the event_id claim as the event id when it is one of ours', async () => {
    const event = await verifySwap(await swapBody({ event_id: 'evt_fromTheJwt' }));
    expect(event.id).toBe('evt_fromTheJwt');
  });

  it('refuses a SWAP payload that arrives without a JWT (unknown_payload: the event name is in the JWT)', async () => {
    const secret = 'swap-bearer-secret-123456';
    const error = await refusal(
      verifyWebhook(
        { headers: { Authorization: `Bearer ${secret}` }, rawBody: SWAP_SAMPLE_PAYLOAD },
        { scheme: 'bearer', secret },
      ),
    );
    expect(error.reason).toBe('unknown_payload');
    expect(error.message).toContain('jwt');
  });
});
