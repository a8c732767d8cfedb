import type { IdempotencyRecord, IdempotencyRepository, StoredResponse } from '../repositories';

/**
 * Claims are checked and set in one synchronous step, so two concurrent requests cannot both win.
 * Records are kept in the order they were made, so expired ones are dropped from the front as new
 * claims arrive: a long-running server holds a day of keys, not every key it has ever seen.
 */
export class MemoryIdempotencyRepository implements IdempotencyRepository {
  private readonly records = new Map<string, IdempotencyRecord>();

  claim(
    scope: string,
    key: string,
    fingerprint: string,
    nowMs: number,
    ttlMs: number,
  ): IdempotencyRecord | null {
    this.dropExpired(nowMs, ttlMs);
    const id = recordId(scope, key);
    const existing = this.records.get(id);
    if (existing && nowMs - existing.createdAtMs < ttlMs) return existing;
    // Deleted first so that the new record goes to the back: the map stays in creation order.
    this.records.delete(id);
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

  releaseUnanswered(): number {
    let released = 0;
    for (const [id, record] of this.records) {
      if (record.response === null && this.records.delete(id)) released++;
    }
    return released;
  }

  clear(): void {
    this.records.clear();
  }

  /** Records held, expired or not: what the server's memory pays for. */
  get size(): number {
    return this.records.size;
  }

  private dropExpired(nowMs: number, ttlMs: number): void {
    for (const [id, record] of this.records) {
      if (nowMs - record.createdAtMs < ttlMs) return;
      this.records.delete(id);
    }
  }
}

// A NUL cannot occur in an API client id, so scopes never bleed into one another.
const recordId = (scope: string, key: string) => `${scope}\u0000${key}`;
