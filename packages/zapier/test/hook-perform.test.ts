import { generateWebhookSecret, sampleEvent, signWebhook } from '@returns-pack/shared-client';
import type { EventEnvelope, EventType, SignatureScheme } from '@returns-pack/shared-client';
import { deliveredHeaders } from '../src/triggers/delivered-headers';
import { appRunner, operationOf, rawRequestOf, zapierHeaders } from '../harness';
import { rejectionOf, zapierErrorBody } from './helpers/mock';

// `perform` is a function of the hook request, the Zap's subscription and z.cache: no network here.
const run = appRunner();
const newReturn = operationOf('triggers', 'new_return').perform;
const newEvent = operationOf('triggers', 'new_event').perform;
const event = sampleEvent('return.created');

async function delivery(scheme: SignatureScheme, secret: string, payload: EventEnvelope | string = event) {
  const signed = await signWebhook({ scheme, secret, event: payload });
  return rawRequestOf(signed.headers, signed.body);
}

const perform = (subscribeData: object, rawRequest: object, inputData: object = {}, runner = run) =>
  runner<EventEnvelope[]>(newReturn, { subscribeData, rawRequest, inputData });

// z.console.log reaches console.log under the app tester: silence it, and read what was logged.
const logged = jest.spyOn(console, 'log').mockImplementation(() => undefined);
const lines = () => logged.mock.calls.map((args) => args.join(' ')).join('\n');
beforeEach(() => {
  logged.mockClear();
  // Each test is a fresh Zapier account: nothing seen, no nonce spent.
  run.resetCache();
});
afterAll(() => logged.mockRestore());

describe('a REST hook’s perform', () => {
  const secret = generateWebhookSecret('hmac-sha256');
  const subscription = { id: 'wh_abc123', secret, scheme: 'hmac-sha256' };

  test('emits the verified event, exactly as sent', async () => {
    await expect(perform(subscription, await delivery('hmac-sha256', secret))).resolves.toEqual([event]);
  });

  test('emits nothing for a signature made with another secret, and logs why without secret or signature', async () => {
    const forged = await delivery('hmac-sha256', generateWebhookSecret('hmac-sha256'));
    await expect(perform(subscription, forged)).resolves.toEqual([]);
    expect(lines()).toContain('Ignored a webhook delivery that failed verification (bad_signature).');
    expect(lines()).not.toContain(secret);
    expect(lines()).not.toContain(forged.headers['Http-X-Webhook-Signature']);
  });

  test('emits nothing when the body was changed after signing', async () => {
    const good = await delivery('hmac-sha256', secret);
    const tampered = { ...good, content: good.content.replace('jane.doe@example.com', 'eve@example.com') };
    expect(tampered.content).not.toBe(good.content);
    await expect(perform(subscription, tampered)).resolves.toEqual([]);
  });

  test('emits nothing for an unsigned request or a request without a body', async () => {
    const good = await delivery('hmac-sha256', secret);
    const { 'Http-X-Webhook-Signature': _gone, ...unsigned } = good.headers;
    await expect(perform(subscription, { ...good, headers: unsigned })).resolves.toEqual([]);
    await expect(perform(subscription, {})).resolves.toEqual([]);
  });

  test('emits nothing for a genuine event of another type (another trigger’s)', async () => {
    const other = await delivery('hmac-sha256', secret, sampleEvent('shipment.delivered'));
    await expect(perform(subscription, other)).resolves.toEqual([]);
  });

  test('verifies with the scheme the subscription was made with', async () => {
    const standardSecret = generateWebhookSecret('standard-webhooks');
    const sub = { id: 'wh_std', secret: standardSecret, scheme: 'standard-webhooks' };
    await expect(perform(sub, await delivery('standard-webhooks', standardSecret))).resolves.toEqual([event]);
    await expect(perform(sub, await delivery('hmac-sha256', standardSecret))).resolves.toEqual([]);
  });

  test('fails closed, with a message saying what to do, when the Zap has no signing secret', async () => {
    const error = await rejectionOf(perform({ id: 'wh_abc123' }, await delivery('hmac-sha256', secret)));
    expect(zapierErrorBody(error)).toEqual({
      message: expect.stringMatching(/no webhook signing secret.*turn the Zap off and on again/),
      code: 'MissingWebhookSecret',
    });
  });
});

describe('repeated deliveries (Zapier does not dedupe REST hooks)', () => {
  const secret = generateWebhookSecret('hmac-sha256');
  const subscription = { id: 'wh_dedupe1', secret, scheme: 'hmac-sha256' };

  test('the same event delivered twice (a retry, a replay) runs the Zap once, and the log says why', async () => {
    await expect(perform(subscription, await delivery('hmac-sha256', secret))).resolves.toEqual([event]);
    const again = await delivery('hmac-sha256', secret, { ...event, replay: true });
    await expect(perform(subscription, again)).resolves.toEqual([]);
    expect(lines()).toContain(`Ignored a repeated delivery of ${event.id}: this Zap already ran for it.`);
  });

  test('another Zap (its own subscription) still runs for the same event', async () => {
    const otherSecret = generateWebhookSecret('hmac-sha256');
    const other = { id: 'wh_dedupe2', secret: otherSecret, scheme: 'hmac-sha256' };
    await expect(perform(subscription, await delivery('hmac-sha256', secret))).resolves.toEqual([event]);
    await expect(perform(other, await delivery('hmac-sha256', otherSecret))).resolves.toEqual([event]);
  });

  test('the seen ids and JWT nonces live in z.cache, keyed by subscription and never holding a secret', async () => {
    const jwtSecret = generateWebhookSecret('jwt');
    const sub = { id: 'wh_jwt1', secret: jwtSecret, scheme: 'jwt' };
    await expect(perform(sub, await delivery('jwt', jwtSecret))).resolves.toEqual([event]);
    const keys = Object.keys(run.cache());
    expect(keys).toEqual(
      expect.arrayContaining([
        `returns-pack:seen:wh_jwt1:${event.id}`,
        expect.stringMatching(/^returns-pack:nonce:/),
      ]),
    );
    expect(JSON.stringify(run.cache())).not.toContain(jwtSecret);
  });

  test('a captured JWT delivery sent again is refused as a replay (its nonce is spent)', async () => {
    const jwtSecret = generateWebhookSecret('jwt');
    const sub = { id: 'wh_jwt2', secret: jwtSecret, scheme: 'jwt' };
    const captured = await delivery('jwt', jwtSecret);
    await expect(perform(sub, captured)).resolves.toEqual([event]);
    await expect(perform(sub, captured)).resolves.toEqual([]);
    expect(lines()).toContain('failed verification (replayed)');
  });

  test('without z.cache (no Zapier RPC), dedupe falls back to the worker’s memory and says so', async () => {
    const bare = appRunner({ cache: false });
    const sub = { id: 'wh_nocache', secret, scheme: 'hmac-sha256' };
    await expect(perform(sub, await delivery('hmac-sha256', secret), {}, bare)).resolves.toEqual([event]);
    expect(lines()).toContain('Zapier’s cache could not be reached');
    await expect(perform(sub, await delivery('hmac-sha256', secret), {}, bare)).resolves.toEqual([]);
  });
});

describe('New Event', () => {
  const secret = generateWebhookSecret('hmac-sha256');
  const subscription = { id: 'wh_any', secret, scheme: 'hmac-sha256' };
  const performNewEvent = async (type: EventType, inputData: object) =>
    run<EventEnvelope[]>(newEvent, {
      subscribeData: subscription,
      rawRequest: await delivery('hmac-sha256', secret, sampleEvent(type)),
      inputData,
    });

  test('fires for the chosen types only', async () => {
    const chosen = { event_types: ['rma.breach', 'label.generated'] };
    await expect(performNewEvent('rma.breach', chosen)).resolves.toEqual([sampleEvent('rma.breach')]);
    await expect(performNewEvent('return.created', chosen)).resolves.toEqual([]);
  });

  test('fires for any type when none is chosen', async () => {
    await expect(performNewEvent('autoclose.failed', {})).resolves.toEqual([sampleEvent('autoclose.failed')]);
  });

  test('an unknown event type in the settings is an error naming the field', async () => {
    const error = await rejectionOf(performNewEvent('rma.breach', { event_types: ['rma.exploded'] }));
    expect(zapierErrorBody(error).message).toContain('event_types[0]');
  });
});

describe('Zapier’s renamed hook headers', () => {
  test('map back to the names the sender used', () => {
    const sent = { 'content-type': 'application/json', 'x-webhook-signature': 'abc', 'webhook-id': 'msg_1' };
    const zapier = zapierHeaders(sent);
    expect(zapier).toEqual({
      'Content-Type': 'application/json',
      'Http-X-Webhook-Signature': 'abc',
      'Http-Webhook-Id': 'msg_1',
    });
    expect(deliveredHeaders(zapier)).toEqual(sent);
  });

  test('ignore values that are not text', () => {
    expect(deliveredHeaders({ 'Http-X-A': 'a', 'Http-X-B': 3, 'Http-X-C': undefined })).toEqual({
      'x-a': 'a',
    });
    expect(deliveredHeaders(undefined)).toEqual({});
  });
});
