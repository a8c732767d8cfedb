import { startMockServer } from '@returns-pack/mock-api';
import type { MockServerOptions } from '@returns-pack/mock-api';
import type { ReturnsPackCredentials } from '../harness';

/** The real mock API on a loopback port, with one API client's credentials as n8n would store them. */
export async function startMock(options: MockServerOptions = {}) {
  const server = await startMockServer({ port: 0, host: '127.0.0.1', ...options });
  const client = await server.createApiClient({ name: 'n8n node tests' });
  const credentials: ReturnsPackCredentials = { baseUrl: server.url, apiKey: client.api_key };
  return { server, client, credentials };
}

export const tradeReturnParameters = (n = 1) => ({
  resource: 'tradeReturn',
  operation: 'create',
  customerEmail: `buyer${n}@example.com`,
  items: { item: [{ sku: `SKU-${n}`, quantity: 2, reason: 'Too small', unitPrice: 19.99 }] },
  additionalFields: {},
});
