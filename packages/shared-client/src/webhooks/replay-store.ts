/**
 * Where JWT nonces are remembered, so that a captured delivery cannot be accepted twice. Nonces are
 * kept per scope, a fingerprint of the secret that signed the JWT: a tenant can neither burn another
 * tenant's nonce (its token would land in its own scope) nor, by flooding its own scope, make the
 * store forget anyone else's.
 */
export interface NonceEntry {
  /** The signing secret's fingerprint (`secretFingerprint`): never the secret itself. */
  scope: string;
  nonce: string;
  /** When the JWT expires; after this the nonce may be forgotten, as the JWT is refused anyway. */
  expiresAtMs: number;
  nowMs: number;
}

/**
 * `recorded`: the nonce is new and is now remembered. `replayed`: it is remembered and unexpired.
 * `full`: the scope holds as many unexpired nonces as it may, so this one cannot be remembered; the
 * delivery is refused (503 `store_unavailable`, the sender retries) rather than an unexpired nonce forgotten.
 */
export type NonceVerdict = 'recorded' | 'replayed' | 'full';

export interface ReplayStore {
  record(entry: NonceEntry): NonceVerdict | Promise<NonceVerdict>;
}

/**
 * The 1.0 interface, still accepted as `replayStore`: one key space, so the verifier hands it
 * `<scope>:<nonce>` as the nonce. It cannot say `full`: it should throw when it cannot remember.
 */
export interface LegacyReplayStore {
  recordIfNew(nonce: string, expiresAtMs: number, nowMs: number): boolean | Promise<boolean>;
}

/** What the `replayStore` option takes. */
export type AnyReplayStore = ReplayStore | LegacyReplayStore;

export function isReplayStore(value: unknown): value is AnyReplayStore {
  const store = value as Partial<ReplayStore & LegacyReplayStore> | null;
  return (
    typeof store === 'object' &&
    store !== null &&
    (typeof store.record === 'function' || typeof store.recordIfNew === 'function')
  );
}

/** One call, whichever interface the store has. */
export async function recordNonce(store: AnyReplayStore, entry: NonceEntry): Promise<NonceVerdict> {
  if ('record' in store && typeof store.record === 'function') return store.record(entry);
  const legacy = store as LegacyReplayStore;
  const fresh = await legacy.recordIfNew(`${entry.scope}:${entry.nonce}`, entry.expiresAtMs, entry.nowMs);
  return fresh ? 'recorded' : 'replayed';
}
