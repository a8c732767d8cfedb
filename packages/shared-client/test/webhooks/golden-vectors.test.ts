import { createHmac } from 'node:crypto';
import type { GoldenVectorName } from '../../src';
import {
  GOLDEN_BODY,
  GOLDEN_TIMESTAMP,
  GOLDEN_VECTORS,
  createMemoryReplayStore,
  sampleEvent,
  signWebhook,
  verifyWebhook,
} from '../../src';

const v = GOLDEN_VECTORS;
const b64url = (text: string) => Buffer.from(text).toString('base64url');

/** Each expectation is computed here with node:crypto alone, and pinned as a literal as well. */
describe('golden vectors: known secret + body → known signature', () => {
  it('the body is the sample return.created event', () => {
    expect(GOLDEN_BODY).toBe(JSON.stringify(sampleEvent('return.created')));
  });

  it('hmac-sha256: hex HMAC of the body', () => {
    const digest = createHmac('sha256', v['hmac-sha256'].secret).update(GOLDEN_BODY).digest('hex');
    expect(digest).toBe('1f78c185039baa2b160a70a34a10deb76d8a7d9a6668d69ccd9956cfecdbb0b6');
    expect(v['hmac-sha256'].signature).toBe(digest);
    expect(v['hmac-sha256'].headers['X-Webhook-Signature']).toBe(digest);
  });

  it('hmac-sha256, Returnflows style: base64 HMAC of the body in its own header', () => {
    const digest = createHmac('sha256', v['hmac-sha256-returnflows'].secret)
      .update(GOLDEN_BODY)
      .digest('base64');
    expect(digest).toBe('/wRXt8T4dyD7DiFFpj3qzEdNZOBmujKbSbg36RSRgQg=');
    expect(v['hmac-sha256-returnflows'].headers['X-Returnflows-Signature']).toBe(`sha256=${digest}`);
  });

  it('bearer: the secret itself', () => {
    expect(v.bearer.headers.Authorization).toBe('Bearer redo-golden-subscriber-secret');
  });

  it('standard-webhooks: base64 HMAC of "id.timestamp.body" keyed with the decoded secret', () => {
    const key = Buffer.from(v['standard-webhooks'].secret.slice('whsec_'.length), 'base64');
    const digest = createHmac('sha256', key)
      .update(`evt_sampleReturnCreated.${GOLDEN_TIMESTAMP}.${GOLDEN_BODY}`)
      .digest('base64');
    expect(digest).toBe('WzK8qEnAtVLfQf9ZiScH8FfjeokG8pjnVFrG0PrxeVI=');
    expect(v['standard-webhooks'].headers['webhook-signature']).toBe(`v1,${digest}`);
  });

  it('jwt: HS256 over our claims, in a body beside the payload', () => {
    const header = b64url('{"alg":"HS256","typ":"JWT"}');
    const claims = b64url(
      JSON.stringify({
        iat: GOLDEN_TIMESTAMP,
        exp: GOLDEN_TIMESTAMP + 300,
        nonce: '3b241101-e2bb-4255-8caf-4136c566a962',
        event_id: 'evt_sampleReturnCreated',
        event: 'return.created',
        return_id: 'rma_8f2k3j9x',
      }),
    );
    const signature = createHmac('sha256', v.jwt.secret).update(`${header}.${claims}`).digest('base64url');
    expect(signature).toBe('1aayAPs6ikxqxee7mIilMhElrfSROdZaStwxT4Ugp08');
    expect(v.jwt.signature).toBe(`${header}.${claims}.${signature}`);
    expect(v.jwt.body).toBe(`{"jwt":"${v.jwt.signature}","payload":${GOLDEN_BODY}}`);
  });

  it.each(Object.keys(v) as GoldenVectorName[])(
    '%s: signWebhook reproduces the vector exactly',
    async (name) => {
      const vector = v[name];
      const { verifyOptions } = vector;
      const produced = await signWebhook({
        scheme: vector.scheme,
        secret: vector.secret,
        event: sampleEvent('return.created'),
        now: () => GOLDEN_TIMESTAMP * 1000,
        nonce: '3b241101-e2bb-4255-8caf-4136c566a962',
        header: verifyOptions.header,
        encoding: verifyOptions.encoding,
      });
      expect(produced.body).toBe(vector.body);
      const expectedHeaders = { ...vector.headers };
      // The vector shows the tolerated prefix; signWebhook writes the bare signature.
      if (name === 'hmac-sha256-returnflows') expectedHeaders['X-Returnflows-Signature'] = vector.signature;
      expect(produced.headers).toEqual(expectedHeaders);
    },
  );

  it.each(Object.keys(v) as GoldenVectorName[])('%s: verifyWebhook accepts the vector', async (name) => {
    const vector = v[name];
    const event = await verifyWebhook(
      { headers: vector.headers, rawBody: vector.body },
      { ...vector.verifyOptions, now: () => vector.timestamp * 1000, replayStore: createMemoryReplayStore() },
    );
    expect(event).toEqual(sampleEvent('return.created'));
  });
});
