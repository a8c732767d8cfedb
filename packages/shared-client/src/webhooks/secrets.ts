import { randomBytes } from 'node:crypto';
import type { SignatureScheme } from '../contract';
import { decodeBase64 } from './encoding';
import { refuse } from './errors';

const STANDARD_PREFIX = 'whsec_';

/**
 * A new signing secret of the form each scheme expects: hex for our HMAC, URL-safe base64 for Bearer
 * and JWT, and `whsec_` + base64 of 32 random bytes for Standard Webhooks.
 */
export function generateWebhookSecret(scheme: SignatureScheme): string {
  const bytes = randomBytes(32);
  switch (scheme) {
    case 'hmac-sha256':
      return bytes.toString('hex');
    case 'bearer':
    case 'jwt':
      return bytes.toString('base64url');
    case 'standard-webhooks':
      return STANDARD_PREFIX + bytes.toString('base64');
    default:
      throw new TypeError(
        `scheme must be one of hmac-sha256, bearer, jwt, standard-webhooks (got ${JSON.stringify(scheme)})`,
      );
  }
}

/** Decoded keys of the last few secrets seen: decoding on every delivery costs as much as the checks. */
const decodedKeys = new Map<string, Buffer>();
const DECODED_KEYS_KEPT = 16;

/** The HMAC key of a Standard Webhooks secret (the bytes after `whsec_`), or undefined if the form is wrong. */
export function standardWebhooksKey(secret: string): Buffer | undefined {
  const known = decodedKeys.get(secret);
  if (known) return known;
  if (!secret.startsWith(STANDARD_PREFIX)) return undefined;
  const key = decodeBase64(secret.slice(STANDARD_PREFIX.length));
  if (!key || key.length < 24 || key.length > 64) return undefined;
  if (decodedKeys.size >= DECODED_KEYS_KEPT) decodedKeys.delete(decodedKeys.keys().next().value as string);
  decodedKeys.set(secret, key);
  return key;
}

/** The secrets a delivery may be signed with: `secrets` during a rotation, else the one `secret`. */
export function configuredSecrets(options: { secret?: unknown; secrets?: unknown }): readonly string[] {
  const list = options.secrets ?? (options.secret === undefined ? [] : [options.secret]);
  if (!Array.isArray(list) || list.length === 0) {
    return refuse('malformed', 'No signing secret is configured: set secret (or secrets during a rotation).');
  }
  for (const secret of list) {
    if (typeof secret !== 'string' || secret.length === 0) {
      return refuse('malformed', 'Every signing secret must be a non-empty string: check secret/secrets.');
    }
  }
  return list as string[];
}
