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
  /** The next delivery not yet taken, as Zapier's rawRequest; waits for it, at most `timeoutMs`. */
  next(timeoutMs?: number): Promise<RawRequest>;
  close(): Promise<void>;
}

/** How long `next` waits for a delivery: the mock delivers within a second, even on a busy machine. */
const DEFAULT_WAIT_MS = 20_000;

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
  const url = `http://127.0.0.1:${port}/hooks/catch/123/abc/`;
  return {
    url,
    next: (timeoutMs = DEFAULT_WAIT_MS) => {
      const ready = arrived.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const taker = (raw: RawRequest) => {
          clearTimeout(timer);
          resolve(raw);
        };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(taker), 1);
          reject(new Error(`no hook delivery arrived at ${url} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.push(taker);
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
