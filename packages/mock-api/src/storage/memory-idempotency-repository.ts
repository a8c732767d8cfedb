import type { IdempotencyRecord, IdempotencyRepository, StoredResponse } from './repositories';

/** Claims are checked and set in one synchronous step, so two concurrent requests cannot both win. */
export class MemoryIdempotencyRepository implements IdempotencyRepository {
  private readonly records = new Map<string, IdempotencyRecord>();

  claim(
    scope: string,
    key: string,
    fingerprint: string,
    nowMs: number,
    ttlMs: number,
  ): IdempotencyRecord | null {
    const id = recordId(scope, key);
    const existing = this.records.get(id);
    if (existing && nowMs - existing.createdAtMs < ttlMs) return existing;
    this.records.set(id, { fingerprint, createdAtMs: nowMs, response: null });
    return null;
  }

  complete(scope: string, key: string, response: StoredResponse): void {
    const record = this.records.get(recordId(scope, key));
    if (record) record.response = response;
  }

  release(scope: string, key: string): void {
    this.records.delete(recordId(scope, key));
  }
}

// A NUL cannot occur in an API client id, so scopes never bleed into one another.
const recordId = (scope: string, key: string) => `${scope}\u0000${key}`;
