import { generateWebhookSecret, sampleEvent, signWebhook } from '@returns-pack/shared-client';
import type { EventEnvelope, SignatureScheme } from '@returns-pack/shared-client';
import { deliveredHeaders } from '../src/triggers/delivered-headers';
import { appRunner, operationOf } from './helpers/app';
import { rejectionOf, zapierErrorBody } from './helpers/mock';
import { rawRequestOf, zapierHeaders } from './helpers/zapier-hooks';

// `perform` is a pure function of the hook request and the Zap's subscription: no network here.
const run = appRunner();
const newReturn = operationOf('triggers', 'new_return').perform;
const event = sampleEvent('return.created');

async function delivery(scheme: SignatureScheme, secret: string, payload: EventEnvelope | string = event) {
  const signed = await signWebhook({ scheme, secret, event: payload });
  return rawRequestOf(signed.headers, signed.body);
}

const perform = (subscribeData: object, rawRequest: object) =>
  run<EventEnvelope[]>(newReturn, { subscribeData, rawRequest });

describe('a REST hook’s perform', () => {
  const secret = generateWebhookSecret('hmac-sha256');
  const subscription = { id: 'wh_abc123', secret, scheme: 'hmac-sha256' };
  // z.console.log reaches console.log under the app tester: silence it, and read what was logged.
  const logged = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  beforeEach(() => logged.mockClear());
  afterAll(() => logged.mockRestore());

  test('emits the verified event, exactly as sent', async () => {
    await expect(perform(subscription, await delivery('hmac-sha256', secret))).resolves.toEqual([event]);
  });

  test('emits nothing for a signature made with another secret, and logs why without secret or signature', async () => {
    const forged = await delivery('hmac-sha256', generateWebhookSecret('hmac-sha256'));
    await expect(perform(subscription, forged)).resolves.toEqual([]);
    const lines = logged.mock.calls.map((args) => args.join(' ')).join('\n');
    expect(lines).toContain('Ignored a webhook delivery that failed verification (bad_signature).');
    expect(lines).not.toContain(secret);
    expect(lines).not.toContain(forged.headers['Http-X-Webhook-Signature']);
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
