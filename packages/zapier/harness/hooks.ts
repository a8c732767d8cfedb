import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A hook request as Zapier hands it to `perform` in `bundle.rawRequest`. */
export interface RawRequest {
  method: 'POST';
  querystring: string;
  headers: Record<string, string>;
  content: string;
}

/**
 * Zapier's CGI-style header names: `X-Webhook-Signature` → `Http-X-Webhook-Signature`; the two
 * entity headers keep their names, as in CGI.
 */
export function zapierHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const renamed: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const title = name
      .split('-')
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
      .join('-');
    const cgi = /^content-(type|length)$/i.test(name) ? title : `Http-${title}`;
    renamed[cgi] = Array.isArray(value) ? value.join(', ') : value;
  }
  return renamed;
}

export const rawRequestOf = (
  headers: IncomingHttpHeaders | Record<string, string>,
  content: string,
): RawRequest => ({
  method: 'POST',
  querystring: '',
  headers: zapierHeaders(headers),
  content,
});

export interface HookInbox {
  /** The URL Zapier would give `performSubscribe` as `bundle.targetUrl`. */
  url: string;
  /** The next delivery not yet taken, as Zapier's rawRequest; waits for it to arrive. */
  next(): Promise<RawRequest>;
  close(): Promise<void>;
}

/** Stands in for Zapier's hooks endpoint on 127.0.0.1: answers 200 and queues each request, untouched. */
export async function startHookInbox(): Promise<HookInbox> {
  const arrived: RawRequest[] = [];
  const waiting: Array<(r: RawRequest) => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"success"}');
      const raw = rawRequestOf(req.headers, Buffer.concat(chunks).toString('utf8'));
      const taker = waiting.shift();
      if (taker) taker(raw);
      else arrived.push(raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/catch/123/abc/`,
    next: () => {
      const ready = arrived.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
