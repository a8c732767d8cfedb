import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What Zapier's backend gives each Lambda invocation besides the event, on 127.0.0.1: the RPC endpoint
 * (`event.rpc_base`, with `event.token`) that serves `z.cache`, and the log endpoint the runtime streams
 * each invocation's log lines to (`LOGGING_ENDPOINT`). The cache follows core's contract for
 * `z.cache.set(key, value, ttl, scope, nx)`: `true` when stored, `null` when `nx` and the key exists.
 * One cache for every container, as Zapier's is.
 */
export interface ZapierBackend {
  rpcUrl: string;
  logUrl: string;
  token: string;
  /** Every log line the invocations streamed, as received. */
  logs(): string;
  cacheKeys(): string[];
  close(): Promise<void>;
}

interface RpcCall {
  id: string;
  method: string;
  params: unknown[];
}

export async function startZapierBackend(): Promise<ZapierBackend> {
  const token = 'runtime-test-invocation-token';
  const cache = new Map<string, string>();
  let logs = '';
  const cacheKey = (key: unknown, scope: unknown) => `${JSON.stringify(scope ?? null)}:${String(key)}`;

  function rpc({ method, params }: RpcCall): unknown {
    switch (method) {
      case 'zcache_get':
        return cache.get(cacheKey(params[0], params[1])) ?? null;
      case 'zcache_set': {
        const [key, value, , scope, nx] = params;
        const at = cacheKey(key, scope);
        if (nx === true && cache.has(at)) return null;
        cache.set(at, String(value));
        return true;
      }
      case 'zcache_delete':
        return cache.delete(cacheKey(params[0], params[1]));
      default:
        throw new Error(`the test's Zapier backend has no RPC method ${method}`);
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.url === '/input') {
        logs += body;
        res.writeHead(200).end();
        return;
      }
      if (req.url === '/rpc' && req.headers['x-token'] === token) {
        const call = JSON.parse(body) as RpcCall;
        try {
          const result = rpc(call);
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ id: call.id, result }));
        } catch (error) {
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ id: call.id, error: String(error) }));
        }
        return;
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    rpcUrl: `${base}/rpc`,
    logUrl: `${base}/input`,
    token,
    logs: () => logs,
    cacheKeys: () => [...cache.keys()],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
