import type { z } from 'zod';
import type {
  ApiClient,
  DeliveryAttempt,
  DeliveryListFilters,
  EventEnvelope,
  EventListFilters,
  Page,
  Rma,
  RmaListFilters,
  WebhookSubscription,
} from '@returns-pack/shared-client';

/**
 * The storage seam: everything the mock keeps, RMAs and events as much as webhook subscriptions, the
 * delivery attempt log and the outbox's queue. Two stores implement it, `memory/` (the default) and
 * `sqlite/` (`buildApp({ dataDir })`); routes and delivery see only these interfaces. Queries take the
 * contract's parsed filters as they are, so a store can turn them into its own query.
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
  /** Every open RMA not yet breached, with when its SLA runs out: the SLA checks a restart re-arms. */
  awaitingSla(): Iterable<{ id: string; dueAtMs: number }>;
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
  /**
   * Forgets every claim still without an answer: on start, those requests died with the process that
   * ran them, and a retry must be able to run.
   */
  releaseUnanswered(): number;
}

/**
 * A subscription as kept: the public fields, the API client that owns it, and its signing secret.
 * After a rotation (v1.1) the previous secret stays until its grace window ends, so that no delivery
 * fails at a receiver still holding it.
 */
export type StoredSubscription = WebhookSubscription & {
  owner_id: string;
  secret: string;
  previous_secret?: { secret: string; expires_at: string } | null;
};

export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}

export interface SubscriptionRepository {
  insert(sub: StoredSubscription): void;
  get(id: string): StoredSubscription | undefined;
  /** Replaces the subscription with the same id, keeping its place in lists. */
  update(sub: StoredSubscription): void;
  remove(id: string): void;
  countByOwner(ownerId: string): number;
  /** Newest first, one API client's only. */
  listByOwner(ownerId: string, query: PageQuery): Page<StoredSubscription>;
  /** Every subscription, for handing each new event to those that want it. */
  all(): Iterable<StoredSubscription>;
}

export type DeliveryAttemptQuery = z.output<typeof DeliveryListFilters>;

export interface DeliveryAttemptRepository {
  /** Logs an attempt; past `keepPerWebhook` the webhook's oldest attempts are dropped and counted. */
  append(attempt: DeliveryAttempt, keepPerWebhook: number): void;
  /** Newest first. */
  list(webhookId: string, query: DeliveryAttemptQuery): Page<DeliveryAttempt>;
  dropped(webhookId: string): number;
  forget(webhookId: string): void;
}

/**
 * One event on its way to one subscription. `attempt` counts the attempts started so far. A replay
 * is the logged event itself with `replay` set here, not a copy: however many replays, one event
 * object and so one serialisation of it.
 */
export interface DeliveryJob {
  subscriptionId: string;
  /** The API client the subscription belongs to: the unit of fairness. */
  ownerId: string;
  event: EventEnvelope;
  replay: boolean;
  attempt: number;
}

/**
 * The outbox's queue: jobs in lanes (one subscription, one subject), each lane first in, first out.
 * What runs when (concurrency, fairness, retry timers) is the outbox's own state, rebuilt on start.
 */
export interface DeliveryQueueRepository {
  push(lane: string, job: DeliveryJob): void;
  /** The lane's first job, the one being attempted. */
  peek(lane: string): DeliveryJob | undefined;
  /** Removes the lane's first job, once it is delivered or given up. */
  shift(lane: string): void;
  length(lane: string): number;
  /** Drops a lane and its jobs (a deleted subscription). */
  drop(lane: string): void;
  /**
   * Keeps, with the lane's first job, the attempts made so far (its `attempt`) and when the next is
   * due, so that a restart resumes the retry schedule where it was.
   */
  retryAt(lane: string, atMs: number): void;
  /** Every lane with jobs, in the order their first jobs were queued: what a restart resumes. */
  lanes(): Iterable<QueuedLane>;
}

export interface QueuedLane {
  lane: string;
  subscriptionId: string;
  ownerId: string;
  jobs: number;
  /** When the first job's next attempt is due (clock ms); null when it has not failed yet. */
  dueAtMs: number | null;
}

/** Running auto-close countdowns: RMA id → when the countdown ends (clock ms). */
export interface CountdownRepository {
  get(id: string): number | undefined;
  set(id: string, atMs: number): void;
  delete(id: string): void;
  all(): Iterable<[string, number]>;
}

/** Small named values of the server's own: the test clock's offset. */
export interface SettingsRepository {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export interface Repositories {
  rmas: RmaRepository;
  events: EventRepository;
  apiClients: ApiClientRepository;
  idempotency: IdempotencyRepository;
  subscriptions: SubscriptionRepository;
  deliveryAttempts: DeliveryAttemptRepository;
  deliveryQueue: DeliveryQueueRepository;
  countdowns: CountdownRepository;
  settings: SettingsRepository;
}

export interface StorageDescription {
  engine: 'memory' | 'sqlite';
  /** The data folder; null in memory. */
  dataDir: string | null;
  /** The database file; null in memory. */
  file: string | null;
}

/**
 * The repositories and what spans them. `transaction` is the transactional outbox's boundary: a
 * state change, its events and their delivery jobs are written inside one, and commit together or
 * not at all. Work nested in a transaction joins it.
 */
export interface Storage extends Repositories {
  transaction<T>(work: () => T): T;
  describe(): StorageDescription;
  /**
   * Empties every repository but the settings, which describe the sandbox rather than hold its data
   * (the admin token, the clock's offset): the console's "reset sandbox".
   */
  clear(): void;
  close(): void;
}
