import { dirname } from 'node:path';
import type { Storage } from '../repositories';
import { SqliteApiClientRepository } from './api-client-repository';
import { SqliteDeliveryAttemptRepository } from './delivery-attempt-repository';
import { SqliteDeliveryQueueRepository } from './delivery-queue-repository';
import { SqliteEventRepository } from './event-repository';
import { SqliteIdempotencyRepository } from './idempotency-repository';
import { SqliteRmaRepository } from './rma-repository';
import { DATA_TABLES } from './schema';
import { SqliteSession } from './session';
import { SqliteCountdownRepository, SqliteSettingsRepository } from './small-repositories';
import { SqliteSubscriptionRepository } from './subscription-repository';

export { DataDirError, DATABASE_FILE } from './session';

/** Every repository in one SQLite database in `dataDir`: what `returns-mock serve --data-dir` runs on. */
export function sqliteStorage(dataDir: string): Storage {
  const session = new SqliteSession(dataDir);
  const apiClients = new SqliteApiClientRepository(session);
  const subscriptions = new SqliteSubscriptionRepository(session);
  const deliveryAttempts = new SqliteDeliveryAttemptRepository(session);
  const deliveryQueue = new SqliteDeliveryQueueRepository(session);
  const rmas = new SqliteRmaRepository(session);
  const events = new SqliteEventRepository(session);
  const cached = [apiClients, subscriptions, deliveryAttempts, deliveryQueue, rmas, events];
  return {
    rmas,
    events,
    apiClients,
    idempotency: new SqliteIdempotencyRepository(session),
    subscriptions,
    deliveryAttempts,
    deliveryQueue,
    countdowns: new SqliteCountdownRepository(session),
    settings: new SqliteSettingsRepository(session),
    transaction: (work) => session.transaction(work),
    describe: () => ({ engine: 'sqlite', dataDir: dirname(session.file), file: session.file }),
    clear() {
      session.transaction(() => {
        for (const table of DATA_TABLES) session.db.exec(`DELETE FROM ${table}`);
      });
      for (const repository of cached) repository.forgetCached();
    },
    close: () => session.close(),
  };
}
