/**
 * The flood bench's server, in a child process so its memory and event loop are its own: the mock
 * with 2,000 events in its log, one API client holding 100 subscriptions to 10 fast receivers (in a
 * worker thread). Reports its URL over IPC; answers `memory` (after a GC) and `pending`.
 * Argument: `limited` (the default limits) or `unlimited` (replay/test rate limit off: the backlog
 * cap alone).
 */
import { startMockServer } from '../src/server';
import { startBenchReceivers } from './delivery-receivers';

export interface FloodTarget {
  url: string;
  apiKey: string;
  hooks: string[];
}

const EVENTS = 2000;
const SUBSCRIPTIONS = 100;

async function main(): Promise<void> {
  const limited = process.argv[2] !== 'unlimited';
  const receivers = await startBenchReceivers(10);
  const server = await startMockServer({
    rateLimit: false,
    ...(limited ? {} : { webhookSendRateLimit: false as const }),
  });
  // The events come first, so that only replays (not their first delivery) reach the subscriptions.
  for (let i = 0; i < EVENTS; i++) {
    server.services.rmas.createTradeReturn({
      customer: { email: `flood${i}@example.com` },
      items: [{ sku: 'F', quantity: 1 }],
    });
  }
  const client = await server.createApiClient({ name: 'flood' });
  const hooks: string[] = [];
  for (let i = 0; i < SUBSCRIPTIONS; i++) {
    const url = receivers.urls[i % receivers.urls.length]!;
    hooks.push((await server.delivery.createSubscription(client.id, { url, events: ['*'] })).id);
  }
  process.on('message', (message: string) => {
    if (message === 'memory') {
      (globalThis as { gc?: () => void }).gc?.();
      process.send!({ memory: process.memoryUsage() });
    } else if (message === 'sample') {
      process.send!({ memory: process.memoryUsage(), pending: server.delivery.pending() });
    } else if (message === 'close') {
      void server
        .close()
        .then(() => receivers.close())
        .then(() => process.exit(0));
    }
  });
  process.send!({ ready: { url: server.url, apiKey: client.api_key, hooks } satisfies FloodTarget });
}

void main();
