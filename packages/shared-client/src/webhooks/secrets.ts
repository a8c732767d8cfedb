import type { KeyObject } from 'node:crypto';
import { createSecretKey, randomBytes, webcrypto } from 'node:crypto';
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

const KEYS_KEPT = 16;

/**
 * Remembers the keys of the last few secrets seen: otherwise createHmac re-encodes a string key on
 * every call, a Standard Webhooks secret is base64-decoded per delivery and WebCrypto imports a JWT
 * key per delivery (which made JWT verification half again as slow). Bounded, so a process that
 * sees many secrets keeps only the recent ones.
 */
function keyCache<K>(make: (secret: string) => K): (secret: string) => K {
  const keys = new Map<string, K>();
  return (secret) => {
    const known = keys.get(secret);
    if (known) return known;
    const key = make(secret);
    if (key === undefined) return key;
    if (keys.size >= KEYS_KEPT) keys.delete(keys.keys().next().value as string);
    keys.set(secret, key);
    return key;
  };
}

/** The HMAC key of a plain secret: its UTF-8 bytes. */
export const hmacKey = keyCache((secret) => createSecretKey(secret, 'utf8'));

/** The HMAC key of a Standard Webhooks secret (the bytes after `whsec_`), or undefined if the form is wrong. */
export const standardWebhooksKey = keyCache((secret): KeyObject | undefined => {
  if (!secret.startsWith(STANDARD_PREFIX)) return undefined;
  const key = decodeBase64(secret.slice(STANDARD_PREFIX.length));
  return key && key.length >= 24 && key.length <= 64 ? createSecretKey(key) : undefined;
});

/** The key jose verifies a delivery JWT (HS256) with: the secret's UTF-8 bytes, imported once. */
export const jwtVerifyKey = keyCache((secret): Promise<webcrypto.CryptoKey> =>
  webcrypto.subtle.importKey('raw', Buffer.from(secret, 'utf8'), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]),
);

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
