/**
 * A child process serving one benchmark target, so that targets share neither a heap nor a CPU
 * with autocannon or with each other:
 * - `mock <n> <file>`: the mock API over n seeded RMAs; writes them, newest first, to <file>;
 * - `json-server <file>`: json-server 0.17 over the RMAs in <file> (the same data);
 * - `bare`: a plain Fastify route answering a fixed 25-item page.
 * It reports its URL to the parent over IPC.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import jsonServer from 'json-server';
import { buildApp } from '../src/app';
import { createServices } from '../src/domain/services';
import { seedDemoRmas } from '../src/domain/seed';

export interface Target {
  url: string;
  headers: Record<string, string>;
}

async function mock(size: number, dataFile: string): Promise<Target> {
  const services = createServices();
  writeFileSync(dataFile, JSON.stringify({ rmas: seedDemoRmas(services, size).reverse() }));
  const { app } = await buildApp({ services, rateLimit: false });
  const client = await services.apiClients.create({ name: 'bench' });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${url}/external/v1/rmas?limit=25`, headers: { 'x-api-key': client.api_key } };
}

async function json(dataFile: string): Promise<Target> {
  const app = jsonServer.create();
  app.use(jsonServer.defaults({ logger: false }));
  // json-server pages in array order: the file holds the RMAs newest first, like the mock's lists.
  app.use(jsonServer.router(JSON.parse(readFileSync(dataFile, 'utf8'))));
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/rmas?_limit=25`, headers: {} };
}

async function bare(): Promise<Target> {
  const services = createServices();
  const page = { data: seedDemoRmas(services, 25).reverse(), has_more: true, next_cursor: 'cDI1' };
  const app = Fastify();
  app.get('/page', async () => page);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${url}/page`, headers: {} };
}

async function main(): Promise<void> {
  const [kind, ...args] = process.argv.slice(2);
  const target =
    kind === 'bare'
      ? await bare()
      : kind === 'mock'
        ? await mock(Number(args[0]), args[1]!)
        : await json(args[0]!);
  // Settle the heap that start-up left behind, so no target is measured while a major GC catches up;
  // the parent asks again after each measurement, so that this target's garbage is not collected by
  // background threads while the next target is being measured on the same cores.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  process.on('message', (message) => {
    if (message !== 'settle') return;
    gc?.();
    process.send!('settled');
  });
  process.send!({ ready: target });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench target: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
