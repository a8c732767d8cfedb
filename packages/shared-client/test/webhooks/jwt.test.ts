import { SignJWT, UnsecuredJWT, decodeJwt } from 'jose';
import type { LegacyReplayStore, NonceEntry, ReplayStore } from '../../src';
import { createMemoryReplayStore, sampleEvent, secretFingerprint, verifyWebhook } from '../../src';
import { NOW_MS, SECRETS, expectValidEnvelope, options, refusal, signed } from './helpers';

const scheme = 'jwt';
const NOW_S = NOW_MS / 1000;
const key = new TextEncoder().encode(SECRETS[scheme]);
const event = sampleEvent('return.created');
const payload = JSON.stringify(event);
const claims = {
  iat: NOW_S,
  exp: NOW_S + 300,
  nonce: '0d9c1f1e-7d0a-4c5b-9a55-2f1e5a4b3c2d',
  event_id: event.id,
  event: event.type,
  return_id: event.subject.id,
};

/** A body built with jose directly, so a test can change any one claim or header. */
async function jwtBody(
  overrides: Record<string, unknown> = {},
  alg = 'HS256',
  body = payload,
): Promise<string> {
  const token = await new SignJWT({ ...claims, ...overrides }).setProtectedHeader({ alg }).sign(key);
  return `{"jwt":"${token}","payload":${body}}`;
}

/** Each test gets its own replay store, so nonces do not leak between tests. */
const verify = (rawBody: string, extra = {}) =>
  verifyWebhook(
    { headers: {}, rawBody },
    options(scheme, { replayStore: createMemoryReplayStore(), ...extra }),
  );

describe('jwt (SWAP-style): one valid delivery, one thing broken per test', () => {
  it('accepts the valid delivery, signed with our claims', async () => {
    const { body } = await signed(scheme);
    const token = JSON.parse(body).jwt as string;
    expect(decodeJwt(token)).toEqual({
      iat: NOW_S,
      exp: NOW_S + 300,
      nonce: expect.stringMatching(/^[0-9a-f-]{36}$/),
      event_id: event.id,
      event: 'return.created',
      return_id: 'rma_8f2k3j9x',
    });
    expect(expectValidEnvelope(await verify(body))).toEqual(event);
  });

  it('accepts a token built with jose (the reference implementation)', async () => {
    await expect(verify(await jwtBody())).resolves.toEqual(event);
  });

  it('refuses a body without jwt (missing_signature)', async () => {
    expect((await refusal(verify(`{"payload":${payload}}`))).reason).toBe('missing_signature');
  });

  it('refuses a token signed with another secret (bad_signature)', async () => {
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('x'.repeat(32)));
    const error = await refusal(verify(`{"jwt":"${token}","payload":${payload}}`));
    expect(error.reason).toBe('bad_signature');
    expect(error.message).not.toContain(SECRETS[scheme]);
  });

  it('refuses a token whose signature part was changed (bad_signature)', async () => {
    const body = await jwtBody();
    const token = JSON.parse(body).jwt as string;
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const changed = body.replace(token, `${token.slice(0, -2)}${last}${token.at(-1)}`);
    expect((await refusal(verify(changed))).reason).toBe('bad_signature');
  });

  it('refuses a token whose claims were changed after signing (bad_signature)', async () => {
    const body = await jwtBody();
    const [header, , signature] = (JSON.parse(body).jwt as string).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, exp: NOW_S + 9999 })).toString('base64url');
    const changed = `{"jwt":"${header}.${forged}.${signature}","payload":${payload}}`;
    expect((await refusal(verify(changed))).reason).toBe('bad_signature');
  });

  it('refuses every other spelling of the last signature character, even those decoding to the same bytes', async () => {
    // The last base64url character of an HS256 signature carries 4 unused bits: jose alone accepts 3 variants.
    const body = await jwtBody();
    const token = JSON.parse(body).jwt as string;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const c of alphabet.replace(token.at(-1)!, '')) {
      const reason = (await refusal(verify(body.replace(token, token.slice(0, -1) + c)))).reason;
      expect(['bad_signature', 'malformed']).toContain(reason);
    }
  });

  it.each(['HS384', 'HS512'])(
    'refuses an algorithm other than HS256 (%s), even with the right secret',
    async (alg) => {
      expect((await refusal(verify(await jwtBody({}, alg)))).reason).toBe('bad_signature');
    },
  );

  it('refuses an unsigned token (alg "none")', async () => {
    const token = new UnsecuredJWT(claims).encode();
    expect((await refusal(verify(`{"jwt":"${token}","payload":${payload}}`))).reason).toBe('bad_signature');
  });

  it('refuses an exp in the past (expired)', async () => {
    const error = await refusal(verify(await jwtBody({ iat: NOW_S - 400, exp: NOW_S - 100 })));
    expect(error.reason).toBe('expired');
    expect(error.message).toContain('exp');
  });

  it('refuses an iat further ahead than the tolerance (future_timestamp)', async () => {
    expect((await refusal(verify(await jwtBody({ iat: NOW_S + 301, exp: NOW_S + 601 })))).reason).toBe(
      'future_timestamp',
    );
  });

  it('refuses an exp further ahead than a delivery lives (future_timestamp), so nonces need not be kept for long', async () => {
    const error = await refusal(verify(await jwtBody({ exp: NOW_S + 3600 })));
    expect(error.reason).toBe('future_timestamp');
    expect(error.message).toContain('exp');
    await expect(verify(await jwtBody({ exp: NOW_S + 600 }))).resolves.toBeDefined();
  });

  it('refuses a token without exp or without nonce (malformed), naming the claim', async () => {
    for (const missing of ['exp', 'nonce']) {
      const error = await refusal(verify(await jwtBody({ [missing]: undefined })));
      expect(error.reason).toBe('malformed');
      expect(error.message).toContain(missing);
    }
  });

  it.each([
    ['return_id', { return_id: 'rma_somethingElse' }],
    ['event_id', { event_id: 'evt_somethingElse' }],
    ['event', { event: 'return.canceled' }],
  ])('refuses a payload that does not match the JWT %s (claim_mismatch)', async (claim, change) => {
    const error = await refusal(verify(await jwtBody(change)));
    expect(error.reason).toBe('claim_mismatch');
    expect(error.message).toContain(claim);
  });

  it('refuses a valid JWT glued to another payload (claim_mismatch)', async () => {
    const other = JSON.stringify({ ...event, id: 'evt_other', subject: { type: 'rma', id: 'rma_other' } });
    expect((await refusal(verify(await jwtBody({}, 'HS256', other)))).reason).toBe('claim_mismatch');
  });

  it('refuses a body that is not JSON, or whose jwt is not a JWT (malformed)', async () => {
    expect((await refusal(verify('jwt=abc'))).reason).toBe('malformed');
    expect((await refusal(verify('{"jwt":42}'))).reason).toBe('malformed');
    expect((await refusal(verify('{"jwt":"abc.def"}'))).reason).toBe('malformed');
  });

  it('accepts a token signed with the previous secret during a rotation', async () => {
    const { body } = await signed(scheme, { secret: 'previous-jwt-secret-0123456789' });
    const rotating = { secret: undefined, secrets: [SECRETS[scheme], 'previous-jwt-secret-0123456789'] };
    await expect(verify(body, rotating)).resolves.toBeDefined();
  });
});

describe('jwt: nonces and the replay store', () => {
  it('refuses the same JWT the second time (replayed)', async () => {
    const replayStore = createMemoryReplayStore();
    const { body } = await signed(scheme);
    await expect(verify(body, { replayStore })).resolves.toBeDefined();
    const error = await refusal(verify(body, { replayStore }));
    expect(error.reason).toBe('replayed');
  });

  it('uses a process-wide store when none is given', async () => {
    const { body } = await signed(scheme);
    const noStore = options(scheme);
    await expect(verifyWebhook({ headers: {}, rawBody: body }, noStore)).resolves.toBeDefined();
    expect((await refusal(verifyWebhook({ headers: {}, rawBody: body }, noStore))).reason).toBe('replayed');
  });

  it('does not use up the nonce of a delivery refused for another reason', async () => {
    const replayStore = createMemoryReplayStore();
    const token = JSON.parse(await jwtBody()).jwt as string;
    const other = JSON.stringify({ ...event, subject: { type: 'rma', id: 'rma_other' } });
    await refusal(verify(`{"jwt":"${token}","payload":${other}}`, { replayStore }));
    await expect(verify(`{"jwt":"${token}","payload":${payload}}`, { replayStore })).resolves.toBeDefined();
  });

  it('hands the nonce, its expiry and its secret scope to a custom store', async () => {
    const calls: NonceEntry[] = [];
    const replayStore: ReplayStore = {
      record: async (entry) => {
        calls.push(entry);
        return 'recorded' as const;
      },
    };
    await verify(await jwtBody(), { replayStore });
    expect(calls).toEqual([
      {
        scope: secretFingerprint(SECRETS[scheme]),
        nonce: claims.nonce,
        expiresAtMs: claims.exp * 1000,
        nowMs: NOW_MS,
      },
    ]);
    expect(JSON.stringify(calls)).not.toContain(SECRETS[scheme]);
  });

  it('still takes a 1.0 store (recordIfNew), keyed by scope and nonce', async () => {
    const calls: unknown[][] = [];
    const replayStore: LegacyReplayStore = {
      recordIfNew: async (...args) => {
        calls.push(args);
        return true;
      },
    };
    await verify(await jwtBody(), { replayStore });
    expect(calls).toEqual([
      [`${secretFingerprint(SECRETS[scheme])}:${claims.nonce}`, claims.exp * 1000, NOW_MS],
    ]);
  });

  it('reports a failing store as store_unavailable (503), so the sender retries', async () => {
    const replayStore: LegacyReplayStore = {
      recordIfNew: () => Promise.reject(new Error('redis: connection refused')),
    };
    const error = await refusal(verify(await jwtBody(), { replayStore }));
    expect(error.reason).toBe('store_unavailable');
    expect(error.status).toBe(503);
  });
});
