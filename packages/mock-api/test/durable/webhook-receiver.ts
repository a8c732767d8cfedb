import { createServer } from 'node:http';

export interface Arrival {
  path: string;
  /** Lower-case names, as Node reads them. */
  headers: Record<string, string>;
  /** The raw bytes: signatures cover them exactly. */
  body: Buffer;
}

export interface WebhookReceiver {
  /** Every request, in arrival order, duplicates included. */
  arrivals: Arrival[];
  /** Resolves at the next arrival, or after `ms` without one. */
  nextArrival(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** A plain receiver on a fixed loopback port that records each delivery and answers 204. */
export async function startReceiver(port: number): Promise<WebhookReceiver> {
  const arrivals: Arrival[] = [];
  let wake: (() => void) | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      arrivals.push({ path: req.url ?? '/', headers, body: Buffer.concat(chunks) });
      wake?.();
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    arrivals,
    nextArrival: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
