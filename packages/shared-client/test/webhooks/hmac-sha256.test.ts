import { createHmac } from 'node:crypto';
import { verifyWebhook } from '../../src';
import { NOW_MS, SECRETS, expectValidEnvelope, options, refusal, signed } from './helpers';

const scheme = 'hmac-sha256';

describe('hmac-sha256: one valid delivery, one thing broken per test', () => {
  it('accepts the valid delivery and returns the event', async () => {
    const { headers, body } = await signed(scheme);
    const event = await verifyWebhook({ headers, rawBody: body }, options(scheme));
    expect(expectValidEnvelope(event)).toEqual(JSON.parse(body));
  });

  it('writes lowercase hex HMAC-SHA256 of the raw body in X-Webhook-Signature', async () => {
    const { headers, body } = await signed(scheme);
    const expected = createHmac('sha256', SECRETS[scheme]).update(body).digest('hex');
    expect(headers['X-Webhook-Signature']).toBe(expected);
  });

  it('refuses a delivery without the signature header (missing_signature)', async () => {
    const { headers, body } = await signed(scheme);
    const { ['X-Webhook-Signature']: _removed, ...rest } = headers;
    const error = await refusal(verifyWebhook({ headers: rest, rawBody: body }, options(scheme)));
    expect(error.reason).toBe('missing_signature');
    expect(error.message).toContain('X-Webhook-Signature');
  });

  it('refuses a changed body (bad_signature) and says what to check', async () => {
    const { headers, body } = await signed(scheme);
    const error = await refusal(
      verifyWebhook({ headers, rawBody: body.replace('REQUESTED', 'CANCELED') }, options(scheme)),
    );
    expect(error.reason).toBe('bad_signature');
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/X-Webhook-Signature header does not match the body.*signing secret/);
  });

  it('refuses another secret (bad_signature) without revealing either secret or the expected digest', async () => {
    const { headers, body } = await signed(scheme);
    const other = 'another-secret-entirely-0000';
    const error = await refusal(
      verifyWebhook({ headers, rawBody: body }, options(scheme, { secret: other })),
    );
    expect(error.reason).toBe('bad_signature');
    const expected = createHmac('sha256', other).update(body).digest('hex');
    for (const leak of [other, SECRETS[scheme], expected]) expect(error.message).not.toContain(leak);
  });

  it('refuses a signature of another length as bad_signature, not malformed', async () => {
    const { headers, body } = await signed(scheme);
    const short = { ...headers, 'X-Webhook-Signature': headers['X-Webhook-Signature']!.slice(0, 62) };
    expect((await refusal(verifyWebhook({ headers: short, rawBody: body }, options(scheme)))).reason).toBe(
      'bad_signature',
    );
  });

  it('refuses a header that is not hex at all (malformed)', async () => {
    const { headers, body } = await signed(scheme);
    const garbage = { ...headers, 'X-Webhook-Signature': 'not a signature' };
    expect((await refusal(verifyWebhook({ headers: garbage, rawBody: body }, options(scheme)))).reason).toBe(
      'malformed',
    );
  });

  it('refuses a header sent twice with different values (malformed)', async () => {
    const { headers, body } = await signed(scheme);
    const twice = { ...headers, 'X-Webhook-Signature': [headers['X-Webhook-Signature']!, 'ab'.repeat(32)] };
    expect((await refusal(verifyWebhook({ headers: twice, rawBody: body }, options(scheme)))).reason).toBe(
      'malformed',
    );
  });

  it('refuses a validly signed body that is not JSON (malformed, never a SyntaxError)', async () => {
    const { headers, body } = await signed(scheme, { event: '{"id": "evt_1", ' });
    const error = await refusal(verifyWebhook({ headers, rawBody: body }, options(scheme)));
    expect(error.reason).toBe('malformed');
    expect(error.message).toContain('not valid JSON');
  });

  it('refuses validly signed JSON that is no known event (unknown_payload)', async () => {
    const { headers, body } = await signed(scheme, { event: '{"hello":"world"}' });
    expect((await refusal(verifyWebhook({ headers, rawBody: body }, options(scheme)))).reason).toBe(
      'unknown_payload',
    );
  });

  it('refuses an event type outside the catalogue (unknown_payload)', async () => {
    const event = { ...JSON.parse((await signed(scheme)).body), type: 'return.teleported' };
    const { headers, body } = await signed(scheme, { event: JSON.stringify(event) });
    const error = await refusal(verifyWebhook({ headers, rawBody: body }, options(scheme)));
    expect(error.reason).toBe('unknown_payload');
    expect(error.message).toContain('return.teleported');
  });

  it('refuses our envelope with a field missing, naming the field (malformed)', async () => {
    const { sequence: _dropped, ...event } = JSON.parse((await signed(scheme)).body);
    const { headers, body } = await signed(scheme, { event: JSON.stringify(event) });
    const error = await refusal(verifyWebhook({ headers, rawBody: body }, options(scheme)));
    expect(error.reason).toBe('malformed');
    expect(error.message).toContain('"sequence"');
  });
});

describe('hmac-sha256: what the verifier tolerates', () => {
  it('matches header names in any case', async () => {
    const { headers, body } = await signed(scheme);
    const shouting = { 'X-WEBHOOK-SIGNATURE': headers['X-Webhook-Signature']! };
    const lower = { 'x-webhook-signature': headers['X-Webhook-Signature']! };
    await expect(verifyWebhook({ headers: shouting, rawBody: body }, options(scheme))).resolves.toBeDefined();
    await expect(verifyWebhook({ headers: lower, rawBody: body }, options(scheme))).resolves.toBeDefined();
  });

  it('takes a fetch Headers instance', async () => {
    const { headers, body } = await signed(scheme);
    await expect(
      verifyWebhook({ headers: new Headers(headers), rawBody: body }, options(scheme)),
    ).resolves.toBeDefined();
  });

  it('takes a one-element string[] header value, as Node gives for some headers', async () => {
    const { headers, body } = await signed(scheme);
    const arrays = { 'x-webhook-signature': [headers['X-Webhook-Signature']!] };
    await expect(verifyWebhook({ headers: arrays, rawBody: body }, options(scheme))).resolves.toBeDefined();
  });

  it('takes the body as a string, a Buffer or a Uint8Array view, with the same result', async () => {
    const { headers, body } = await signed(scheme);
    const padded = Buffer.from(`xx${body}yy`);
    const view = new Uint8Array(padded.buffer, padded.byteOffset + 2, padded.length - 4);
    const results = await Promise.all(
      [body, Buffer.from(body), view].map((rawBody) => verifyWebhook({ headers, rawBody }, options(scheme))),
    );
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it('checks the bytes, not re-serialised JSON: the same JSON with other spacing is refused', async () => {
    const { headers, body } = await signed(scheme);
    const respaced = JSON.stringify(JSON.parse(body), null, 2);
    expect((await refusal(verifyWebhook({ headers, rawBody: respaced }, options(scheme)))).reason).toBe(
      'bad_signature',
    );
  });

  it('accepts uppercase hex and a sha256= prefix', async () => {
    const { headers, body } = await signed(scheme);
    const upper = { 'X-Webhook-Signature': `sha256=${headers['X-Webhook-Signature']!.toUpperCase()}` };
    await expect(verifyWebhook({ headers: upper, rawBody: body }, options(scheme))).resolves.toBeDefined();
  });

  it('reads a Returnflows-style header in base64 when configured', async () => {
    const extra = { header: 'X-Returnflows-Signature', encoding: 'base64' } as const;
    const { headers, body } = await signed(scheme, extra);
    const expected = createHmac('sha256', SECRETS[scheme]).update(body).digest('base64');
    expect(headers['X-Returnflows-Signature']).toBe(expected);
    await expect(verifyWebhook({ headers, rawBody: body }, options(scheme, extra))).resolves.toBeDefined();
    // Without the option the verifier looks for our header and finds none.
    expect((await refusal(verifyWebhook({ headers, rawBody: body }, options(scheme)))).reason).toBe(
      'missing_signature',
    );
  });

  it('refuses every other spelling of a valid base64 signature, and says which are not base64 at all', async () => {
    const extra = { header: 'X-Returnflows-Signature', encoding: 'base64' } as const;
    const { headers, body } = await signed(scheme, extra);
    const valid = headers['X-Returnflows-Signature']!;
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    // 32 bytes leave 2 unused bits in the last character: setting one decodes to the same bytes.
    const last = valid.length - 2;
    const spareBitSet = `${valid.slice(0, last)}${ALPHABET[ALPHABET.indexOf(valid[last]!) ^ 1]}=`;
    const reasons = async (signature: string) =>
      (
        await refusal(
          verifyWebhook(
            { headers: { 'X-Returnflows-Signature': signature }, rawBody: body },
            options(scheme, extra),
          ),
        )
      ).reason;
    expect(Buffer.from(spareBitSet, 'base64')).toEqual(Buffer.from(valid, 'base64'));
    expect(await reasons(spareBitSet)).toBe('malformed');
    expect(await reasons(valid.slice(0, -1))).toBe('malformed');
    // Another letter case is other bytes, well spelled: a wrong signature, not a malformed one.
    const i = valid.search(/[A-Za-z]/);
    const flipped = valid[i]!.toUpperCase() === valid[i] ? valid[i]!.toLowerCase() : valid[i]!.toUpperCase();
    expect(await reasons(`${valid.slice(0, i)}${flipped}${valid.slice(i + 1)}`)).toBe('bad_signature');
    expect(await reasons('not base64 at all!')).toBe('malformed');
    expect(await reasons(Buffer.alloc(32, 7).toString('base64'))).toBe('bad_signature');
  });

  it('accepts either secret during a rotation, and refuses when neither matches', async () => {
    const oldSecret = 'old-secret-0123456789abcdef';
    const { headers, body } = await signed(scheme, { secret: oldSecret });
    const rotating = options(scheme, { secret: undefined, secrets: [SECRETS[scheme], oldSecret] });
    await expect(verifyWebhook({ headers, rawBody: body }, rotating)).resolves.toBeDefined();
    const retired = options(scheme, {
      secret: undefined,
      secrets: [SECRETS[scheme], 'newer-secret-0123456789'],
    });
    expect((await refusal(verifyWebhook({ headers, rawBody: body }, retired))).reason).toBe('bad_signature');
  });

  it('ignores the clock: the signature covers only the body', async () => {
    const { headers, body } = await signed(scheme);
    const later = options(scheme, { now: () => NOW_MS + 86_400_000 });
    await expect(verifyWebhook({ headers, rawBody: body }, later)).resolves.toBeDefined();
  });
});
