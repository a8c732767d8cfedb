/**
 * One side of the durable bench: the mock server (rate limit off) on one store, in a child process so
 * that its heap, RSS and event loop are its own. Arguments: `memory <size>` or `sqlite <size> <dataDir>`;
 * `size` demo RMAs are seeded. It reports its URL and an API key over IPC, then answers one request
 * at a time:
 * - `settle`: a full GC now, rather than in the background while the other side is measured;
 * - `{ rig: n }`: starts the delivery rig, n receivers subscribed to every event;
 * - `{ burst: events }`: that many state changes at once; answers signed deliveries per second;
 * - `usage`: its memory after a GC, and its peak RSS;
 * - `close`: closes the server (a durable store checkpoints its WAL) and exits.
 */
import { startMockServer } from '../src/server';
import { seedDemoRmas } from '../src/domain/seed';
import { startDeliveryRig } from './delivery-rig';
import type { DeliveryRig } from './delivery-rig';

export interface DurableTarget {
  url: string;
  apiKey: string;
}

export interface TargetUsage {
  memory: NodeJS.MemoryUsage;
  /** Bytes. */
  maxRss: number;
}

type Request = 'settle' | 'usage' | 'close' | { rig: number } | { burst: number };

const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
  const [engine, size, dataDir] = process.argv.slice(2);
  const server = await startMockServer({
    rateLimit: false,
    ...(engine === 'sqlite' ? { dataDir: dataDir! } : {}),
  });
  const { services, delivery } = server;
  // One transaction: the seed is set-up, not what is measured.
  services.repositories.transaction(() => seedDemoRmas(services, Number(size)));
  const client = await server.createApiClient({ name: 'bench' });
  let rig: DeliveryRig | undefined;

  const answer = async (request: Request): Promise<unknown> => {
    if (request === 'settle') return gc();
    if (request === 'usage') {
      gc();
      return { memory: process.memoryUsage(), maxRss: process.resourceUsage().maxRSS * 1024 };
    }
    if (request === 'close') {
      await server.close();
      await rig?.close();
      process.exit(0);
    }
    if ('rig' in request) {
      rig = await startDeliveryRig(services, delivery, { subscribers: request.rig, ownerId: client.id });
      return null;
    }
    return rig!.burst(request.burst);
  };
  process.on('message', (request: Request) => {
    void answer(request).then((result) => process.send!({ result: result ?? null }));
  });
  gc();
  process.send!({ ready: { url: server.url, apiKey: client.api_key } satisfies DurableTarget });
}

main().catch((error: unknown) => {
  process.stderr.write(`durable bench target: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
