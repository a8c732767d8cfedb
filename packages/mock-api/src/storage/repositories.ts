import type { z } from 'zod';
import type {
  ApiClient,
  EventEnvelope,
  EventListFilters,
  Page,
  Rma,
  RmaListFilters,
} from '@returns-pack/shared-client';

/**
 * The storage seam. The in-memory implementations live beside this file; a persistent store
 * implements the same four interfaces and is passed to `buildApp({ repositories })`, routes untouched.
 * Queries take the contract's parsed filters as they are, so a store can turn them into its own query.
 */
export type RmaQuery = z.output<typeof RmaListFilters>;
export type EventQuery = z.output<typeof EventListFilters>;

export interface RmaRepository {
  insert(rma: Rma): void;
  /** Replaces the RMA with the same id; its place in every list stays where its creation put it. */
  update(rma: Rma): void;
  get(id: string): Rma | undefined;
  /** Newest first; the cursor survives inserts (no duplicates or gaps among earlier RMAs). */
  list(query: RmaQuery): Page<Rma>;
  count(): number;
}

export interface EventRepository {
  append(event: EventEnvelope): void;
  get(id: string): EventEnvelope | undefined;
  /** The highest `sequence` given to this subject so far, 0 if none. */
  lastSequence(subjectId: string): number;
  list(query: EventQuery): Page<EventEnvelope>;
  /** Oldest first, every event whose `created_at` is within [startMs, endMs]: what a replay re-sends. */
  listBetween(startMs: number, endMs: number): EventEnvelope[];
}

/** An API client as stored: the key and webhook secret only as hashes, never in clear. */
export interface StoredApiClient extends ApiClient {
  key_hash: string;
  webhook_secret_hash: string;
}

export interface ApiClientRepository {
  insert(client: StoredApiClient): void;
  update(client: StoredApiClient): void;
  get(id: string): StoredApiClient | undefined;
  findByKeyHash(keyHash: string): StoredApiClient | undefined;
  /** Oldest first. */
  list(): StoredApiClient[];
}

/** A finished request's answer, kept so that a retry with the same Idempotency-Key gets it again. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

export interface IdempotencyRecord {
  fingerprint: string;
  createdAtMs: number;
  /** null while the first request with this key is still being handled. */
  response: StoredResponse | null;
}

export interface IdempotencyRepository {
  /**
   * Claims `key` within `scope` in one step (a persistent store: insert-if-absent). Returns null when
   * the caller now holds it, else the live record that holds it; records older than `ttlMs` do not count.
   */
  claim(
    scope: string,
    key: string,
    fingerprint: string,
    nowMs: number,
    ttlMs: number,
  ): IdempotencyRecord | null;
  complete(scope: string, key: string, response: StoredResponse): void;
  /** Forgets a claim whose request failed unexpectedly, so that a retry may run. */
  release(scope: string, key: string): void;
}

export interface Repositories {
  rmas: RmaRepository;
  events: EventRepository;
  apiClients: ApiClientRepository;
  idempotency: IdempotencyRepository;
}
