import { createHash } from 'node:crypto';

const FINGERPRINTS_KEPT = 64;
const fingerprints = new Map<string, string>();

/**
 * The scope a secret's nonces are kept under: 128 bits of a domain-separated SHA-256, so a store
 * (a Pipedream `db`, n8n's static data) never holds the secret or anything that checks a guess at a
 * low-entropy one cheaply beyond what a signature already allows.
 */
export function secretFingerprint(secret: string): string {
  let fingerprint = fingerprints.get(secret);
  if (fingerprint === undefined) {
    fingerprint = createHash('sha256')
      .update(`returns-pack nonce scope\n${secret}`, 'utf8')
      .digest('base64url')
      .slice(0, 22);
    if (fingerprints.size >= FINGERPRINTS_KEPT)
      fingerprints.delete(fingerprints.keys().next().value as string);
    fingerprints.set(secret, fingerprint);
  }
  return fingerprint;
}
