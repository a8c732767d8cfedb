import { MemoryApiClientRepository } from './memory-api-client-repository';
import { MemoryEventRepository } from './memory-event-repository';
import { MemoryIdempotencyRepository } from './memory-idempotency-repository';
import { MemoryRmaRepository } from './memory-rma-repository';
import type { Repositories } from './repositories';

export function memoryRepositories(): Repositories {
  return {
    rmas: new MemoryRmaRepository(),
    events: new MemoryEventRepository(),
    apiClients: new MemoryApiClientRepository(),
    idempotency: new MemoryIdempotencyRepository(),
  };
}
