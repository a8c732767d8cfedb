import type { IDataObject } from 'n8n-workflow';
import {
  REDO_SAMPLE_PAYLOAD,
  SWAP_SAMPLE_PAYLOAD,
  generateWebhookSecret,
  sampleEvent,
  signWebhook,
} from '@returns-pack/shared-client';
import type { EventType, SignatureScheme } from '@returns-pack/shared-client';
import { ReturnsPackTrigger } from '../../nodes/ReturnsPackTrigger/ReturnsPackTrigger.node';
import { deliver } from '../harness/webhook';
import type { TriggerOptions } from '../harness/webhook';

const node = new ReturnsPackTrigger();
const credentials = { baseUrl: 'http://127.0.0.1:9', apiKey: 'rmk_unused' };

/** A trigger subscribed through the API with `scheme`, holding the subscription's secret. */
function subscribed(
  scheme: SignatureScheme,
  events: string[] = ['return.created'],
): TriggerOptions & { secret: string } {
  const secret = generateWebhookSecret(scheme);
  return {
    secret,
    credentials,
    parameters: { source: 'returnsApi', scheme, events },
    staticData: { webhookId: 'wh_test', webhookSecret: secret },
  };
}

const signed = (scheme: SignatureScheme, secret: string, type: EventType = 'return.created') =>
  signWebhook({ scheme, secret, event: sampleEvent(type) });

describe.each<SignatureScheme>(['hmac-sha256', 'standard-webhooks', 'jwt', 'bearer'])(
  'a Returns API subscription signed with %s',
  (scheme) => {
    test('a valid delivery emits the verified, normalized event', async () => {
      const trigger = subscribed(scheme);
      const answer = await deliver(node, trigger, await signed(scheme, trigger.secret));
      expect(answer.status).toBe(200);
      expect(answer.emitted).toEqual([{ json: sampleEvent('return.created') }]);
    });

    test('a delivery signed with another secret is refused with 401 and starts nothing', async () => {
      const trigger = subscribed(scheme);
      const answer = await deliver(node, trigger, await signed(scheme, generateWebhookSecret(scheme)));
      expect(answer.status).toBe(401);
      expect(answer.result).toEqual({ noWebhookResponse: true });
      expect(answer.emitted).toEqual([]);
      expect(JSON.stringify(answer.body)).not.toContain(trigger.secret);
    });
  },
);

test('a body changed after signing is refused (the HMAC covers the raw bytes)', async () => {
  const trigger = subscribed('hmac-sha256');
  const delivery = await signed('hmac-sha256', trigger.secret);
  const tampered = { ...delivery, body: delivery.body.replace('"test":false', '"test":true ') };
  const answer = await deliver(node, trigger, tampered);
  expect(answer.status).toBe(401);
  expect(answer.body).toEqual({ error: { code: 'bad_signature', message: expect.any(String) } });
});

test('an unsigned delivery is refused as missing its signature', async () => {
  const trigger = subscribed('hmac-sha256');
  const answer = await deliver(node, trigger, {
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(answer.status).toBe(401);
  expect((answer.body as { error: IDataObject }).error.code).toBe('missing_signature');
});

test('without any secret the trigger fails closed', async () => {
  const trigger = { ...subscribed('hmac-sha256'), staticData: {} };
  const answer = await deliver(node, trigger, await signed('hmac-sha256', 'whatever-secret-0123456789'));
  expect(answer.status).toBe(401);
  expect((answer.body as { error: IDataObject }).error.code).toBe('missing_secret');
  expect(answer.emitted).toEqual([]);
});

test("the credential's secret is accepted beside the subscription's (a client created with a webhook URL)", async () => {
  const clientSecret = generateWebhookSecret('hmac-sha256');
  const trigger = {
    ...subscribed('hmac-sha256'),
    credentials: { ...credentials, webhookSecret: clientSecret },
  };
  const answer = await deliver(node, trigger, await signed('hmac-sha256', clientSecret));
  expect(answer.emitted).toHaveLength(1);
});

test('events that were not chosen are acknowledged and ignored; "*" takes every event', async () => {
  const trigger = subscribed('hmac-sha256', ['return.created', 'rma.breach']);
  const other = await deliver(node, trigger, await signed('hmac-sha256', trigger.secret, 'return.processed'));
  expect(other.status).toBe(200);
  expect(other.body).toEqual({ received: true, ignored: 'return.processed' });
  expect(other.emitted).toEqual([]);
  const breach = await deliver(node, trigger, await signed('hmac-sha256', trigger.secret, 'rma.breach'));
  expect(breach.emitted[0]!.json.type).toBe('rma.breach');
  const all = subscribed('hmac-sha256', ['*']);
  const any = await deliver(node, all, await signed('hmac-sha256', all.secret, 'autoclose.failed'));
  expect(any.emitted[0]!.json.type).toBe('autoclose.failed');
});

describe('deliveries from other vendors, verified with the credential secret', () => {
  const vendorSecret = 'vendor-shared-secret-0123456789';
  const vendor = (source: string, options: IDataObject = {}): TriggerOptions => ({
    credentials: { ...credentials, webhookSecret: vendorSecret },
    parameters: { source, events: ['*'], options },
    staticData: {},
  });

  test("Redo's Bearer-authenticated payload becomes our envelope", async () => {
    const answer = await deliver(node, vendor('redo'), {
      headers: { authorization: `Bearer ${vendorSecret}`, 'content-type': 'application/json' },
      body: REDO_SAMPLE_PAYLOAD,
    });
    expect(answer.emitted[0]!.json).toMatchObject({
      type: 'return.created',
      subject: { id: 'rma_64df65d4c5a4ca3eff4b4e43' },
      data: { source: { vendor: 'redo' } },
    });
    const forged = await deliver(node, vendor('redo'), {
      headers: { authorization: 'Bearer guessed-secret-value' },
      body: REDO_SAMPLE_PAYLOAD,
    });
    expect(forged.status).toBe(401);
  });

  test("SWAP's JWT-in-body payload becomes our envelope; a replayed JWT is refused", async () => {
    const delivery = await signWebhook({
      scheme: 'jwt',
      secret: vendorSecret,
      event: SWAP_SAMPLE_PAYLOAD,
      claims: { event: 'returnCreated' },
    });
    const answer = await deliver(node, vendor('swap'), delivery);
    expect(answer.emitted[0]!.json).toMatchObject({
      type: 'return.created',
      subject: { id: 'rma_hqSC23fuNgXGafRsST2woUDaTwB3' },
      data: { source: { vendor: 'swap' } },
    });
    const replayed = await deliver(node, vendor('swap'), delivery);
    expect(replayed.status).toBe(401);
    expect((replayed.body as { error: IDataObject }).error.code).toBe('replayed');
  });

  test('a Returnflows-style HMAC in a custom header and base64 is verified as configured', async () => {
    const options = { header: 'X-Returnflows-Signature', encoding: 'base64' as const };
    const event = sampleEvent('shipment.delivered');
    const delivery = await signWebhook({ scheme: 'hmac-sha256', secret: vendorSecret, event, ...options });
    expect(Object.keys(delivery.headers)).toContain('X-Returnflows-Signature');
    const answer = await deliver(node, vendor('returnflows', options), delivery);
    expect(answer.emitted).toEqual([{ json: event }]);
    // The same signature in the default header is not what this sender was configured with.
    const misplaced = await deliver(node, vendor('returnflows'), delivery);
    expect(misplaced.status).toBe(401);
  });
});
