import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../domain/clock';
import { DomainError, invalid } from '../domain/errors';
import type { IdempotencyRecord, IdempotencyRepository, StoredResponse } from '../storage/repositories';

export interface IdempotentResponse extends StoredResponse {
  replayed: boolean;
}

const KEY_HEADER = 'Idempotency-Key';

/** The header's value, undefined when absent; a malformed one is refused rather than ignored. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string') throw invalid(KEY_HEADER, 'must be given once');
  if (!/^[\x21-\x7e]{1,255}$/.test(key))
    throw invalid(KEY_HEADER, 'must be 1 to 255 visible ASCII characters');
  return key;
}

/** The request a key stands for: the route and the parsed body, key order aside. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${url}\n${canonicalJson(body)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Stripe's idempotency: the first request with a key runs and its answer is kept; a retry with the
 * same key and request gets that answer again; the same key for a different request is a conflict.
 * A concurrent retry waits for the first to finish, so one key never makes two RMAs.
 */
export class IdempotencyGuard {
  private readonly inFlight = new Map<string, Promise<StoredResponse>>();

  constructor(
    private readonly repository: IdempotencyRepository,
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
    /** The storage's transaction: a synchronous action, its claim and its kept answer commit together. */
    private readonly transact: <T>(work: () => T) => T = (work) => work(),
  ) {}

  async run(
    scope: string,
    key: string,
    fingerprint: string,
    action: () => StoredResponse | Promise<StoredResponse>,
  ): Promise<IdempotentResponse> {
    const id = `${scope}\u0000${key}`;
    // A creation runs synchronously: claimed, made and answered in one transaction, so a crash can
    // never leave an RMA made whose key has no answer (a retry would make it twice).
    let claimed: { held: IdempotencyRecord | null; answer?: StoredResponse | Promise<StoredResponse> };
    try {
      claimed = this.transact(() => {
        const held = this.repository.claim(scope, key, fingerprint, this.clock.now(), this.ttlSeconds * 1000);
        if (held) return { held };
        const answer = action();
        if (!(answer instanceof Promise)) this.repository.complete(scope, key, answer);
        return { held: null, answer };
      });
    } catch (error) {
      // The transaction rolled back (with a durable store) or the claim stays (in memory): free it.
      this.repository.release(scope, key);
      throw error;
    }
    const { held, answer } = claimed;
    if (answer !== undefined && !(answer instanceof Promise)) return { ...answer, replayed: false };
    if (held) {
      if (held.fingerprint !== fingerprint) {
        throw new DomainError('conflict', `${KEY_HEADER} ${key} was already used with a different request`, [
          { path: KEY_HEADER, message: 'was already used with a different request body' },
        ]);
      }
      const response = held.response ?? (await this.inFlight.get(id));
      if (!response)
        throw new DomainError('conflict', `A request with ${KEY_HEADER} ${key} is still in progress`);
      return { ...response, replayed: true };
    }
    const pending = Promise.resolve(answer!);
    this.inFlight.set(id, pending);
    try {
      const response = await pending;
      this.repository.complete(scope, key, response);
      return { ...response, replayed: false };
    } catch (error) {
      // Nothing was answered to keep: let a retry with this key run afresh.
      this.repository.release(scope, key);
      throw error;
    } finally {
      this.inFlight.delete(id);
    }
  }
}
