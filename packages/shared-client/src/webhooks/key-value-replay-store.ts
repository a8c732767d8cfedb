import type { NonceEntry, NonceVerdict, ReplayStore } from './replay-store';

/**
 * A store of JSON values under string keys, as platforms offer one: Pipedream's `db`
 * (`this.db.get`/`this.db.set`), or a wrapper over any key-value service. Either call may be async.
 */
export interface JsonKeyValue {
  get(key: string): unknown;
  set(key: string, value: unknown): unknown;
}

export interface KeyValueReplayStoreOptions {
  /** Keys are `<prefix><scope>`; default `returns-pack:nonces:`. */
  prefix?: string;
  /**
   * Unexpired nonces kept per signing secret. Each scope is one JSON value of about 60 bytes a
   * nonce, written on every delivery: keep it small enough for the platform's value size limit.
   */
  maxPerScope?: number;
}

export const DEFAULT_KEY_VALUE_PREFIX = 'returns-pack:nonces:';
export const DEFAULT_KEY_VALUE_NONCES = 2_000;

/** Nonce → expiry (ms) as stored; anything else found under the key is read as empty. */
function readNonces(value: unknown, nowMs: number): Record<string, number> {
  // No prototype: a nonce such as "__proto__" must be stored as itself, not swallowed.
  const live = Object.create(null) as Record<string, number>;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return live;
  for (const [nonce, expiresAt] of Object.entries(value as Record<string, unknown>)) {
    if (typeof expiresAt === 'number' && expiresAt > nowMs) live[nonce] = expiresAt;
  }
  return live;
}

/**
 * Nonces in a JSON key-value store, one value per signing secret, expired ones dropped on each write.
 * Read-modify-write: two deliveries of one JWT handled at the same instant by two workers could both
 * pass, so it is as strong as the platform's own serialisation of a source's runs (Pipedream runs a
 * source's events one at a time by default).
 */
export function createKeyValueReplayStore(
  kv: JsonKeyValue,
  options: KeyValueReplayStoreOptions = {},
): ReplayStore {
  if (typeof kv?.get !== 'function' || typeof kv?.set !== 'function') {
    throw new TypeError('createKeyValueReplayStore needs an object with get(key) and set(key, value)');
  }
  const prefix = options.prefix ?? DEFAULT_KEY_VALUE_PREFIX;
  const max = options.maxPerScope ?? DEFAULT_KEY_VALUE_NONCES;
  if (!Number.isSafeInteger(max) || max < 1) throw new RangeError('maxPerScope must be a positive integer');
  return {
    async record({ scope, nonce, expiresAtMs, nowMs }: NonceEntry): Promise<NonceVerdict> {
      const key = prefix + scope;
      const nonces = readNonces(await kv.get(key), nowMs);
      if (Object.hasOwn(nonces, nonce)) return 'replayed';
      if (Object.keys(nonces).length >= max) return 'full';
      nonces[nonce] = expiresAtMs;
      await kv.set(key, nonces);
      return 'recorded';
    },
  };
}

/**
 * Over a plain mutable object the platform persists, such as n8n's workflow static data
 * (`this.getWorkflowStaticData('node')`): n8n saves it after each execution of an active workflow.
 */
export function createObjectReplayStore(
  data: Record<string, unknown>,
  options: KeyValueReplayStoreOptions = {},
): ReplayStore {
  if (typeof data !== 'object' || data === null) {
    throw new TypeError('createObjectReplayStore needs the object to keep nonces in');
  }
  return createKeyValueReplayStore(
    {
      get: (key) => data[key],
      set: (key, value) => {
        data[key] = value;
      },
    },
    options,
  );
}
