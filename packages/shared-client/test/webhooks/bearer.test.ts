import { verifyWebhook } from '../../src';
import { SECRETS, expectValidEnvelope, options, refusal, signed } from './helpers';

const scheme = 'bearer';

describe('bearer (Redo): one valid delivery, one thing broken per test', () => {
  it('accepts the valid delivery', async () => {
    const { headers, body } = await signed(scheme);
    expect(headers.Authorization).toBe(`Bearer ${SECRETS[scheme]}`);
    expectValidEnvelope(await verifyWebhook({ headers, rawBody: body }, options(scheme)));
  });

  it('refuses a delivery without Authorization (missing_signature)', async () => {
    const { headers, body } = await signed(scheme);
    const { Authorization: _removed, ...rest } = headers;
    expect((await refusal(verifyWebhook({ headers: rest, rawBody: body }, options(scheme)))).reason).toBe(
      'missing_signature',
    );
  });

  it('refuses another token (bad_signature), without echoing either token', async () => {
    const { headers, body } = await signed(scheme);
    const wrong = { ...headers, Authorization: 'Bearer someone-elses-secret' };
    const error = await refusal(verifyWebhook({ headers: wrong, rawBody: body }, options(scheme)));
    expect(error.reason).toBe('bad_signature');
    expect(error.message).not.toContain('someone-elses-secret');
    expect(error.message).not.toContain(SECRETS[scheme]);
  });

  it('refuses a prefix of the secret and the secret with extra characters (bad_signature)', async () => {
    const { headers, body } = await signed(scheme);
    for (const token of [SECRETS[scheme].slice(0, -1), `${SECRETS[scheme]}x`]) {
      const changed = { ...headers, Authorization: `Bearer ${token}` };
      expect(
        (await refusal(verifyWebhook({ headers: changed, rawBody: body }, options(scheme)))).reason,
      ).toBe('bad_signature');
    }
  });

  it('refuses another auth scheme (malformed)', async () => {
    const { headers, body } = await signed(scheme);
    const basic = { ...headers, Authorization: `Basic ${Buffer.from('a:b').toString('base64')}` };
    expect((await refusal(verifyWebhook({ headers: basic, rawBody: body }, options(scheme)))).reason).toBe(
      'malformed',
    );
  });

  it('accepts "bearer" in any case and the header name in any case', async () => {
    const { body } = await signed(scheme);
    const headers = { AUTHORIZATION: `bEaReR ${SECRETS[scheme]}` };
    await expect(verifyWebhook({ headers, rawBody: body }, options(scheme))).resolves.toBeDefined();
  });

  it('accepts either secret during a rotation', async () => {
    const { headers, body } = await signed(scheme, { secret: 'previous-bearer-secret-42' });
    const rotating = options(scheme, {
      secret: undefined,
      secrets: ['previous-bearer-secret-42', SECRETS[scheme]],
    });
    await expect(verifyWebhook({ headers, rawBody: body }, rotating)).resolves.toBeDefined();
  });

  it('still checks that the authenticated body is a known event', async () => {
    const { headers } = await signed(scheme);
    expect((await refusal(verifyWebhook({ headers, rawBody: '[1,2,3]' }, options(scheme)))).reason).toBe(
      'unknown_payload',
    );
  });
});
