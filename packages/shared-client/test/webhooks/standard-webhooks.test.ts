import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { verifyWebhook } from '../../src';
import { standardWebhooksSignature } from '../../src/webhooks/schemes/standard-webhooks';
import { NOW_MS, SECRETS, expectValidEnvelope, options, refusal, signed } from './helpers';

const scheme = 'standard-webhooks';
const key = Buffer.from(SECRETS[scheme].slice('whsec_'.length), 'base64');
const NOW_S = NOW_MS / 1000;

describe('standard-webhooks: one valid delivery, one thing broken per test', () => {
  it('accepts the valid delivery', async () => {
    const { headers, body } = await signed(scheme);
    expect(headers['webhook-id']).toBe('evt_sampleReturnCreated');
    expect(headers['webhook-timestamp']).toBe(String(NOW_S));
    expectValidEnvelope(await verifyWebhook({ headers, rawBody: body }, options(scheme)));
  });

  it('signs "id.timestamp.body" with the bytes after whsec_ as the key', async () => {
    const { headers, body } = await signed(scheme);
    const expected = createHmac('sha256', key)
      .update(`evt_sampleReturnCreated.${NOW_S}.${body}`)
      .digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
  });

  it('refuses a delivery without webhook-signature (missing_signature)', async () => {
    const { headers, body } = await signed(scheme);
    const { 'webhook-signature': _removed, ...rest } = headers;
    expect((await refusal(verifyWebhook({ headers: rest, rawBody: body }, options(scheme)))).reason).toBe(
      'missing_signature',
    );
  });

  it.each(['webhook-id', 'webhook-timestamp'])('refuses a delivery without %s (malformed)', async (name) => {
    const { headers, body } = await signed(scheme);
    const rest = Object.fromEntries(Object.entries(headers).filter(([k]) => k !== name));
    const error = await refusal(verifyWebhook({ headers: rest, rawBody: body }, options(scheme)));
    expect(error.reason).toBe('malformed');
    expect(error.message).toContain(name);
  });

  it('refuses a changed webhook-id: the id is signed (bad_signature)', async () => {
    const { headers, body } = await signed(scheme);
    const changed = { ...headers, 'webhook-id': 'evt_other' };
    expect((await refusal(verifyWebhook({ headers: changed, rawBody: body }, options(scheme)))).reason).toBe(
      'bad_signature',
    );
  });

  it('refuses a changed timestamp inside the window: the timestamp is signed (bad_signature)', async () => {
    const { headers, body } = await signed(scheme);
    const changed = { ...headers, 'webhook-timestamp': String(NOW_S - 1) };
    expect((await refusal(verifyWebhook({ headers: changed, rawBody: body }, options(scheme)))).reason).toBe(
      'bad_signature',
    );
  });

  it('refuses a changed body (bad_signature)', async () => {
    const { headers, body } = await signed(scheme);
    expect((await refusal(verifyWebhook({ headers, rawBody: `${body} ` }, options(scheme)))).reason).toBe(
      'bad_signature',
    );
  });

  it('refuses a timestamp older than the tolerance (expired), checked before the HMAC', async () => {
    const { headers, body } = await signed(scheme, { now: () => NOW_MS - 301_000 });
    const error = await refusal(verifyWebhook({ headers, rawBody: `tampered${body}` }, options(scheme)));
    expect(error.reason).toBe('expired');
    expect(error.message).toContain('301 seconds old');
  });

  it('refuses a timestamp further ahead than the tolerance (future_timestamp), before the HMAC', async () => {
    const { headers, body } = await signed(scheme, { now: () => NOW_MS + 301_000 });
    const error = await refusal(verifyWebhook({ headers, rawBody: `tampered${body}` }, options(scheme)));
    expect(error.reason).toBe('future_timestamp');
  });

  it('accepts timestamps exactly at the tolerance both ways, and honours toleranceSeconds', async () => {
    for (const offset of [-300_000, 300_000]) {
      const { headers, body } = await signed(scheme, { now: () => NOW_MS + offset });
      await expect(verifyWebhook({ headers, rawBody: body }, options(scheme))).resolves.toBeDefined();
      const strict = options(scheme, { toleranceSeconds: 60 });
      const reason = offset < 0 ? 'expired' : 'future_timestamp';
      expect((await refusal(verifyWebhook({ headers, rawBody: body }, strict))).reason).toBe(reason);
    }
  });

  it('refuses a timestamp that is not whole seconds (malformed)', async () => {
    const { headers, body } = await signed(scheme);
    const iso = { ...headers, 'webhook-timestamp': new Date(NOW_MS).toISOString() };
    expect((await refusal(verifyWebhook({ headers: iso, rawBody: body }, options(scheme)))).reason).toBe(
      'malformed',
    );
  });

  it('refuses a signature header that is not "v1,<base64>" entries (malformed)', async () => {
    const { headers, body } = await signed(scheme);
    const broken = { ...headers, 'webhook-signature': 'sha256=abc' };
    expect((await refusal(verifyWebhook({ headers: broken, rawBody: body }, options(scheme)))).reason).toBe(
      'malformed',
    );
  });

  it('refuses every other spelling of the last base64 character, even those decoding to the same bytes', async () => {
    const { headers, body } = await signed(scheme);
    const value = headers['webhook-signature']!; // v1,<43 characters>=
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (const c of alphabet.replace(value.at(-2)!, '')) {
      const changed = { ...headers, 'webhook-signature': `${value.slice(0, -2)}${c}=` };
      const reason = (await refusal(verifyWebhook({ headers: changed, rawBody: body }, options(scheme))))
        .reason;
      expect(['bad_signature', 'malformed']).toContain(reason);
    }
  });

  it('refuses a configured secret of the wrong form (malformed), naming the expected form only', async () => {
    const { headers, body } = await signed(scheme);
    for (const secret of [
      'not-a-whsec-secret',
      `whsec_${Buffer.alloc(8).toString('base64')}`,
      'whsec_%%%%',
    ]) {
      const error = await refusal(verifyWebhook({ headers, rawBody: body }, options(scheme, { secret })));
      expect(error.reason).toBe('malformed');
      expect(error.message).toContain('whsec_');
      expect(error.message).not.toContain(secret);
    }
  });
});

describe('standard-webhooks: rotation and interoperability', () => {
  it('finds the matching one among several signatures, in any order (sender-side rotation)', async () => {
    const { headers, body } = await signed(scheme);
    const other = `v1,${Buffer.alloc(32, 1).toString('base64')}`;
    for (const value of [
      `${other} ${headers['webhook-signature']}`,
      `${headers['webhook-signature']} ${other}`,
    ]) {
      const rotated = { ...headers, 'webhook-signature': value };
      await expect(
        verifyWebhook({ headers: rotated, rawBody: body }, options(scheme)),
      ).resolves.toBeDefined();
    }
  });

  it('ignores signature versions it does not know, and refuses when only those are present', async () => {
    const { headers, body } = await signed(scheme);
    const v1 = headers['webhook-signature']!;
    const mixed = { ...headers, 'webhook-signature': `v1a,${v1.slice(3)} ${v1}` };
    await expect(verifyWebhook({ headers: mixed, rawBody: body }, options(scheme))).resolves.toBeDefined();
    const onlyV2 = { ...headers, 'webhook-signature': `v2,${v1.slice(3)}` };
    expect((await refusal(verifyWebhook({ headers: onlyV2, rawBody: body }, options(scheme)))).reason).toBe(
      'bad_signature',
    );
  });

  it('accepts the signature header repeated, as fetch Headers joins it', async () => {
    const { headers, body } = await signed(scheme);
    const joined = new Headers(headers);
    joined.append('webhook-signature', `v1,${Buffer.alloc(32, 1).toString('base64')}`);
    await expect(verifyWebhook({ headers: joined, rawBody: body }, options(scheme))).resolves.toBeDefined();
  });

  it('accepts either receiver-side secret during a rotation', async () => {
    const next = 'whsec_' + Buffer.alloc(24, 9).toString('base64');
    const { headers, body } = await signed(scheme, { secret: next });
    const rotating = options(scheme, { secret: undefined, secrets: [SECRETS[scheme], next] });
    await expect(verifyWebhook({ headers, rawBody: body }, rotating)).resolves.toBeDefined();
  });

  it("reproduces the specification's published test vector", () => {
    // From the Standard Webhooks specification and its reference libraries' tests.
    const specKey = Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64');
    const signature = standardWebhooksSignature(
      specKey,
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      '1614265330',
      '{"test": 2432232314}',
    );
    expect(signature).toBe('g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs what the standardwebhooks library verifies, and verifies what it signs', async () => {
    const { headers, body } = await signed(scheme, { now: () => Date.now() });
    const library = new Webhook(SECRETS[scheme]);
    expect(library.verify(body, headers)).toEqual(JSON.parse(body));

    const at = new Date();
    const theirs = library.sign('evt_sampleReturnCreated', at, body);
    const theirHeaders = {
      'webhook-id': 'evt_sampleReturnCreated',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': theirs,
    };
    await expect(
      verifyWebhook({ headers: theirHeaders, rawBody: body }, options(scheme, { now: () => at.getTime() })),
    ).resolves.toEqual(JSON.parse(body));
  });
});
