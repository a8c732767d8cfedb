/**
 * Remembers JWT nonces so a captured delivery cannot be accepted twice. Back it with Redis, a
 * database or a Pipedream `db` when several processes receive the same webhooks.
 */
export interface ReplayStore {
  /**
   * Records `nonce` until `expiresAtMs` (after which the JWT is refused as expired anyway). Returns
   * true when the nonce is new, false when it was already recorded and has not expired.
   */
  recordIfNew(nonce: string, expiresAtMs: number, nowMs: number): boolean | Promise<boolean>;
}

export interface MemoryReplayStore extends ReplayStore {
  /** How many nonces are remembered now. */
  readonly size: number;
}

export const DEFAULT_REPLAY_STORE_SIZE = 10_000;

/**
 * A bounded in-memory store. Nonces are forgotten once their JWT has expired; when full, the oldest
 * is forgotten first, so memory stays bounded under a flood.
 */
export function createMemoryReplayStore(maxEntries = DEFAULT_REPLAY_STORE_SIZE): MemoryReplayStore {
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError('maxEntries must be a positive integer');
  }
  // Insertion order is roughly expiry order (exp = iat + 300), so expired nonces sit at the front.
  const seen = new Map<string, number>();
  return {
    get size() {
      return seen.size;
    },
    recordIfNew(nonce, expiresAtMs, nowMs) {
      for (const [key, expiresAt] of seen) {
        if (expiresAt > nowMs) break;
        seen.delete(key);
      }
      const known = seen.get(nonce);
      if (known !== undefined && known > nowMs) return false;
      seen.delete(nonce);
      while (seen.size >= maxEntries) seen.delete(seen.keys().next().value as string);
      seen.set(nonce, expiresAtMs);
      return true;
    },
  };
}

let processStore: MemoryReplayStore | undefined;

/** The store used when none is passed: one per process, created on first use. */
export function defaultReplayStore(): MemoryReplayStore {
  return (processStore ??= createMemoryReplayStore());
}
