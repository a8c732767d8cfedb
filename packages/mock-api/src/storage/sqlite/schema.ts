import type Database from 'better-sqlite3';

/**
 * The tables, one migration per schema version (`PRAGMA user_version`). Each row keeps its record as
 * JSON, the API's own shape, beside the columns the list filters and the restart read. `pos` is a
 * row's place in creation order, never reused: cursors name it.
 */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE rmas (
    pos INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    email TEXT NOT NULL,
    external_reference TEXT,
    status TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    breached INTEGER NOT NULL,
    json TEXT NOT NULL
  );
  CREATE INDEX rmas_by_kind ON rmas (kind, pos);
  CREATE INDEX rmas_by_email ON rmas (email, pos);
  CREATE INDEX rmas_by_reference ON rmas (external_reference, pos);
  CREATE INDEX rmas_by_created ON rmas (created_ms);

  CREATE TABLE events (
    pos INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    created_ms INTEGER NOT NULL,
    json TEXT NOT NULL
  );
  CREATE INDEX events_by_subject ON events (subject_id, pos);
  CREATE INDEX events_by_type ON events (type, pos);
  CREATE INDEX events_by_created ON events (created_ms);

  CREATE TABLE api_clients (
    pos INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    key_hash TEXT NOT NULL UNIQUE,
    json TEXT NOT NULL
  );

  CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    response TEXT,
    PRIMARY KEY (scope, key)
  );
  CREATE INDEX idempotency_by_created ON idempotency_keys (created_ms);

  CREATE TABLE subscriptions (
    pos INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    owner_id TEXT NOT NULL,
    json TEXT NOT NULL
  );
  CREATE INDEX subscriptions_by_owner ON subscriptions (owner_id, pos);

  CREATE TABLE delivery_attempts (
    pos INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    json TEXT NOT NULL
  );
  CREATE INDEX delivery_attempts_by_webhook ON delivery_attempts (webhook_id, pos);
  CREATE TABLE delivery_attempts_dropped (
    webhook_id TEXT PRIMARY KEY,
    dropped INTEGER NOT NULL
  );

  -- The outbox: a job names a logged event by id; a test event, which is not in the log, is kept whole.
  CREATE TABLE delivery_queue (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    lane TEXT NOT NULL,
    subscription_id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    event_json TEXT,
    replay INTEGER NOT NULL,
    attempt INTEGER NOT NULL DEFAULT 0,
    due_ms INTEGER
  );
  CREATE INDEX delivery_queue_by_lane ON delivery_queue (lane, seq);

  CREATE TABLE countdowns (
    rma_id TEXT PRIMARY KEY,
    at_ms INTEGER NOT NULL
  );

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // 2: the queue's jobs are found by seq, each lane's being known in memory (delivery-queue-repository.ts),
  // since the index on lane cost every commit a page per lane it touched; the attempt log trims in
  // chunks and keeps each webhook's cap, to trim on start what a crash left; a list by status reads
  // its page from an index instead of walking every RMA newer than its last match.
  `
  DROP INDEX delivery_queue_by_lane;
  ALTER TABLE delivery_attempts_dropped ADD COLUMN keep INTEGER;
  CREATE INDEX rmas_by_status ON rmas (status, pos);
  `,
];

/** What a sandbox reset empties: every table but `settings`, which describes the sandbox itself. */
export const DATA_TABLES = [
  'rmas',
  'events',
  'api_clients',
  'idempotency_keys',
  'subscriptions',
  'delivery_attempts',
  'delivery_attempts_dropped',
  'delivery_queue',
  'countdowns',
] as const;

export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(
      `the data folder was written by a newer returns-mock (schema ${version}; this one knows ${MIGRATIONS.length})`,
    );
  }
  for (let next = version; next < MIGRATIONS.length; next++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[next]!);
      db.pragma(`user_version = ${next + 1}`);
    })();
  }
}
