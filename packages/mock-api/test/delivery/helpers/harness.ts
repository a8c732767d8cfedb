import type { EventType, Rma } from '@returns-pack/shared-client';
import { DeliveryListFilters } from '@returns-pack/shared-client';
import { createClock } from '../../../src/domain/clock';
import { createDeliveryService } from '../../../src/delivery';
import type { DeliveryService, DeliveryServiceOptions } from '../../../src/delivery';
import type { CreateWebhookInput } from '../../../src/delivery';
import { TestEvents } from './events';

export const OWNER = 'cli_owner';
const T0 = Date.parse('2025-03-14T09:00:00.000Z');

/**
 * A delivery service on a clock that only moves when the test advances it, and an event log the test
 * writes to. `emit` records an event and publishes it, as the server does. The default timeout is
 * generous (the machine may be busy); tests about timeouts set a short one.
 */
export function deliveryHarness(options: Partial<DeliveryServiceOptions> = {}) {
  // Frozen wall time: the clock moves only when the test advances it, so every timestamp is exact.
  const clock = createClock({ wallTime: () => T0 });
  clock.stop();
  const events = new TestEvents(clock.now);
  const service: DeliveryService = createDeliveryService({
    clock,
    eventsBetween: events.between,
    timeoutMs: 2000,
    ...options,
  });
  return {
    clock,
    events,
    service,
    emit(subjectId: string, type?: EventType, overrides?: Partial<Rma>) {
      const event = events.emit(subjectId, type, overrides);
      service.publish(event);
      return event;
    },
    subscribe(body: Partial<CreateWebhookInput> & { url: string }) {
      return service.createSubscription(OWNER, { events: ['*'], ...body });
    },
    /** Every attempt in the log, oldest first. */
    attempts(webhookId: string, filters: Record<string, unknown> = {}) {
      return service
        .listDeliveries(OWNER, webhookId, DeliveryListFilters.parse({ limit: 100, ...filters }))
        .data.reverse();
    },
    /** Moves the clock and waits for what became due to finish. */
    async advance(seconds: number) {
      clock.advance(seconds);
      await service.settled();
    },
  };
}
