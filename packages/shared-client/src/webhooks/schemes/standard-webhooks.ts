import type { KeyObject } from 'node:crypto';
import { createHmac } from 'node:crypto';
import type { RawBody } from '../body';
import { textsEqual } from '../constant-time';
import type { VerifyContext } from '../context';
import { refuse } from '../errors';
import { readHeader } from '../headers';
import { standardWebhooksKey } from '../secrets';
import { checkWithinTolerance } from '../timestamps';

const SIGNATURE_ENTRY = /^v\d+[a-z]*,[A-Za-z0-9+/]+={0,2}$/;

/** Base64 HMAC-SHA256 of `id.timestamp.body`, the body fed as its raw bytes, keyed with the secret's bytes. */
export function standardWebhooksSignature(
  key: Uint8Array | KeyObject,
  id: string,
  timestamp: string,
  body: RawBody,
): string {
  const hmac = createHmac('sha256', key);
  // One update of a joined string hashes faster than two; bytes cannot be joined without a copy.
  return (
    typeof body === 'string'
      ? hmac.update(`${id}.${timestamp}.${body}`)
      : hmac.update(`${id}.${timestamp}.`).update(body)
  ).digest('base64');
}

/** One `v1,…` entry per key, space-separated: several while a secret rotates (the spec's own form). */
export function signStandardWebhooks(
  keys: readonly (Uint8Array | KeyObject)[],
  id: string,
  timestamp: string,
  body: string,
): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': keys
      .map((key) => `v1,${standardWebhooksSignature(key, id, timestamp, body)}`)
      .join(' '),
  };
}

/** The space-separated entries of the header; a repeated header arrives joined by ", ". */
function signatureEntries(value: string): string[] {
  if (!value.includes(' ')) return [value.endsWith(',') ? value.slice(0, -1) : value];
  return value
    .trim()
    .split(/\s+/)
    .map((entry) => (entry.endsWith(',') ? entry.slice(0, -1) : entry));
}

/**
 * Whether any v1 entry is `expected`, compared as text: only the one canonical base64 spelling of
 * the digest matches, so no altered spelling of a valid signature passes. No early exit.
 */
function anyEntryMatches(entries: readonly string[], expected: string): boolean {
  let matched = false;
  for (const entry of entries) {
    if (entry.startsWith('v1,') && textsEqual(entry.slice(3), expected)) matched = true;
  }
  return matched;
}

/** Whole seconds since 1970, at most 12 digits; checked by hand, as a regex costs more than the rest. */
function isWholeSeconds(text: string): boolean {
  if (text.length === 0 || text.length > 12) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function secretKey(secret: string): KeyObject {
  return (
    standardWebhooksKey(secret) ??
    refuse(
      'malformed',
      'The signing secret is not a Standard Webhooks secret ("whsec_" followed by base64 of 24 to 64 bytes): copy it again from the subscription.',
    )
  );
}

export function authenticateStandardWebhooks(headers: unknown, body: RawBody, ctx: VerifyContext): void {
  const signature = readHeader(headers, 'webhook-signature', ' ');
  if (signature === undefined) {
    refuse(
      'missing_signature',
      'The request has no webhook-signature header: only signed deliveries are accepted.',
    );
  }
  const id = readHeader(headers, 'webhook-id');
  if (id === undefined)
    refuse('malformed', 'The request has no webhook-id header, which the signature covers.');
  const timestamp = readHeader(headers, 'webhook-timestamp');
  if (timestamp === undefined || !isWholeSeconds(timestamp)) {
    refuse('malformed', 'The webhook-timestamp header must be the send time in whole seconds since 1970.');
  }
  checkWithinTolerance(Number(timestamp), ctx.nowMs, ctx.toleranceSeconds, 'webhook-timestamp');
  const entries = signatureEntries(signature);
  let matched = false;
  // Every secret is tried, so the time taken does not tell which one matched.
  for (const secret of ctx.secrets) {
    matched =
      anyEntryMatches(entries, standardWebhooksSignature(secretKey(secret), id, timestamp, body)) || matched;
  }
  // The format is checked only once nothing matched: the accepted path stays as short as the checks allow.
  if (!matched && !entries.every((entry) => SIGNATURE_ENTRY.test(entry))) {
    refuse(
      'malformed',
      'The webhook-signature header must hold signatures like "v1,<base64>", separated by spaces.',
    );
  }
  if (!matched) {
    refuse(
      'bad_signature',
      'No signature in the webhook-signature header matches the body: check that the signing secret is the one shown when the subscription was created, and that the body reaches the verifier unchanged.',
    );
  }
}
