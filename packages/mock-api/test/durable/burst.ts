import { NetworkError, createReturnsClient } from '@returns-pack/shared-client';
import type { Rma, RmaStatus } from '@returns-pack/shared-client';
import type { AdminApi } from './admin-api';
import { Unanswered } from './admin-api';

/** What one 2xx answer reported: the RMA as that request left it, so its events can be found. */
export interface Committed {
  rmaId: string;
  status: RmaStatus;
  historyLength: number;
}

export interface Burst {
  committed: Committed[];
  /** Requests that got no answer; each worker stops at its first. */
  unanswered: number;
  /** Resolves once every worker has stopped; rejects if the server answered anything but 2xx. */
  finished: Promise<void>;
}

/** Each subject's moves after creation: one event each, so a subject collects a run of sequences. */
const CHAIN: RmaStatus[] = ['APPROVED', 'LABEL_CREATED', 'IN_TRANSIT', 'DELIVERED', 'RECEIVED', 'PROCESSED'];

/**
 * `workers` loops at once, each creating a trade return (with the API keys in turn) and walking it
 * along the status machine, then the next: several subjects in flight at every moment, so that a
 * crash lands in the middle of creations and transitions alike. It runs until the server goes away.
 */
export function startBurst(options: {
  baseUrl: string;
  admin: AdminApi;
  apiKeys: string[];
  workers: number;
}): Burst {
  const clients = options.apiKeys.map((apiKey) => createReturnsClient({ baseUrl: options.baseUrl, apiKey }));
  const burst: Burst = { committed: [], unanswered: 0, finished: Promise.resolve() };
  const record = (rma: Rma) =>
    burst.committed.push({ rmaId: rma.id, status: rma.status, historyLength: rma.history.length });
  let created = 0;

  async function create(): Promise<Rma> {
    const client = clients[created++ % clients.length]!;
    try {
      return await client.tradeReturns.create({
        customer: { email: `burst-${created}@example.com`, name: 'Burst Customer' },
        items: [{ sku: `SKU-${created}`, quantity: 1, reason: 'Too big', unit_price: 10 }],
      });
    } catch (error) {
      throw error instanceof NetworkError ? new Unanswered(error.message) : error;
    }
  }

  async function worker(): Promise<void> {
    try {
      for (;;) {
        const rma = await create();
        record(rma);
        for (const to of CHAIN) record(await options.admin.transition(rma.id, to));
      }
    } catch (error) {
      if (!(error instanceof Unanswered)) throw error;
      burst.unanswered++;
    }
  }

  burst.finished = Promise.all(Array.from({ length: options.workers }, worker)).then(() => undefined);
  return burst;
}
