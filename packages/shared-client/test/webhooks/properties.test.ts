import fc from 'fast-check';
import type { SignatureScheme } from '../../src';
import {
  REDO_SAMPLE_PAYLOAD,
  WebhookVerificationError,
  createMemoryReplayStore,
  verifyWebhook,
} from '../../src';
import { expectValidEnvelope, NOW_MS, SCHEMES, SECRETS, options, signed } from './helpers';
import type { Delivery } from './helpers';

const RUNS = 150;

/** The outcome of a verification: the refusal's reason, or 'accepted'. Anything else thrown fails the test. */
async function outcome(
  delivery: { headers: unknown; rawBody: unknown },
  scheme: SignatureScheme,
  extra = {},
) {
  try {
    await verifyWebhook(
      delivery as never,
      options(scheme, { replayStore: createMemoryReplayStore(), ...extra }),
    );
    return 'accepted';
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    return error.reason;
  }
}

/** A different character of the same alphabet at one position: the string keeps its length and form. */
const ALPHABETS = {
  hex: '0123456789abcdef',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  text: ' !"#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~é€',
};
function changeOneChar(text: string, alphabet: string) {
  return fc.record({ at: fc.nat(text.length - 1), pick: fc.nat(alphabet.length - 2) }).map(({ at, pick }) => {
    const others = [...alphabet].filter((c) => c !== text[at]);
    return text.slice(0, at) + others[pick % others.length] + text.slice(at + 1);
  });
}

/** Any edit of the body: one character changed, inserted or removed. */
function editedBody(body: string) {
  return fc.oneof(
    changeOneChar(body, ALPHABETS.text),
    fc
      .record({ at: fc.nat(body.length), c: fc.string({ minLength: 1, maxLength: 3 }) })
      .map(({ at, c }) => body.slice(0, at) + c + body.slice(at)),
    fc.nat(body.length - 1).map((at) => body.slice(0, at) + body.slice(at + 1)),
  );
}

const deliveries = {} as Record<SignatureScheme, Delivery>;
beforeAll(async () => {
  for (const scheme of SCHEMES) deliveries[scheme] = await signed(scheme);
});

describe('every change to what a scheme signs is refused', () => {
  it.each(['hmac-sha256', 'standard-webhooks'] as const)('%s: any edit of the body', async (scheme) => {
    const { headers, body } = deliveries[scheme];
    await fc.assert(
      fc.asyncProperty(editedBody(body), async (rawBody) => {
        expect(await outcome({ headers, rawBody }, scheme)).toBe('bad_signature');
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['hmac-sha256', 'X-Webhook-Signature', '', ALPHABETS.hex],
    ['standard-webhooks', 'webhook-signature', 'v1,', ALPHABETS.base64],
    ['bearer', 'Authorization', 'Bearer ', ALPHABETS.base64url],
  ] as const)('%s: any change of the signature', async (scheme, header, prefix, alphabet) => {
    const { headers, body } = deliveries[scheme];
    const signature = headers[header]!.slice(prefix.length);
    await fc.assert(
      fc.asyncProperty(changeOneChar(signature, alphabet), async (changed) => {
        const reason = await outcome(
          { headers: { ...headers, [header]: prefix + changed }, rawBody: body },
          scheme,
        );
        expect(['bad_signature', 'malformed']).toContain(reason);
      }),
      { numRuns: RUNS },
    );
  });

  it('jwt: any change of the token (header, claims or signature)', async () => {
    const { headers, body } = deliveries.jwt;
    const token = JSON.parse(body).jwt as string;
    await fc.assert(
      fc.asyncProperty(changeOneChar(token, ALPHABETS.base64url), async (changed) => {
        const reason = await outcome({ headers, rawBody: body.replace(token, changed) }, 'jwt');
        expect(['bad_signature', 'malformed']).toContain(reason);
      }),
      { numRuns: RUNS },
    );
  });

  it('jwt: any change of the ids the token is tied to', async () => {
    const { headers, body } = deliveries.jwt;
    const envelope = JSON.parse(body).payload;
    const id = fc.stringMatching(/^[A-Za-z0-9]{1,20}$/);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('id', 'subject'), id, async (field, value) => {
        const changed =
          field === 'id'
            ? { ...envelope, id: `evt_x${value}` }
            : { ...envelope, subject: { type: 'rma', id: `rma_x${value}` } };
        const rawBody = `{"jwt":"${JSON.parse(body).jwt}","payload":${JSON.stringify(changed)}}`;
        expect(await outcome({ headers, rawBody }, 'jwt')).toBe('claim_mismatch');
      }),
      { numRuns: RUNS },
    );
  });

  it('standard-webhooks: any other timestamp', async () => {
    const { headers, body } = deliveries['standard-webhooks'];
    const original = Number(headers['webhook-timestamp']);
    const other = fc.oneof(
      fc.integer({ min: 0, max: 2 ** 40 }),
      fc.integer({ min: original - 400, max: original + 400 }),
    );
    await fc.assert(
      fc.asyncProperty(
        other.filter((t) => t !== original),
        async (t) => {
          const reason = await outcome(
            { headers: { ...headers, 'webhook-timestamp': String(t) }, rawBody: body },
            'standard-webhooks',
          );
          expect(['bad_signature', 'expired', 'future_timestamp', 'malformed']).toContain(reason);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it.each(SCHEMES)('%s: any other secret', async (scheme) => {
    const { headers, body } = deliveries[scheme];
    const secret =
      scheme === 'standard-webhooks'
        ? fc
            .uint8Array({ minLength: 24, maxLength: 64 })
            .map((b) => `whsec_${Buffer.from(b).toString('base64')}`)
        : fc.string({ minLength: 1, maxLength: 80 });
    await fc.assert(
      fc.asyncProperty(
        secret.filter((s) => s !== SECRETS[scheme]),
        async (other) => {
          expect(await outcome({ headers, rawBody: body }, scheme, { secret: other })).toBe('bad_signature');
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('garbage in, only WebhookVerificationError out', () => {
  const headerValue = fc.oneof(
    fc.string(),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.constant(undefined),
    fc.anything(),
  );
  const headerNames = fc.constantFrom(
    'x-webhook-signature',
    'X-Webhook-Signature',
    'authorization',
    'webhook-id',
    'webhook-timestamp',
    'webhook-signature',
    'content-type',
  );
  const headersArb = fc.oneof(fc.dictionary(fc.oneof(headerNames, fc.string()), headerValue), fc.anything());
  const bodyArb = fc.oneof(
    fc.string(),
    fc.json(),
    fc.uint8Array({ maxLength: 512 }),
    fc.anything().map((v) => JSON.stringify({ jwt: 'a.b.c', payload: v }) ?? ''),
    fc.anything(),
  );

  it.each(SCHEMES)('%s: arbitrary headers and body', async (scheme) => {
    await fc.assert(
      fc.asyncProperty(headersArb, bodyArb, async (headers, rawBody) => {
        // outcome() rethrows anything that is not a WebhookVerificationError, failing the property.
        await outcome({ headers, rawBody }, scheme);
      }),
      { numRuns: RUNS },
    );
  });

  it.each(SCHEMES)('%s: the valid headers with an arbitrary body', async (scheme) => {
    const { headers } = deliveries[scheme];
    await fc.assert(
      fc.asyncProperty(bodyArb, async (rawBody) => {
        await outcome({ headers, rawBody }, scheme);
      }),
      { numRuns: RUNS },
    );
  });

  it('a Redo event with arbitrary values in any field maps to a valid envelope or a refusal', async () => {
    const sample = JSON.parse(REDO_SAMPLE_PAYLOAD);
    const secret = SECRETS.bearer;
    const field = fc.constantFrom(
      'type',
      'at',
      'status',
      'createdAt',
      'updatedAt',
      'items',
      'source',
      'totals',
      'order',
    );
    await fc.assert(
      fc.asyncProperty(field, fc.anything(), async (name, value) => {
        const payload = ['type', 'at', 'order'].includes(name)
          ? { ...sample, [name]: value }
          : { ...sample, return: { ...sample.return, [name]: value } };
        try {
          const event = await verifyWebhook(
            { headers: { authorization: `Bearer ${secret}` }, rawBody: JSON.stringify(payload) },
            { scheme: 'bearer', secret, now: () => NOW_MS },
          );
          expectValidEnvelope(event);
        } catch (error) {
          if (!(error instanceof WebhookVerificationError)) throw error;
        }
      }),
      { numRuns: RUNS },
    );
  });
});
