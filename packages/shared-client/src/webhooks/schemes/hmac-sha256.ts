import { createHmac } from 'node:crypto';
import type { RawBody } from '../body';
import { textsEqual } from '../constant-time';
import { decodeBase64, decodeHex } from '../encoding';
import type { VerifyContext } from '../context';
import { refuse } from '../errors';
import { readHeader } from '../headers';
import type { SignatureEncoding } from '../options';
import { hmacKey } from '../secrets';

export const DEFAULT_SIGNATURE_HEADER = 'X-Webhook-Signature';

/** HMAC-SHA256 of the raw body bytes, keyed with the secret's UTF-8 bytes (ReturnMate, Returnflows). */
export function hmacSha256(secret: string, body: RawBody, encoding: SignatureEncoding): string {
  return createHmac('sha256', hmacKey(secret)).update(body).digest(encoding);
}

export function signHmacSha256(
  secret: string,
  body: string,
  header = DEFAULT_SIGNATURE_HEADER,
  encoding: SignatureEncoding = 'hex',
): Record<string, string> {
  return { [header]: hmacSha256(secret, body, encoding) };
}

/**
 * The signature text a header carries, in the one spelling the signer writes: a GitHub-style
 * `sha256=` prefix dropped and hex lower-cased (either case stands for the same bytes).
 */
function signatureText(value: string, encoding: SignatureEncoding): string {
  let text = value.trim();
  // Only a prefix puts "=" at index 6; hex never has one and base64 only at its end.
  if (text.charCodeAt(6) === 61 && text.slice(0, 6).toLowerCase() === 'sha256') text = text.slice(7);
  return encoding === 'hex' ? text.toLowerCase() : text;
}

/**
 * Digests are compared as text, against the canonical spelling only, so no altered spelling of a
 * valid signature (base64's spare bits, a missing pad) matches; comparing bytes would first need a
 * strict decode, and that costs more than the check itself. Why a mismatch happened is worked out
 * only once nothing matched.
 */
export function authenticateHmacSha256(headers: unknown, body: RawBody, ctx: VerifyContext): void {
  const header = ctx.header ?? DEFAULT_SIGNATURE_HEADER;
  const value = readHeader(headers, header);
  if (value === undefined) {
    refuse(
      'missing_signature',
      `The request has no ${header} header: only signed deliveries from the returns platform are accepted.`,
    );
  }
  const received = signatureText(value, ctx.encoding);
  let matched = false;
  // Every secret is tried, so the time taken does not tell which one matched.
  for (const secret of ctx.secrets) {
    matched = textsEqual(received, hmacSha256(secret, body, ctx.encoding)) || matched;
  }
  if (matched) return;
  const decode = ctx.encoding === 'hex' ? decodeHex : decodeBase64;
  if (decode(received) === undefined) {
    refuse(
      'malformed',
      `The ${header} header is not a ${ctx.encoding} HMAC-SHA256 signature: check the header and encoding settings of this connector.`,
    );
  }
  refuse(
    'bad_signature',
    `The ${header} header does not match the body: check that the signing secret is the one shown when the subscription was created, and that the body reaches the verifier unchanged.`,
  );
}
