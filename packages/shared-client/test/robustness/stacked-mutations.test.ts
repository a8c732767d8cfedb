import fc from 'fast-check';
import type { SignatureScheme } from '../../src';
import { createMemoryReplayStore, verifyWebhook, WebhookVerificationError } from '../../src';
import { NOW_MS, SCHEMES, SECRETS, options, signed } from '../webhooks/helpers';
import type { Delivery } from '../webhooks/helpers';

/**
 * properties.test.ts breaks one thing at a time; an attacker breaks several. Here each delivery gets
 * one to three breaks at once, drawn from those that apply to its scheme (a body edit where the body
 * is signed, another signature, another timestamp, the signature header dropped or renamed, header
 * values turned into lists, another secret): zero accepted, and nothing thrown but
 * WebhookVerificationError.
 */
const SEED = 9_2025;
const RUNS = 500;

type Mutation = (d: Delivery) => fc.Arbitrary<Delivery>;

const SIGNATURE_HEADER: Record<SignatureScheme, string | null> = {
  'hmac-sha256': 'X-Webhook-Signature',
  'standard-webhooks': 'webhook-signature',
  bearer: 'Authorization',
  jwt: null,
};

const withHeader = (d: Delivery, name: string, value: string | undefined): Delivery => {
  const headers = { ...d.headers };
  if (value === undefined) delete headers[name];
  else headers[name] = value;
  return { ...d, headers };
};

/** Breaks that apply to every scheme whose signature travels in a header. */
const headerBreaks = (header: string, prefix: string, alphabet: string): Mutation[] => [
  // Another signature of the same form.
  (d) =>
    fc
      .string({ unit: fc.constantFrom(...alphabet), minLength: 8, maxLength: 88 })
      .filter((s) => prefix + s !== d.headers[header])
      .map((s) => withHeader(d, header, prefix + s)),
  // The header gone, or moved under another name.
  (d) =>
    fc
      .constantFrom(undefined, `X-${header}`, `${header}-Old`)
      .map((moved) =>
        moved
          ? withHeader(withHeader(d, moved, d.headers[header]), header, undefined)
          : withHeader(d, header, undefined),
      ),
];

const bodyEdit: Mutation = (d) =>
  fc
    .oneof(
      fc
        .record({ at: fc.nat(d.body.length), text: fc.string({ minLength: 1, maxLength: 4 }) })
        .map(({ at, text }) => d.body.slice(0, at) + text + d.body.slice(at)),
      fc.nat(d.body.length - 1).map((at) => d.body.slice(0, at) + d.body.slice(at + 1)),
      fc.constantFrom(`\uFEFF${d.body}`, `${d.body}\n`, ` ${d.body}`, d.body.replace(/"/, "'")),
    )
    .filter((body) => body !== d.body)
    .map((body) => ({ ...d, body }));

const MUTATIONS: Record<SignatureScheme, Mutation[]> = {
  'hmac-sha256': [bodyEdit, ...headerBreaks('X-Webhook-Signature', '', '0123456789abcdef')],
  'standard-webhooks': [
    bodyEdit,
    ...headerBreaks(
      'webhook-signature',
      'v1,',
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
    ),
    (d) =>
      fc
        .integer({ min: -1_000_000, max: 1_000_000 })
        .filter((s) => s !== 0)
        .map((s) => withHeader(d, 'webhook-timestamp', String(Number(d.headers['webhook-timestamp']) + s))),
    (d) =>
      fc
        .string({ maxLength: 20 })
        .filter((id) => id !== d.headers['webhook-id'])
        .map((id) => withHeader(d, 'webhook-id', id)),
  ],
  bearer: headerBreaks(
    'Authorization',
    'Bearer ',
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  ),
  jwt: [
    // Any change in the token's characters (header, claims or signature).
    (d) => {
      // Found by its form: another break may have renamed its field.
      const token = /"(ey[\w-]+\.[^"]+)"/.exec(d.body)![1]!;
      return fc
        .record({
          at: fc.nat(token.length - 1),
          c: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'),
        })
        .filter(({ at, c }) => token[at] !== c)
        .map(({ at, c }) => ({
          ...d,
          body: d.body.replace(token, token.slice(0, at) + c + token.slice(at + 1)),
        }));
    },
    // The token moved off the body, or emptied.
    (d) =>
      fc.constantFrom('jwt_', 'token').map((name) => ({ ...d, body: d.body.replace('"jwt"', `"${name}"`) })),
  ],
};

/** An extra break every scheme has: the receiver is configured with another secret. */
const otherSecret = (scheme: SignatureScheme) =>
  scheme === 'standard-webhooks'
    ? fc.uint8Array({ minLength: 24, maxLength: 64 }).map((b) => `whsec_${Buffer.from(b).toString('base64')}`)
    : fc.string({ minLength: 1, maxLength: 64 });

const deliveries = {} as Record<SignatureScheme, Delivery>;
beforeAll(async () => {
  for (const scheme of SCHEMES) deliveries[scheme] = await signed(scheme);
});

it.each(SCHEMES)(`%s: ${RUNS} deliveries with one to three breaks at once, none accepted`, async (scheme) => {
  const original = deliveries[scheme];
  // Sanity: unbroken, it is accepted.
  await expect(
    verifyWebhook({ headers: original.headers, rawBody: original.body }, options(scheme)),
  ).resolves.toBeDefined();
  const breaks = fc.uniqueArray(fc.nat(MUTATIONS[scheme].length - 1), { minLength: 1, maxLength: 3 });
  const plan = fc.record({
    breaks,
    secret: fc.option(otherSecret(scheme).filter((s) => s !== SECRETS[scheme])),
    listed: fc.boolean(),
  });
  await fc.assert(
    fc.asyncProperty(
      plan.chain(({ breaks: picked, secret, listed }) => {
        // Applied in turn; each one's arbitrary sees the delivery the previous ones made.
        let delivery: fc.Arbitrary<Delivery> = fc.constant(original);
        for (const i of picked) delivery = delivery.chain((d) => MUTATIONS[scheme][i]!(d));
        return delivery.map((d) => ({ d, secret, listed }));
      }),
      async ({ d, secret, listed }) => {
        const header = SIGNATURE_HEADER[scheme];
        // Node gives repeated headers as lists: the broken value twice must not count as two chances.
        const headers =
          listed && header && d.headers[header]
            ? { ...d.headers, [header]: [d.headers[header]!, d.headers[header]!] }
            : d.headers;
        try {
          await verifyWebhook(
            { headers, rawBody: d.body },
            options(scheme, {
              replayStore: createMemoryReplayStore(),
              now: () => NOW_MS,
              ...(secret === null ? {} : { secret }),
            }),
          );
        } catch (error) {
          if (error instanceof WebhookVerificationError) return;
          throw error;
        }
        throw new Error('accepted a broken delivery');
      },
    ),
    { seed: SEED, numRuns: RUNS },
  );
});
