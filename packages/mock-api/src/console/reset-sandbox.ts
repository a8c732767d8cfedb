import type { DeliveryService } from '../delivery';
import type { Services } from '../domain/services';
import { SETTINGS } from '../storage/settings-keys';

/**
 * What outlives a reset: the admin token the operator's console and scripts hold, and the test
 * clock's offset, since the clock object itself goes on from where it is (a restart must agree).
 */
const KEPT = [SETTINGS.adminToken, SETTINGS.clockOffset];

/**
 * Empties the sandbox: RMAs, events, API clients, webhook subscriptions, the delivery log and queue,
 * idempotency keys. Timers armed for RMAs that are gone find nothing when they come due.
 */
export function resetSandbox(services: Services, delivery: DeliveryService): void {
  // The outbox first: a job it still held would otherwise be sent, or retried, after the reset.
  delivery.clear();
  const storage = services.repositories;
  // One transaction: a durable store never holds an emptied sandbox without its admin token.
  storage.transaction(() => {
    const kept = KEPT.flatMap((key) => {
      const value = storage.settings.get(key);
      return value === undefined ? [] : [[key, value] as const];
    });
    storage.clear();
    for (const [key, value] of kept) storage.settings.set(key, value);
  });
}
