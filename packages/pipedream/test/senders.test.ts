// The vendors' seed payloads, as their documentation prints them: fine in tests, never in a bundle.
import { REDO_SAMPLE_PAYLOAD, SWAP_SAMPLE_PAYLOAD } from '@returns-pack/shared-client';
import { generateWebhookSecret, sampleEvent, signWebhook } from '@returns-pack/shared-client';
import type { EventEnvelope, SignedWebhook } from '@returns-pack/shared-client';
import { loadComponent } from '../harness';
import type { DeployedSource } from '../harness';
import { envelopes, sourceFixture } from './support/sources';

/**
 * Every instant source takes every sender the verifier knows, chosen by its Sender prop: the
 * Returns API (the source subscribes itself, in any of the four schemes) and four vendors whose
 * deliveries it verifies with the secret copied into Signing Secret. Each fires once, verified,
 * for a genuine delivery, never for a forged one, and once only for an event id seen again.
 */
const newReturn = loadComponent('sources/new-return-instant/new-return-instant.mjs');
const fixture = sourceFixture();

async function post(source: DeployedSource, delivery: SignedWebhook) {
  const response = await fetch(source.http!.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...delivery.headers },
    body: delivery.body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const subscriptionOf = (source: DeployedSource) =>
  source.db.get('subscription') as { id: string; secret: string; scheme: string } | null;

describe.each(['hmac-sha256', 'bearer', 'jwt', 'standard-webhooks'] as const)(
  'the Returns API as sender, signing with %s',
  (scheme) => {
    it('subscribes in that scheme and emits the real delivery once, verified', async () => {
      const source = await fixture.deploy(newReturn, { sender: 'returns_api', scheme });
      expect(subscriptionOf(source)).toMatchObject({ scheme, secret: expect.any(String) });
      const rmaId = await fixture.createReturn('jane.doe@example.com');
      await source.http!.untilAnswered(1);
      expect(source.http!.responses).toEqual([{ status: 200, body: { received: expect.any(String) } }]);
      expect(envelopes(source.emitted)).toEqual([
        expect.objectContaining({
          type: 'return.created',
          data: expect.objectContaining({ rma: expect.objectContaining({ id: rmaId }) }),
        }),
      ]);
    });

    it('refuses a delivery signed with another secret, and emits a repeated event id once', async () => {
      jest.spyOn(console, 'log').mockImplementation(() => undefined);
      const source = await fixture.deploy(newReturn, { sender: 'returns_api', scheme });
      const { secret } = subscriptionOf(source)!;
      const event = sampleEvent('return.created');
      const forged = await post(
        source,
        await signWebhook({ scheme, secret: generateWebhookSecret(scheme), event }),
      );
      expect(forged.status).toBe(401);
      expect(JSON.stringify(forged.body)).not.toContain(secret);
      // Signed twice: for jwt each signing has its own nonce, so only the event id tells them apart.
      expect((await post(source, await signWebhook({ scheme, secret, event }))).body).toEqual({
        received: event.id,
      });
      expect((await post(source, await signWebhook({ scheme, secret, event }))).body).toEqual({
        received: event.id,
        ignored: 'duplicate',
      });
      expect(envelopes(source.emitted)).toEqual([event]);
      jest.restoreAllMocks();
    });
  },
);

const VENDOR_SECRET = 'vendor-shared-secret-0123456789';
const STANDARD_SECRET = generateWebhookSecret('standard-webhooks');

interface VendorCase {
  sender: string;
  props: Record<string, unknown>;
  /** A genuine delivery, and one signed the same way with a secret the source does not hold. */
  sign(secret: string): Promise<SignedWebhook>;
  secret: string;
  forgedSecret: string;
  expected: Partial<EventEnvelope> & Record<string, unknown>;
}

const returnflows = { signatureHeader: 'X-Returnflows-Signature', signatureEncoding: 'base64' } as const;

const VENDORS: VendorCase[] = [
  {
    sender: 'returnflows',
    props: returnflows,
    secret: VENDOR_SECRET,
    forgedSecret: 'guessed-secret-0123456789',
    sign: (secret) =>
      signWebhook({
        scheme: 'hmac-sha256',
        secret,
        event: sampleEvent('return.created'),
        header: returnflows.signatureHeader,
        encoding: returnflows.signatureEncoding,
      }),
    expected: sampleEvent('return.created'),
  },
  {
    sender: 'redo',
    props: {},
    secret: VENDOR_SECRET,
    forgedSecret: 'guessed-secret-0123456789',
    sign: (secret) => signWebhook({ scheme: 'bearer', secret, event: REDO_SAMPLE_PAYLOAD }),
    expected: {
      type: 'return.created',
      subject: { type: 'rma', id: 'rma_64df65d4c5a4ca3eff4b4e43' },
      data: expect.objectContaining({ source: expect.objectContaining({ vendor: 'redo' }) }),
    },
  },
  {
    sender: 'swap',
    props: {},
    secret: VENDOR_SECRET,
    forgedSecret: 'guessed-secret-0123456789',
    sign: (secret) =>
      signWebhook({ scheme: 'jwt', secret, event: SWAP_SAMPLE_PAYLOAD, claims: { event: 'returnCreated' } }),
    expected: {
      type: 'return.created',
      subject: { type: 'rma', id: 'rma_hqSC23fuNgXGafRsST2woUDaTwB3' },
      data: expect.objectContaining({ source: expect.objectContaining({ vendor: 'swap' }) }),
    },
  },
  {
    sender: 'standard_webhooks',
    props: {},
    secret: STANDARD_SECRET,
    forgedSecret: generateWebhookSecret('standard-webhooks'),
    sign: (secret) =>
      signWebhook({ scheme: 'standard-webhooks', secret, event: sampleEvent('return.created') }),
    expected: sampleEvent('return.created'),
  },
];

describe.each(VENDORS)('$sender as sender, verified with the Signing Secret', (vendor) => {
  const deploy = () =>
    fixture.deploy(newReturn, { sender: vendor.sender, signingSecret: vendor.secret, ...vendor.props });

  it('subscribes to nothing, and emits a genuine delivery once, normalized', async () => {
    const source = await deploy();
    expect(subscriptionOf(source)).toBeUndefined();
    const answer = await post(source, await vendor.sign(vendor.secret));
    expect(answer).toEqual({ status: 200, body: { received: expect.any(String) } });
    expect(envelopes(source.emitted)).toEqual([expect.objectContaining(vendor.expected)]);
    expect(source.emitted[0]!.meta.id).toBe(answer.body.received);
  });

  it('refuses a forged delivery and emits nothing', async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const source = await deploy();
    const answer = await post(source, await vendor.sign(vendor.forgedSecret));
    expect(answer.status).toBe(401);
    expect(source.emitted).toEqual([]);
    jest.restoreAllMocks();
  });

  it('emits an event delivered twice once', async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const source = await deploy();
    await post(source, await vendor.sign(vendor.secret));
    const again = await post(source, await vendor.sign(vendor.secret));
    // A JWT is also refused as a replay when its nonce comes back; a fresh one is ignored as a duplicate.
    expect(again.status).toBe(200);
    expect(again.body.ignored).toBe('duplicate');
    expect(source.emitted).toHaveLength(1);
    jest.restoreAllMocks();
  });
});

describe('a replayed SWAP JWT', () => {
  it('is refused on its nonce, which the source keeps in db', async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const source = await fixture.deploy(newReturn, { sender: 'swap', signingSecret: VENDOR_SECRET });
    const delivery = await VENDORS[2]!.sign(VENDOR_SECRET);
    expect((await post(source, delivery)).status).toBe(200);
    expect(await post(source, delivery)).toEqual({ status: 401, body: { error: 'replayed' } });
    const keys = (source.db as unknown as { keys(): string[] }).keys();
    expect(keys.some((key) => key.startsWith('returns-pack:nonces:'))).toBe(true);
    jest.restoreAllMocks();
  });
});

describe('a vendor sender without a Signing Secret', () => {
  it('refuses to activate, naming the prop', async () => {
    await expect(fixture.deploy(newReturn, { sender: 'redo' })).rejects.toThrow(/Signing Secret is required/);
  });
});
