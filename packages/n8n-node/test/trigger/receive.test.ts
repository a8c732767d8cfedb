import type { IDataObject } from 'n8n-workflow';
import {
  REDO_SAMPLE_PAYLOAD,
  SWAP_SAMPLE_PAYLOAD,
  generateWebhookSecret,
  sampleEvent,
  signWebhook,
} from '@returns-pack/shared-client';
import type { EventType, SignatureScheme, SignedWebhook } from '@returns-pack/shared-client';
import { deliver, ReturnsPackTrigger } from '../../harness';
import type { TriggerOptions } from '../../harness';

const node = new ReturnsPackTrigger();
const credentials = { baseUrl: 'http://127.0.0.1:9', apiKey: 'rmk_unused' };

interface SenderCase {
  /** The node's parameters for this sender. */
  parameters: IDataObject;
  /** Where the secret lives: the subscription's (static data) or the credential's. */
  secretIn: 'subscription' | 'credential';
  secret: string;
  /** A delivery of one event signed with `secret`; called again for a second delivery of it. */
  sign(secret: string): Promise<SignedWebhook>;
  type: EventType;
}

const vendorSecret = 'vendor-shared-secret-0123456789';
const returnflows = { signatureHeader: 'X-Returnflows-Signature', signatureEncoding: 'base64' as const };

/** Every sender the verifier knows, as a user configures each on the node. */
const SENDERS: Record<string, SenderCase> = {
  'Returns API (subscription, hmac-sha256)': {
    parameters: { sender: 'returns_api', scheme: 'hmac-sha256' },
    secretIn: 'subscription',
    secret: generateWebhookSecret('hmac-sha256'),
    sign: (secret) => signWebhook({ scheme: 'hmac-sha256', secret, event: sampleEvent('return.created') }),
    type: 'return.created',
  },
  'Returns API (subscription, jwt)': {
    parameters: { sender: 'returns_api', scheme: 'jwt' },
    secretIn: 'subscription',
    secret: generateWebhookSecret('jwt'),
    sign: (secret) => signWebhook({ scheme: 'jwt', secret, event: sampleEvent('return.created') }),
    type: 'return.created',
  },
  'Returnflows-style HMAC (custom header, base64)': {
    parameters: { sender: 'returnflows', ...returnflows },
    secretIn: 'credential',
    secret: vendorSecret,
    sign: (secret) =>
      signWebhook({
        scheme: 'hmac-sha256',
        secret,
        event: sampleEvent('shipment.delivered'),
        header: returnflows.signatureHeader,
        encoding: returnflows.signatureEncoding,
      }),
    type: 'shipment.delivered',
  },
  'Redo (Bearer)': {
    parameters: { sender: 'redo' },
    secretIn: 'credential',
    secret: vendorSecret,
    sign: (secret) => signWebhook({ scheme: 'bearer', secret, event: REDO_SAMPLE_PAYLOAD }),
    type: 'return.created',
  },
  'SWAP (JWT)': {
    parameters: { sender: 'swap' },
    secretIn: 'credential',
    secret: vendorSecret,
    sign: (secret) =>
      signWebhook({ scheme: 'jwt', secret, event: SWAP_SAMPLE_PAYLOAD, claims: { event: 'returnCreated' } }),
    type: 'return.created',
  },
  'Standard Webhooks': {
    parameters: { sender: 'standard_webhooks' },
    secretIn: 'credential',
    secret: generateWebhookSecret('standard-webhooks'),
    sign: (secret) => signWebhook({ scheme: 'standard-webhooks', secret, event: sampleEvent('rma.breach') }),
    type: 'rma.breach',
  },
};

/** A trigger set up for `sender`, with fresh static data, picking every event. */
function triggerFor(sender: SenderCase): TriggerOptions {
  return {
    credentials:
      sender.secretIn === 'credential' ? { ...credentials, webhookSecret: sender.secret } : credentials,
    parameters: { ...sender.parameters, events: [] },
    staticData:
      sender.secretIn === 'subscription' ? { webhookId: 'wh_test', webhookSecret: sender.secret } : {},
  };
}

const otherSecret = (sender: SenderCase) =>
  sender.secret.startsWith('whsec_') ? generateWebhookSecret('standard-webhooks') : `${sender.secret}-forged`;

describe.each(Object.entries(SENDERS))('sender %s', (_name, sender) => {
  test('a delivery fires the trigger once with the verified, normalized event', async () => {
    const trigger = triggerFor(sender);
    const answer = await deliver(node, trigger, await sender.sign(sender.secret));
    expect(answer.status).toBe(200);
    expect(answer.emitted).toHaveLength(1);
    expect(answer.emitted[0]!.json).toMatchObject({
      id: expect.any(String),
      type: sender.type,
      subject: { type: 'rma', id: expect.stringMatching(/^rma_/) },
      data: { rma: expect.objectContaining({ id: expect.stringMatching(/^rma_/) }) },
    });
    expect(trigger.staticData.seenEvents).toEqual([answer.emitted[0]!.json.id]);
  });

  test('a forged delivery (another secret) is refused with 401 and starts nothing', async () => {
    const trigger = triggerFor(sender);
    const answer = await deliver(node, trigger, await sender.sign(otherSecret(sender)));
    expect(answer.status).toBe(401);
    expect(answer.result).toEqual({ noWebhookResponse: true });
    expect(answer.emitted).toEqual([]);
    expect(JSON.stringify(answer.body)).not.toContain(sender.secret);
  });

  test('a second delivery of the same event (a retry or replay, signed anew) is acknowledged and ignored', async () => {
    const trigger = triggerFor(sender);
    const first = await deliver(node, trigger, await sender.sign(sender.secret));
    // The next webhook call reads the static data n8n saved: a copy, not the same object.
    const reloaded = {
      ...trigger,
      staticData: JSON.parse(JSON.stringify(trigger.staticData)) as IDataObject,
    };
    const again = await deliver(node, reloaded, await sender.sign(sender.secret));
    expect(first.emitted).toHaveLength(1);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ received: true, ignored: 'duplicate', event: first.emitted[0]!.json.id });
    expect(again.emitted).toEqual([]);
  });
});

test('a captured JWT delivery sent again is refused as replayed: its nonce is kept in static data', async () => {
  const sender = SENDERS['SWAP (JWT)']!;
  const trigger = triggerFor(sender);
  const delivery = await sender.sign(sender.secret);
  expect((await deliver(node, trigger, delivery)).emitted).toHaveLength(1);
  expect(Object.keys(trigger.staticData).filter((k) => k.startsWith('returns-pack:nonces:'))).toHaveLength(1);
  // A new execution reads the static data n8n saved: a copy, not the same object.
  const reloaded = { ...trigger, staticData: JSON.parse(JSON.stringify(trigger.staticData)) as IDataObject };
  const replayed = await deliver(node, reloaded, delivery);
  expect(replayed.status).toBe(401);
  expect((replayed.body as { error: IDataObject }).error.code).toBe('replayed');
});

describe('a Returns API subscription, in each signing scheme', () => {
  test.each<SignatureScheme>(['hmac-sha256', 'standard-webhooks', 'jwt', 'bearer'])('%s', async (scheme) => {
    const secret = generateWebhookSecret(scheme);
    const trigger: TriggerOptions = {
      credentials,
      parameters: { sender: 'returns_api', scheme, events: ['return.created'] },
      staticData: { webhookId: 'wh_test', webhookSecret: secret },
    };
    const event = sampleEvent('return.created');
    const ok = await deliver(node, trigger, await signWebhook({ scheme, secret, event }));
    expect(ok.emitted).toEqual([{ json: event }]);
    const forged = await deliver(
      node,
      trigger,
      await signWebhook({ scheme, secret: generateWebhookSecret(scheme), event }),
    );
    expect(forged.status).toBe(401);
  });
});

test('a body changed after signing is refused (the HMAC covers the raw bytes)', async () => {
  const sender = SENDERS['Returns API (subscription, hmac-sha256)']!;
  const delivery = await sender.sign(sender.secret);
  const tampered = { ...delivery, body: delivery.body.replace('"test":false', '"test":true ') };
  const answer = await deliver(node, triggerFor(sender), tampered);
  expect(answer.status).toBe(401);
  expect(answer.body).toEqual({ error: { code: 'bad_signature', message: expect.any(String) } });
});

test('without any secret the trigger fails closed', async () => {
  const trigger = { ...triggerFor(SENDERS['Redo (Bearer)']!), credentials };
  const answer = await deliver(node, trigger, await SENDERS['Redo (Bearer)']!.sign(vendorSecret));
  expect(answer.status).toBe(401);
  expect((answer.body as { error: IDataObject }).error.code).toBe('missing_secret');
  expect(answer.emitted).toEqual([]);
});

test("the credential's secret is accepted beside the subscription's (a client created with a webhook URL)", async () => {
  const clientSecret = generateWebhookSecret('hmac-sha256');
  const trigger = {
    ...triggerFor(SENDERS['Returns API (subscription, hmac-sha256)']!),
    credentials: { ...credentials, webhookSecret: clientSecret },
  };
  const answer = await deliver(
    node,
    trigger,
    await SENDERS['Returns API (subscription, hmac-sha256)']!.sign(clientSecret),
  );
  expect(answer.emitted).toHaveLength(1);
});

test('events that were not picked are acknowledged and ignored; none picked takes every event', async () => {
  const secret = generateWebhookSecret('hmac-sha256');
  const trigger = (events: string[]): TriggerOptions => ({
    credentials,
    parameters: { sender: 'returns_api', scheme: 'hmac-sha256', events },
    staticData: { webhookId: 'wh_test', webhookSecret: secret },
  });
  const signed = (type: EventType) =>
    signWebhook({ scheme: 'hmac-sha256', secret, event: sampleEvent(type) });
  const picked = trigger(['return.created', 'rma.breach']);
  const other = await deliver(node, picked, await signed('return.processed'));
  expect(other.status).toBe(200);
  expect(other.body).toMatchObject({ received: true, ignored: 'other_event_type' });
  expect(other.emitted).toEqual([]);
  expect((await deliver(node, picked, await signed('rma.breach'))).emitted[0]!.json.type).toBe('rma.breach');
  expect((await deliver(node, trigger([]), await signed('autoclose.failed'))).emitted[0]!.json.type).toBe(
    'autoclose.failed',
  );
  // Workflows saved before the catalogue picked "*" for every event.
  expect((await deliver(node, trigger(['*']), await signed('label.generated'))).emitted).toHaveLength(1);
});
