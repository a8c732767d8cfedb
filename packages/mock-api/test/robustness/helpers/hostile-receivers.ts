import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A receiver the delivery engine should survive; `received` counts requests that reached it. */
export interface HostileReceiver {
  url: string;
  received: number;
  close(): Promise<void>;
}

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function shut(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

async function start(respond: (res: ServerResponse) => void): Promise<HostileReceiver> {
  const state = { received: 0 };
  const server = createServer((req, res) => {
    state.received++;
    req.resume();
    req.on('end', () => respond(res));
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    get received() {
      return state.received;
    },
    close: () => shut(server),
  };
}

/** Reads the request and never answers: the sender's timeout must end the attempt. */
export const hangingReceiver = () => start(() => {});

/** Answers 200 with a body that never ends: the sender must stop reading, not buffer it all. */
export const endlessReceiver = () =>
  start((res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
  });

/** Answers 200 with a body of `bytes` bytes. */
export const hugeReceiver = (bytes: number) => {
  const body = Buffer.alloc(bytes, 'y');
  return start((res) => res.writeHead(200, { 'content-length': bytes }).end(body));
};

/**
 * A receiver that is down (its port refuses connections) until `up()`, then answers 200 on the
 * same URL; it records the envelopes it got, to check their order.
 */
export async function flappingReceiver() {
  const got: { subject: string; sequence: number }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      got.push({ subject: event.subject.id, sequence: event.sequence });
      res.writeHead(200).end();
    });
  });
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    got,
    up: () => listen(server, port).then(() => undefined),
    close: () => (server.listening ? shut(server) : Promise.resolve()),
  };
}

/**
 * Answers 200 at once, then sends one body byte every `intervalMs` and never ends: each idle gap is
 * short, so only an overall deadline ends the attempt.
 */
export async function tricklingReceiver(intervalMs: number): Promise<HostileReceiver> {
  const timers = new Set<NodeJS.Timeout>();
  const state = { received: 0 };
  const server = createServer((req, res) => {
    state.received++;
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('.')), intervalMs);
      timers.add(timer);
      res.on('close', () => {
        clearInterval(timer);
        timers.delete(timer);
      });
    });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    get received() {
      return state.received;
    },
    close: () => {
      for (const timer of timers) clearInterval(timer);
      return shut(server);
    },
  };
}
