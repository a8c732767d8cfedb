import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer, MockServerOptions } from '@returns-pack/mock-api';
import { appRunner } from '../../harness';
import type { Run } from '../../harness';

export interface Connected {
  server: MockServer;
  apiKey: string;
  apiClientId: string;
  authData: { api_key: string; base_url: string };
  run: Run;
  /** An admin call to the mock, as the merchant's back office would make it. */
  admin(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response>;
}

/** The real mock on a loopback port, one API client, and an app tester whose connection uses its key. */
export async function connectToMock(options: MockServerOptions = {}): Promise<Connected> {
  const server = await startMockServer({ port: 0, host: '127.0.0.1', ...options });
  const credentials = await server.createApiClient({ name: 'zapier tests' });
  return {
    server,
    apiKey: credentials.api_key,
    apiClientId: credentials.id,
    authData: { api_key: credentials.api_key, base_url: server.url },
    run: appRunner(),
    admin: (method, path, body) =>
      fetch(server.url + path, {
        method,
        headers: {
          authorization: `Bearer ${server.adminToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}

/** The error a perform rejected with, so a test can look at it whole. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Zapier's errors carry their details as JSON in `message`. */
export function zapierErrorBody(error: Error): {
  message: string;
  code?: string;
  status?: number;
  delay?: number;
} {
  return JSON.parse(error.message) as { message: string; code?: string; status?: number; delay?: number };
}

/**
 * The same mock and runner with an API client of its own, for tests that would otherwise share a
 * per-client budget (the 10 webhook test/replay calls a minute).
 */
export async function asNewClient(mock: Connected, name: string): Promise<Connected> {
  const credentials = await mock.server.createApiClient({ name });
  return {
    ...mock,
    apiKey: credentials.api_key,
    apiClientId: credentials.id,
    authData: { api_key: credentials.api_key, base_url: mock.server.url },
  };
}
