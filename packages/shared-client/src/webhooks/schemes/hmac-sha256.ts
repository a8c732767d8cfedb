import { createHmac } from 'node:crypto';
import type { RawBody } from '../body';
import { digestsEqual } from '../constant-time';
import { decodeBase64, decodeHex } from '../encoding';
import type { VerifyContext } from '../context';
import { refuse } from '../errors';
import { readHeader } from '../headers';
import type { SignatureEncoding } from '../options';

export const DEFAULT_SIGNATURE_HEADER = 'X-Webhook-Signature';

/** HMAC-SHA256 of the raw body bytes, keyed with the secret's UTF-8 bytes (ReturnMate, Returnflows). */
export function hmacSha256(secret: string, body: RawBody, encoding: SignatureEncoding | 'binary'): string {
  return createHmac('sha256', secret).update(body).digest(encoding);
}

export function signHmacSha256(
  secret: string,
  body: string,
  header = DEFAULT_SIGNATURE_HEADER,
  encoding: SignatureEncoding = 'hex',
): Record<string, string> {
  return { [header]: hmacSha256(secret, body, encoding) };
}

/** The signature bytes a header carries, tolerating a GitHub-style `sha256=` prefix. */
function decodeSignature(value: string, header: string, encoding: SignatureEncoding): Buffer {
  let text = value.trim();
  // Only a prefix puts "=" at index 6; hex never has one and base64 only at its end.
  if (text.charCodeAt(6) === 61 && text.slice(0, 6).toLowerCase() === 'sha256') text = text.slice(7);
  const bytes = encoding === 'hex' ? decodeHex(text) : decodeBase64(text);
  return (
    bytes ??
    refuse(
      'malformed',
      `The ${header} header is not a ${encoding} HMAC-SHA256 signature: check the header and encoding settings of this connector.`,
    )
  );
}

export function authenticateHmacSha256(headers: unknown, body: RawBody, ctx: VerifyContext): void {
  const header = ctx.header ?? DEFAULT_SIGNATURE_HEADER;
  const value = readHeader(headers, header);
  if (value === undefined) {
    refuse(
      'missing_signature',
      `The request has no ${header} header: only signed deliveries from the returns platform are accepted.`,
    );
  }
  const received = decodeSignature(value, header, ctx.encoding);
  let matched = false;
  // Every secret is tried, so the time taken does not tell which one matched.
  for (const secret of ctx.secrets) {
    const expected = Buffer.from(hmacSha256(secret, body, 'binary'), 'binary');
    matched = digestsEqual(received, expected) || matched;
  }
  if (!matched) {
    refuse(
      'bad_signature',
      `The ${header} header does not match the body: check that the signing secret is the one shown when the subscription was created, and that the body reaches the verifier unchanged.`,
    );
  }
}
