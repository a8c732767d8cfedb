import { MemoryApiClientRepository } from './api-client-repository';
import { MemoryDeliveryAttemptRepository } from './delivery-attempt-repository';
import { MemoryDeliveryQueueRepository } from './delivery-queue-repository';
import { MemoryEventRepository } from './event-repository';
import { MemoryIdempotencyRepository } from './idempotency-repository';
import { MemoryRmaRepository } from './rma-repository';
import { MemoryCountdownRepository, MemorySettingsRepository } from './small-repositories';
import { MemorySubscriptionRepository } from './subscription-repository';
import type { Repositories, Storage } from '../repositories';

/** The default: everything in this process's memory, gone when it stops. */
export function memoryStorage(): Storage {
  const repositories = memoryRepositories();
  return {
    ...repositories,
    transaction: (work) => work(),
    describe: () => ({ engine: 'memory', dataDir: null, file: null }),
    clear() {
      for (const [name, repository] of Object.entries(repositories)) {
        if (name !== 'settings') repository.clear();
      }
    },
    close() {},
  };
}

export function memoryRepositories(): Repositories & Record<keyof Repositories, { clear(): void }> {
  return {
    rmas: new MemoryRmaRepository(),
    events: new MemoryEventRepository(),
    apiClients: new MemoryApiClientRepository(),
    idempotency: new MemoryIdempotencyRepository(),
    subscriptions: new MemorySubscriptionRepository(),
    deliveryAttempts: new MemoryDeliveryAttemptRepository(),
    deliveryQueue: new MemoryDeliveryQueueRepository(),
    countdowns: new MemoryCountdownRepository(),
    settings: new MemorySettingsRepository(),
  };
}
