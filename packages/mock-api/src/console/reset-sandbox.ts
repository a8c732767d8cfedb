import type { DeliveryService } from '../delivery';
import type { Services } from '../domain/services';

/**
 * Empties the sandbox: RMAs, events, API clients, webhook subscriptions, the delivery log and queue,
 * idempotency keys. The settings stay (`Storage.clear`): the admin token the operator's console and
 * scripts hold, and the test clock's offset, since the clock itself goes on from where it is. Timers
 * armed for RMAs that are gone find nothing when they come due.
 */
export function resetSandbox(services: Services, delivery: DeliveryService): void {
  // The outbox first: a job it still held would otherwise be sent, or retried, after the reset.
  delivery.clear();
  services.repositories.clear();
}
