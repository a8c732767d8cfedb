import { MemoryApiClientRepository } from './memory-api-client-repository';
import { MemoryDeliveryAttemptRepository } from './memory-delivery-attempt-repository';
import { MemoryDeliveryQueueRepository } from './memory-delivery-queue-repository';
import { MemoryEventRepository } from './memory-event-repository';
import { MemoryIdempotencyRepository } from './memory-idempotency-repository';
import { MemoryRmaRepository } from './memory-rma-repository';
import { MemorySubscriptionRepository } from './memory-subscription-repository';
import type { Repositories } from './repositories';

export function memoryRepositories(): Repositories {
  return {
    rmas: new MemoryRmaRepository(),
    events: new MemoryEventRepository(),
    apiClients: new MemoryApiClientRepository(),
    idempotency: new MemoryIdempotencyRepository(),
    subscriptions: new MemorySubscriptionRepository(),
    deliveryAttempts: new MemoryDeliveryAttemptRepository(),
    deliveryQueue: new MemoryDeliveryQueueRepository(),
  };
}
