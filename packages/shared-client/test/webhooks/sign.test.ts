import {
  REDO_SAMPLE_PAYLOAD,
  createMemoryReplayStore,
  sampleEvent,
  signWebhook,
  verifyWebhook,
} from '../../src';
import { NOW_MS, SCHEMES, SECRETS, options, signed } from './helpers';

describe('signWebhook', () => {
  it.each(SCHEMES)('%s: writes the delivery headers of the contract', async (scheme) => {
    const { headers } = await signed(scheme);
    expect(headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-Webhook-Id': 'evt_sampleReturnCreated',
      'X-Webhook-Timestamp': String(NOW_MS / 1000),
    });
  });

  it('signs a vendor payload string byte for byte, and takes a webhookId', async () => {
    const { headers, body } = await signWebhook({
      scheme: 'bearer',
      secret: SECRETS.bearer,
      event: REDO_SAMPLE_PAYLOAD,
      webhookId: 'msg_redo1',
    });
    expect(body).toBe(REDO_SAMPLE_PAYLOAD);
    expect(headers['X-Webhook-Id']).toBe('msg_redo1');
    await expect(verifyWebhook({ headers, rawBody: body }, options('bearer'))).resolves.toMatchObject({
      type: 'return.created',
    });
  });

  it('ties a JWT to the vendor payload it carries, and lets claims be added', async () => {
    const { body } = await signed('jwt', { event: REDO_SAMPLE_PAYLOAD, claims: { event: 'return.created' } });
    const claims = JSON.parse(Buffer.from(JSON.parse(body).jwt.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ return_id: '64df65d4c5a4ca3eff4b4e43', event: 'return.created' });
    const verified = await verifyWebhook(
      { headers: {}, rawBody: body },
      options('jwt', { replayStore: createMemoryReplayStore() }),
    );
    expect(verified.data.source?.vendor).toBe('redo');
  });

  it('gives each JWT a fresh nonce', async () => {
    const nonce = async () =>
      JSON.parse(
        Buffer.from(
          (JSON.parse((await signed('jwt')).body).jwt as string).split('.')[1]!,
          'base64url',
        ).toString(),
      ).nonce;
    expect(await nonce()).not.toBe(await nonce());
  });

  it.each([
    ['scheme', { scheme: 'md5' as never }],
    ['secret', { secret: '' }],
    ['whsec_', { scheme: 'standard-webhooks' as const, secret: 'not-a-standard-secret' }],
    ['event', { event: 42 as never }],
  ])('refuses bad input, naming %s', async (name, change) => {
    const input = {
      scheme: 'hmac-sha256' as const,
      secret: SECRETS['hmac-sha256'],
      event: sampleEvent('return.created'),
    };
    await expect(signWebhook({ ...input, ...change })).rejects.toThrow(name);
  });
});
