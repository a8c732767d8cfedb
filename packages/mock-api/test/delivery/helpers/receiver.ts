import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  /** The sender's port: the same one twice means the same (kept-alive) connection. */
  remotePort: number | undefined;
  body: string;
  /** The envelope, unwrapped from the JWT scheme's `{jwt, payload}` body when need be. */
  event: {
    id: string;
    type: string;
    sequence: number;
    subject: { id: string };
    test: boolean;
    replay: boolean;
  };
}

/** How the receiver answers one delivery: a status, optionally after a delay or with a body; or a reset connection. */
export type Answer =
  number | 'reset' | { status: number; delayMs?: number; body?: string; headers?: Record<string, string> };

export interface Receiver {
  url: string;
  received: Received[];
  /** Resolves once `count` deliveries have arrived in all (for deliveries made by a server in the background). */
  waitFor(count: number): Promise<Received[]>;
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1, port 0, answering each delivery as `answer` decides. */
export async function startReceiver(
  answer: (r: Received, index: number) => Answer = () => 200,
): Promise<Receiver> {
  const received: Received[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let waiters: { count: number; resolve: (r: Received[]) => void }[] = [];
  const server = createServer((req, res) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const parsed = JSON.parse(body) as Received['event'] & { payload?: Received['event'] };
    const entry: Received = {
      headers: req.headers,
      remotePort: req.socket.remotePort,
      body,
      event: parsed.payload ?? parsed,
    };
    received.push(entry);
    waiters = waiters.filter((w) => (received.length >= w.count ? void w.resolve(received) : true));
    const a = answer(entry, received.length - 1);
    if (a === 'reset') return void req.socket.destroy();
    const { status, delayMs = 0, body: text = '', headers = {} } = typeof a === 'number' ? { status: a } : a;
    const send = () => {
      if (!res.destroyed) res.writeHead(status, headers).end(text);
    };
    if (delayMs > 0) timers.add(setTimeout(send, delayMs));
    else send();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    waitFor: (count) =>
      received.length >= count
        ? Promise.resolve(received)
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on which nothing listens: connections are refused. */
export async function refusingUrl(): Promise<string> {
  const r = await startReceiver();
  await r.close();
  return r.url;
}
