import { randomBytes } from 'node:crypto';

const POOL_SIZE = 12 * 512;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

/**
 * `prefix_` and 24 hex characters (96 random bits): unguessable, within the contract's `prefixedId`
 * pattern. Drawn from a pool, because a `randomBytes` call per id is a system call, and that
 * dominated seeding 100,000 RMAs.
 */
export function newId(prefix: string): string {
  if (offset + 12 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  offset += 12;
  return `${prefix}_${pool.toString('hex', offset - 12, offset)}`;
}

/** A bearer secret with a recognisable prefix: 32 random bytes, so a plain sha256 is a safe stored form. */
export const newSecret = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;
