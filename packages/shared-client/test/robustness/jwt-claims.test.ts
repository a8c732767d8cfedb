import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import type { JWTPayload } from 'jose';
import { createMemoryReplayStore, sampleEvent, verifyWebhook, WebhookVerificationError } from '../../src';
import { NOW_MS, SECRETS } from '../webhooks/helpers';

/**
 * Tokens that are correctly signed but wrong in what they claim: the signature check cannot save
 * the verifier here, only its claim checks. From a valid claim set, one to three generated breaks
 * (expired, issued in the future, living too long, nonce missing or not a string, tied to another
 * event or return, another algorithm): every combination must be refused, with a
 * WebhookVerificationError and nothing else. Then replays: a token accepted once is refused after.
 */
const SEED = 9_2025;
const RUNS = 400;
const NOW = Math.floor(NOW_MS / 1000);
const TOLERANCE = 300;
const LIFETIME = 300;
const key = new TextEncoder().encode(SECRETS.jwt);
const envelope = sampleEvent('return.created');
const payloadJson = JSON.stringify(envelope);

function validClaims(): Record<string, unknown> {
  return {
    iat: NOW,
    exp: NOW + LIFETIME,
    nonce: randomUUID(),
    event_id: envelope.id,
    event: envelope.type,
    return_id: envelope.subject.id,
  };
}

type Break = (claims: Record<string, unknown>, k: number) => void;
/** Each makes the claims invalid, whatever `k` (≥ 1) is. */
const BREAKS: Record<string, Break> = {
  expired: (c, k) => void (c.exp = NOW - k),
  'issued in the future': (c, k) => void (c.iat = NOW + TOLERANCE + k),
  'lives too long': (c, k) => void (c.exp = NOW + LIFETIME + TOLERANCE + k),
  'no exp': (c) => void delete c.exp,
  'no nonce': (c) => void delete c.nonce,
  'empty nonce': (c) => void (c.nonce = ''),
  'nonce not a string': (c, k) => void (c.nonce = k),
  'another event id': (c, k) => void (c.event_id = `evt_other${k}`),
  'another return id': (c, k) => void (c.return_id = `rma_other${k}`),
  'another event type': (c) => void (c.event = 'return.canceled'),
  'exp not a number': (c, k) => void (c.exp = String(NOW + k)),
};

const ALGS = ['HS256', 'HS384', 'HS512'] as const;

async function sign(claims: Record<string, unknown>, alg: (typeof ALGS)[number]): Promise<string> {
  return new SignJWT(claims as JWTPayload).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
}

async function verify(token: string, store = createMemoryReplayStore()) {
  return verifyWebhook(
    {
      headers: { 'content-type': 'application/json' },
      rawBody: `{"jwt":"${token}","payload":${payloadJson}}`,
    },
    { scheme: 'jwt', secret: SECRETS.jwt, now: () => NOW_MS, replayStore: store },
  );
}

/** 'accepted', or the refusal's reason; anything other than a WebhookVerificationError fails the test. */
async function outcome(token: string, store = createMemoryReplayStore()) {
  try {
    await verify(token, store);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    return error.reason;
  }
}

test('the valid claim set, signed HS256, is accepted (so the refusals below are the breaks)', async () => {
  expect(await outcome(await sign(validClaims(), 'HS256'))).toBe('accepted');
});

test(`${RUNS} correctly signed tokens with one to three broken claims: all refused`, async () => {
  const broken = fc.uniqueArray(fc.constantFrom(...Object.keys(BREAKS)), { minLength: 1, maxLength: 3 });
  await fc.assert(
    fc.asyncProperty(broken, fc.integer({ min: 1, max: 10_000_000 }), async (names, k) => {
      const claims = validClaims();
      for (const name of names) BREAKS[name]!(claims, k);
      const reason = await outcome(await sign(claims, 'HS256'));
      expect({ names, reason }).not.toEqual({ names, reason: 'accepted' });
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test('a valid claim set signed with another algorithm (same secret) is refused', async () => {
  for (const alg of ALGS.filter((a) => a !== 'HS256')) {
    expect(await outcome(await sign(validClaims(), alg))).toBe('bad_signature');
  }
});

test('near the edges: accepted exactly inside the windows, refused one second outside', async () => {
  const at = async (change: Break, k: number) => {
    const claims = validClaims();
    change(claims, k);
    return outcome(await sign(claims, 'HS256'));
  };
  expect(await at((c) => void (c.exp = NOW + 1), 0)).toBe('accepted');
  expect(await at((c) => void (c.exp = NOW), 0)).toBe('expired');
  expect(await at((c) => void (c.iat = NOW + TOLERANCE), 0)).toBe('accepted');
  expect(await at(BREAKS['issued in the future']!, 1)).toBe('future_timestamp');
  expect(await at((c) => void (c.exp = NOW + LIFETIME + TOLERANCE), 0)).toBe('accepted');
  expect(await at(BREAKS['lives too long']!, 1)).toBe('future_timestamp');
});

test(`replays: ${RUNS / 4} tokens, each accepted once and refused as replayed every time after`, async () => {
  const store = createMemoryReplayStore();
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: LIFETIME - 1 }),
      fc.integer({ min: 1, max: 3 }),
      async (age, again) => {
        const claims = { ...validClaims(), iat: NOW - age, exp: NOW - age + LIFETIME };
        const token = await sign(claims, 'HS256');
        expect(await outcome(token, store)).toBe('accepted');
        for (let i = 0; i < again; i++) expect(await outcome(token, store)).toBe('replayed');
        // A fresh token for the same event (the sender's retry) is a new nonce, and is accepted.
        expect(await outcome(await sign({ ...claims, nonce: randomUUID() }, 'HS256'), store)).toBe(
          'accepted',
        );
      },
    ),
    { seed: SEED, numRuns: RUNS / 4 },
  );
});
