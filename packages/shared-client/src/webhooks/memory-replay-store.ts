import type { NonceEntry, NonceVerdict, ReplayStore, LegacyReplayStore } from './replay-store';

export interface MemoryReplayStoreOptions {
  /** Unexpired nonces kept per scope (per signing secret); past it, that secret's deliveries are refused. */
  maxPerScope?: number;
  /** Scopes kept at once; a scope whose nonces have all expired is dropped to make room. */
  maxScopes?: number;
}

export interface MemoryReplayStore extends ReplayStore, LegacyReplayStore {
  /** How many nonces are remembered now, across scopes. */
  readonly size: number;
}

export const DEFAULT_REPLAY_STORE_SIZE = 10_000;
export const DEFAULT_REPLAY_STORE_SCOPES = 1_000;

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  return value;
}

/** Drops the expired nonces of one scope; insertion order is roughly expiry order, so usually a prefix. */
function prune(nonces: Map<string, number>, nowMs: number, sweep: boolean): void {
  for (const [nonce, expiresAt] of nonces) {
    if (expiresAt > nowMs) {
      if (!sweep) return;
    } else nonces.delete(nonce);
  }
}

/**
 * A bounded in-memory store for one process. `maxPerScope` may be given as a bare number (the 1.0
 * `maxEntries` argument). Unexpired nonces are never forgotten: a full scope answers `full`.
 */
export function createMemoryReplayStore(options: MemoryReplayStoreOptions | number = {}): MemoryReplayStore {
  const opts = typeof options === 'number' ? { maxPerScope: options } : options;
  const maxPerScope = positive('maxPerScope', opts.maxPerScope, DEFAULT_REPLAY_STORE_SIZE);
  const maxScopes = positive('maxScopes', opts.maxScopes, DEFAULT_REPLAY_STORE_SCOPES);
  const scopes = new Map<string, Map<string, number>>();
  let size = 0;

  const counted = (nonces: Map<string, number>, run: () => void) => {
    const before = nonces.size;
    run();
    size += nonces.size - before;
  };

  function scopeFor(scope: string, nowMs: number): Map<string, number> | undefined {
    const known = scopes.get(scope);
    if (known) return known;
    if (scopes.size >= maxScopes) {
      for (const [key, nonces] of scopes) {
        counted(nonces, () => prune(nonces, nowMs, true));
        if (nonces.size === 0) scopes.delete(key);
      }
      if (scopes.size >= maxScopes) return undefined;
    }
    const created = new Map<string, number>();
    scopes.set(scope, created);
    return created;
  }

  function record({ scope, nonce, expiresAtMs, nowMs }: NonceEntry): NonceVerdict {
    const nonces = scopeFor(scope, nowMs);
    if (!nonces) return 'full';
    counted(nonces, () => prune(nonces, nowMs, false));
    const known = nonces.get(nonce);
    if (known !== undefined && known > nowMs) return 'replayed';
    if (nonces.size >= maxPerScope) counted(nonces, () => prune(nonces, nowMs, true));
    if (nonces.size >= maxPerScope) return 'full';
    counted(nonces, () => {
      nonces.delete(nonce);
      nonces.set(nonce, expiresAtMs);
    });
    return 'recorded';
  }

  return {
    get size() {
      return size;
    },
    record,
    recordIfNew(nonce, expiresAtMs, nowMs) {
      const verdict = record({ scope: '', nonce, expiresAtMs, nowMs });
      if (verdict === 'full') throw new Error('the replay store is full');
      return verdict === 'recorded';
    },
  };
}

let processStore: MemoryReplayStore | undefined;

/** The store used when none is passed: one per process, created on first use. */
export function defaultReplayStore(): MemoryReplayStore {
  return (processStore ??= createMemoryReplayStore());
}
