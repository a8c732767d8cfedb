import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { SignatureScheme, SignedWebhook } from '../src';
import { sampleEvent, signWebhook } from '../src';

export const BODY_BYTES = 2048;

export const SECRETS: Record<SignatureScheme, string> = {
  'hmac-sha256': 'bench-hmac-secret-0123456789abcdef',
  bearer: 'bench-bearer-secret-0123456789',
  jwt: 'bench-jwt-secret-0123456789abcdef',
  'standard-webhooks': 'whsec_' + Buffer.alloc(32, 3).toString('base64'),
};

/** A realistic event padded with metadata to exactly BODY_BYTES of JSON. */
export function benchEventJson(): string {
  const event = sampleEvent('return.updated');
  event.data.rma.metadata = { ...event.data.rma.metadata, note: '' };
  const short = BODY_BYTES - Buffer.byteLength(JSON.stringify(event));
  event.data.rma.metadata.note = 'x'.repeat(short);
  const json = JSON.stringify(event);
  if (Buffer.byteLength(json) !== BODY_BYTES) throw new Error(`bench body is ${json.length} bytes`);
  return json;
}

export async function benchDeliveries(nowMs: number): Promise<Record<SignatureScheme, SignedWebhook>> {
  const event = benchEventJson();
  const sign = (scheme: SignatureScheme) =>
    signWebhook({ scheme, secret: SECRETS[scheme], event, now: () => nowMs });
  return {
    'hmac-sha256': await sign('hmac-sha256'),
    bearer: await sign('bearer'),
    jwt: await sign('jwt'),
    'standard-webhooks': await sign('standard-webhooks'),
  };
}

/**
 * The least work a correct verifier must do, written inline with node:crypto: the yardstick the
 * verifier's overhead is measured against. Each returns the parsed body, as the verifier does.
 */
export const bare = {
  hmac(secret: string, signatureHex: string, body: string): unknown {
    const expected = createHmac('sha256', secret).update(body).digest();
    if (!timingSafeEqual(Buffer.from(signatureHex, 'hex'), expected)) throw new Error('bad signature');
    return JSON.parse(body);
  },
  standard(key: Buffer, id: string, timestamp: string, signatureB64: string, body: string): unknown {
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
    if (!timingSafeEqual(Buffer.from(signatureB64, 'base64'), expected)) throw new Error('bad signature');
    return JSON.parse(body);
  },
  bearer(secret: string, token: string, body: string): unknown {
    const a = createHash('sha256').update(token).digest();
    const b = createHash('sha256').update(secret).digest();
    if (!timingSafeEqual(a, b)) throw new Error('bad token');
    return JSON.parse(body);
  },
  jwt(secret: string, body: string): unknown {
    const { jwt, payload } = JSON.parse(body) as { jwt: string; payload: unknown };
    const [header, claims, signature] = jwt.split('.') as [string, string, string];
    const expected = createHmac('sha256', secret).update(`${header}.${claims}`).digest();
    if (!timingSafeEqual(Buffer.from(signature, 'base64url'), expected)) throw new Error('bad signature');
    JSON.parse(Buffer.from(claims, 'base64url').toString());
    return payload;
  },
};
