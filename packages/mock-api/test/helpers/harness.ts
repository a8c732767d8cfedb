import type { CreatedApiClient } from '@returns-pack/shared-client';
import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer, MockServerOptions } from '@returns-pack/mock-api';
import { OpenApiResponses } from './openapi-responses';

// Answers are JSON whose shape each test asserts on; the OpenAPI check has already vetted it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Answer<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** A raw body sent as is (no JSON encoding, no content type added). */
  raw?: string;
}

/**
 * HTTP over loopback to one server, with one set of credentials. Every answer is checked against
 * the server's OpenAPI document before the test sees it.
 */
export class Api {
  constructor(
    readonly baseUrl: string,
    private readonly credentials: Record<string, string>,
    private readonly responses: OpenApiResponses,
  ) {}

  get<T = Json>(path: string, options: RequestOptions = {}): Promise<Answer<T>> {
    return this.send<T>('GET', path, undefined, options);
  }

  post<T = Json>(path: string, body?: unknown, options: RequestOptions = {}): Promise<Answer<T>> {
    return this.send<T>('POST', path, body, options);
  }

  /** The same server with other credentials. */
  as(credentials: Record<string, string>): Api {
    return new Api(this.baseUrl, credentials, this.responses);
  }

  async send<T>(
    method: string,
    path: string,
    body: unknown,
    options: RequestOptions = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...this.credentials, ...options.headers };
    let payload: string | undefined = options.raw;
    if (payload === undefined && body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload });
    const text = await res.text();
    const parsed = text.length > 0 ? JSON.parse(text) : undefined;
    this.responses.check(method, path, res.status, parsed);
    return { status: res.status, headers: res.headers, body: parsed as T };
  }
}

export interface Harness {
  server: MockServer;
  client: CreatedApiClient;
  /** As the API client. */
  api: Api;
  /** As the merchant (admin token). */
  admin: Api;
  /** Without credentials. */
  anonymous: Api;
  document: { paths: Record<string, Record<string, unknown>> };
  close(): Promise<void>;
}

export async function startHarness(options: MockServerOptions = {}): Promise<Harness> {
  const server = await startMockServer(options);
  const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as Harness['document'];
  const responses = new OpenApiResponses(document as never);
  const client = await server.createApiClient({ name: 'test integration' });
  const anonymous = new Api(server.url, {}, responses);
  return {
    server,
    client,
    api: anonymous.as({ 'x-api-key': client.api_key }),
    admin: anonymous.as({ authorization: `Bearer ${server.adminToken}` }),
    anonymous,
    document,
    close: () => server.close(),
  };
}

export const tradeReturnBody = (overrides: Record<string, unknown> = {}) => ({
  customer: { email: 'ada@example.com', name: 'Ada Lovelace' },
  items: [{ sku: 'SKU-1', quantity: 1, reason: 'Too big', unit_price: 19.99 }],
  ...overrides,
});

export const offlineRepairBody = (overrides: Record<string, unknown> = {}) => ({
  serial: 'SN-1',
  fault_description: 'Does not charge',
  customer_email: 'grace@example.com',
  ...overrides,
});
