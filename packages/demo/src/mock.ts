import { seedDemoRmas, startMockServer } from '@returns-pack/mock-api';
import type { MockServer } from '@returns-pack/mock-api';
import type { CreatedApiClient } from '@returns-pack/shared-client';
import type { DemoOptions } from './cli';

export interface DemoMock {
  server: MockServer;
  /** The API client printed for the user's own connectors. */
  apiClient: CreatedApiClient;
  seeded: number;
}

/**
 * The mock as `returns-mock serve --seed N` starts it: one API client to hand out, N RMAs. A resumed
 * data folder keeps what it holds and is not seeded again; it still gets a fresh key to hand out,
 * since the earlier ones were shown once and are kept only as hashes.
 */
export async function startDemoMock(
  options: Pick<DemoOptions, 'port' | 'host' | 'seed' | 'adminToken' | 'dataDir'>,
): Promise<DemoMock> {
  const server = await startMockServer({
    port: options.port,
    host: options.host,
    adminToken: options.adminToken,
    dataDir: options.dataDir,
  }).catch((error: unknown) => {
    throw listenError(error, options);
  });
  const resumed = server.services.rmas.count() > 0 || server.services.apiClients.list().length > 0;
  const apiClient = await server.createApiClient({ name: 'demo integration' });
  const seeded = resumed ? 0 : options.seed;
  seedDemoRmas(server.services, seeded);
  return { server, apiClient, seeded };
}

function listenError(error: unknown, { host, port }: Pick<DemoOptions, 'port' | 'host'>): Error {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') {
    return new Error(
      `--port ${port}: the port is already in use on ${host}. Stop what runs there, or pass another --port (0 picks a free one).`,
    );
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES') {
    return new Error(`--host ${host} / --port ${port}: cannot listen there (${String(code)}).`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
