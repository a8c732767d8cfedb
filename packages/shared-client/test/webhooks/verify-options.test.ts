import {
  DEFAULT_MAX_BODY_BYTES,
  WEBHOOK_VERIFICATION_REASONS,
  WebhookVerificationError,
  generateWebhookSecret,
  verifyWebhook,
} from '../../src';
import type { VerifyWebhookOptions } from '../../src';
import { SCHEMES, SECRETS, options, refusal, signed } from './helpers';

describe('body size', () => {
  it.each(SCHEMES)(
    '%s: refuses a body over maxBodyBytes before anything else (too_large, 413)',
    async (scheme) => {
      const { headers, body } = await signed(scheme);
      const limit = Buffer.byteLength(body) - 1;
      const error = await refusal(
        verifyWebhook({ headers, rawBody: body }, options(scheme, { maxBodyBytes: limit })),
      );
      expect(error.reason).toBe('too_large');
      expect(error.status).toBe(413);
      expect(error.message).toContain(String(limit));
      await expect(
        verifyWebhook(
          { headers, rawBody: body },
          options(scheme, { maxBodyBytes: limit + 1, replayStore: undefined }),
        ),
      ).resolves.toBeDefined();
    },
  );

  it('defaults to 1 MiB and counts UTF-8 bytes, not characters', async () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(1_048_576);
    const { headers } = await signed('hmac-sha256');
    const euros = '€'.repeat(349_526); // 1,048,578 bytes in UTF-8, a third as many characters
    const stringError = await refusal(verifyWebhook({ headers, rawBody: euros }, options('hmac-sha256')));
    expect(stringError.reason).toBe('too_large');
    const bufferError = await refusal(
      verifyWebhook({ headers, rawBody: Buffer.alloc(DEFAULT_MAX_BODY_BYTES + 1) }, options('hmac-sha256')),
    );
    expect(bufferError.reason).toBe('too_large');
  });
});

describe('bad input to the verifier is refused with a message naming it', () => {
  const valid = options('hmac-sha256');
  it.each<[string, Partial<VerifyWebhookOptions> | undefined]>([
    ['scheme', { scheme: 'md5' as never }],
    ['secret', { secret: undefined }],
    ['secret', { secret: '' }],
    ['secret', { secret: undefined, secrets: [] }],
    ['now', { now: () => Number.NaN }],
    ['toleranceSeconds', { toleranceSeconds: -1 }],
    ['maxBodyBytes', { maxBodyBytes: 0 }],
    ['header', { header: 'Bad Header:' }],
    ['encoding', { encoding: 'utf8' as never }],
    ['payloadFormat', { payloadFormat: 'shopify' as never }],
    ['replayStore', { replayStore: {} as never }],
  ])('option %s', async (name, change) => {
    const { headers, body } = await signed('hmac-sha256');
    const error = await refusal(verifyWebhook({ headers, rawBody: body }, { ...valid, ...change }));
    expect(error.reason).toBe('malformed');
    expect(error.message).toContain(name);
  });

  it('a raw body that is neither a string nor bytes (e.g. a body parser already ran)', async () => {
    const { headers, body } = await signed('hmac-sha256');
    const error = await refusal(verifyWebhook({ headers, rawBody: JSON.parse(body) }, valid));
    expect(error.reason).toBe('malformed');
    expect(error.message).toContain('raw body');
  });

  it('no headers at all', async () => {
    const { body } = await signed('hmac-sha256');
    const error = await refusal(verifyWebhook({ headers: undefined as never, rawBody: body }, valid));
    expect(error.reason).toBe('missing_signature');
  });

  it('a missing input or options object', async () => {
    expect((await refusal(verifyWebhook(undefined as never, valid))).reason).toBe('malformed');
    expect((await refusal(verifyWebhook({ headers: {}, rawBody: '' }, undefined as never))).reason).toBe(
      'malformed',
    );
  });

  it('a headers object whose accessors throw still yields a WebhookVerificationError', async () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    const error = await refusal(verifyWebhook({ headers: hostile, rawBody: '{}' }, valid));
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error.message).not.toContain('boom');
  });
});

describe('the error type', () => {
  it('is an Error with a name, a reason from the published list and an HTTP status', async () => {
    const error = await refusal(verifyWebhook({ headers: {}, rawBody: '{}' }, options('bearer')));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('WebhookVerificationError');
    expect(WEBHOOK_VERIFICATION_REASONS).toContain(error.reason);
    expect(error.status).toBe(401);
  });
});

describe('generateWebhookSecret', () => {
  it.each(SCHEMES)('%s: a fresh secret that signs and verifies', async (scheme) => {
    const secret = generateWebhookSecret(scheme);
    expect(secret).not.toBe(generateWebhookSecret(scheme));
    const { headers, body } = await signed(scheme, { secret });
    await expect(
      verifyWebhook({ headers, rawBody: body }, options(scheme, { secret })),
    ).resolves.toBeDefined();
  });

  it('has the form each scheme expects', () => {
    expect(generateWebhookSecret('hmac-sha256')).toMatch(/^[0-9a-f]{64}$/);
    expect(generateWebhookSecret('bearer')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret('jwt')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const standard = generateWebhookSecret('standard-webhooks');
    expect(standard).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(standard.slice(6), 'base64')).toHaveLength(32);
    expect(SECRETS['standard-webhooks']).toMatch(/^whsec_/);
  });

  it('refuses an unknown scheme, naming the field', () => {
    expect(() => generateWebhookSecret('md5' as never)).toThrow(/scheme must be one of/);
  });
});

describe('the key cache', () => {
  it.each(SCHEMES)(
    '%s: keys stay right while more secrets come and go than are kept, and one secret never stands for another',
    async (scheme) => {
      const secrets = Array.from({ length: 40 }, () => generateWebhookSecret(scheme));
      const deliveries = await Promise.all(secrets.map((secret) => signed(scheme, { secret })));
      // The same JWTs come round twice here: nonce bookkeeping is not what this test is about.
      const replayStore = { recordIfNew: () => true };
      // Twice round, so every secret has been evicted once before it is used again.
      for (const round of [0, 1]) {
        for (const [i, { headers, body }] of deliveries.entries()) {
          const own = options(scheme, { secret: secrets[i], replayStore });
          await expect(verifyWebhook({ headers, rawBody: body }, own)).resolves.toBeDefined();
          const next = options(scheme, { secret: secrets[(i + 1 + round) % secrets.length] });
          expect((await refusal(verifyWebhook({ headers, rawBody: body }, next))).reason).toBe(
            'bad_signature',
          );
        }
      }
    },
  );
});
