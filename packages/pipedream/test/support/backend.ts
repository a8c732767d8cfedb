import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer, MockServerOptions } from '@returns-pack/mock-api';
import type { EventType } from '@returns-pack/shared-client';
import type { Auth } from '../../harness';

export interface Backend {
  server: MockServer;
  /** The connected account: what Pipedream would hand the app as `$auth`. */
  auth: Auth;
  /** The merchant's side, through the mock's admin API. */
  admin: {
    transition(rmaId: string, to: string): Promise<void>;
    emit(rmaId: string, type: EventType): Promise<{ id: string }>;
    advanceClock(seconds: number): Promise<void>;
  };
  close(): Promise<void>;
}

/** A real mock server on 127.0.0.1 with one API client, as the components' account. */
export async function startBackend(options: MockServerOptions = {}): Promise<Backend> {
  const server = await startMockServer({ port: 0, host: '127.0.0.1', ...options });
  const client = await server.createApiClient({ name: 'pipedream tests' });
  const adminPost = async (path: string, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`admin ${path} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  return {
    server,
    auth: { api_key: client.api_key, base_url: server.url },
    admin: {
      transition: async (rmaId, to) => {
        await adminPost(`/admin/v1/rmas/${rmaId}/transitions`, { to });
      },
      emit: (rmaId, type) => adminPost(`/admin/v1/rmas/${rmaId}/events`, { type }) as Promise<{ id: string }>,
      advanceClock: async (seconds) => {
        await adminPost('/admin/v1/clock/advance', { seconds });
      },
    },
    close: () => server.close(),
  };
}
