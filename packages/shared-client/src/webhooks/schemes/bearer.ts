import { secretsEqual } from '../constant-time';
import type { VerifyContext } from '../context';
import { refuse } from '../errors';
import { readHeader } from '../headers';

/** Redo's scheme (seed 002): the subscriber's own secret, sent back as a Bearer token. */
export function signBearer(secret: string): Record<string, string> {
  return { Authorization: `Bearer ${secret}` };
}

export function authenticateBearer(headers: unknown, ctx: VerifyContext): void {
  const value = readHeader(headers, 'Authorization');
  if (value === undefined) {
    refuse(
      'missing_signature',
      'The request has no Authorization header: Redo sends "Authorization: Bearer <secret>".',
    );
  }
  const match = /^bearer[ \t]+(\S+)[ \t]*$/i.exec(value);
  if (!match) {
    refuse(
      'malformed',
      'The Authorization header must read "Bearer <secret>": check how the sender was configured.',
    );
  }
  let matched = false;
  for (const secret of ctx.secrets) matched = secretsEqual(match[1] ?? '', secret) || matched;
  if (!matched) {
    refuse(
      'bad_signature',
      'The Bearer token in the Authorization header is not the webhook secret: check that the secret given to Redo when the subscription was created is the one configured here.',
    );
  }
}
