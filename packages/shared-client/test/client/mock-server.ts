import { startMockServer } from '@returns-pack/mock-api';
import { createReturnsClient } from '../../src';
import type { ReturnsClientOptions } from '../../src';

export type MockServer = Awaited<ReturnType<typeof startMockServer>>;

/** The real mock on a loopback port, with one API client and a client bound to its key. */
export async function startWithClient(
  serverOptions: Parameters<typeof startMockServer>[0] = {},
  clientOptions: Partial<ReturnsClientOptions> = {},
) {
  const server = await startMockServer({ port: 0, host: '127.0.0.1', ...serverOptions });
  const credentials = await server.createApiClient({ name: 'client tests' });
  const client = createReturnsClient({ baseUrl: server.url, apiKey: credentials.api_key, ...clientOptions });
  return { server, credentials, client };
}

export const tradeReturnBody = (n = 1) => ({
  customer: { email: `buyer${n}@example.com`, name: `Buyer ${n}` },
  items: [{ sku: `SKU-${n}`, quantity: 1, reason: 'Too small', unit_price: 19.99 }],
  credit_requested: { amount: 19.99, currency: 'EUR' },
  return_type: 'refund' as const,
  external_reference: `ERP-${n}`,
});

export const offlineRepairBody = (n = 1) => ({
  serial: `SN-${n}`,
  fault_description: 'Screen flickers',
  customer_email: `walkin${n}@example.com`,
});
