import type { DeliveryService } from '../delivery';
import type { Services } from '../domain/services';
import type { SandboxState } from './schemas';

/** Where the data lives and what the sandbox holds, as the Sandbox panel shows it. */
export function sandboxState(services: Services, delivery: DeliveryService): SandboxState {
  const storage = services.repositories;
  const { engine, dataDir, file } = storage.describe();
  const clients = storage.apiClients.list();
  return {
    storage: { engine, data_dir: dataDir, file },
    counts: {
      rmas: storage.rmas.count(),
      api_clients: clients.length,
      // Those of existing clients, as the Webhooks section lists them.
      webhook_subscriptions: clients.reduce((n, c) => n + storage.subscriptions.countByOwner(c.id), 0),
      deliveries_waiting: delivery.pending(),
    },
  };
}
