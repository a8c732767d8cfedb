import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CaughtRequest {
  /** Lower-case names, as Node reads them. */
  headers: Record<string, string>;
  /** The raw bytes: signatures cover them exactly. */
  body: Buffer;
}

export interface HookAnswer {
  status: number;
  body: unknown;
}

export interface HookCatcher {
  url: string;
  close(): Promise<void>;
}

/**
 * A platform's webhook endpoint in miniature, on 127.0.0.1: each POST goes to `handle` (the
 * connector's own receiving code) and is answered only once that has run, so that the mock's
 * "deliveries settled" also means "every trigger has done its work".
 */
export async function startHookCatcher(
  path: string,
  handle: (request: CaughtRequest) => Promise<HookAnswer>,
): Promise<HookCatcher> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      handle({ headers, body: Buffer.concat(chunks) })
        .catch((error: unknown) => ({ status: 500, body: { error: String(error) } }))
        .then((answer) => {
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer.body));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
