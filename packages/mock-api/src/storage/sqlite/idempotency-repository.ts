import type { IdempotencyRecord, IdempotencyRepository, StoredResponse } from '../repositories';
import type { SqliteSession } from './session';

interface Row {
  fingerprint: string;
  created_ms: number;
  response: string | null;
}

/** Claims are insert-if-absent on the (scope, key) primary key; expired keys are swept as new ones come. */
export class SqliteIdempotencyRepository implements IdempotencyRepository {
  constructor(private readonly session: SqliteSession) {}

  claim(
    scope: string,
    key: string,
    fingerprint: string,
    nowMs: number,
    ttlMs: number,
  ): IdempotencyRecord | null {
    return this.session.transaction(() => this.claimNow(scope, key, fingerprint, nowMs, ttlMs));
  }

  private claimNow(
    scope: string,
    key: string,
    fingerprint: string,
    nowMs: number,
    ttlMs: number,
  ): IdempotencyRecord | null {
    const { session } = this;
    session.prepare('DELETE FROM idempotency_keys WHERE created_ms <= ?').run(nowMs - ttlMs);
    const inserted = session
      .prepare(
        `INSERT INTO idempotency_keys (scope, key, fingerprint, created_ms) VALUES (?, ?, ?, ?)
         ON CONFLICT (scope, key) DO NOTHING`,
      )
      .run(scope, key, fingerprint, nowMs);
    if (inserted.changes === 1) return null;
    const row = session
      .prepare('SELECT fingerprint, created_ms, response FROM idempotency_keys WHERE scope = ? AND key = ?')
      .get(scope, key) as Row;
    return {
      fingerprint: row.fingerprint,
      createdAtMs: row.created_ms,
      response: row.response === null ? null : (JSON.parse(row.response) as StoredResponse),
    };
  }

  complete(scope: string, key: string, response: StoredResponse): void {
    this.session.run(
      'UPDATE idempotency_keys SET response = ? WHERE scope = ? AND key = ?',
      JSON.stringify(response),
      scope,
      key,
    );
  }

  release(scope: string, key: string): void {
    this.session.run('DELETE FROM idempotency_keys WHERE scope = ? AND key = ?', scope, key);
  }

  releaseUnanswered(): number {
    return this.session.run('DELETE FROM idempotency_keys WHERE response IS NULL').changes;
  }
}
