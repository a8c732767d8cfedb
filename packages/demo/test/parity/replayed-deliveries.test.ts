import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer } from '@returns-pack/mock-api';
import { createReturnsClient } from '@returns-pack/shared-client';
import { n8nConnector } from '../../src/tour/connectors/n8n';
import { pipedreamConnector } from '../../src/tour/connectors/pipedream';
import { zapierConnector } from '../../src/tour/connectors/zapier';
import type { Connection, Connector } from '../../src/tour/types';

/**
 * Regression for the tenant-safety review's item 7, "hmac-sha256 and bearer deliveries can be
 * replayed forever": their timestamp is not under the MAC, so only the event id tells a second
 * delivery of one event from a new one. On every platform, a trigger whose event the mock delivers
 * again (a replay of the window: same event id, signed anew) starts its workflow once.
 */
const CONNECTORS: Array<[string, (connection: Connection) => Connector]> = [
  ['zapier', zapierConnector],
  ['n8n', n8nConnector],
  ['pipedream', pipedreamConnector],
];

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

describe.each(CONNECTORS)('%s: a replayed delivery starts nothing the second time', (_platform, connect) => {
  // shipment.delivered: the n8n tour connector signs it with bearer, the others with hmac-sha256.
  it.each(['return.created', 'shipment.delivered'] as const)('%s', async (event) => {
    const { api_key } = await server.createApiClient({ name: `replays ${event}` });
    const connection = { baseUrl: server.url, apiKey: api_key };
    const client = createReturnsClient(connection);
    const handle = await connect(connection).subscribe(event);
    try {
      const rma = await client.tradeReturns.create({
        customer: { email: 'replay@example.com' },
        items: [{ sku: 'A', quantity: 1 }],
      });
      if (event === 'shipment.delivered') {
        for (const to of ['APPROVED', 'LABEL_CREATED', 'IN_TRANSIT', 'DELIVERED'] as const) {
          server.services.rmas.transition(rma.id, to);
        }
      }
      await server.delivery.settled();
      const fired = () =>
        handle.received.filter((r) => r.event.type === event && r.event.subject.id === rma.id);
      expect(fired()).toHaveLength(1);

      const [subscription] = (await client.webhooks.list()).data;
      const start = new Date(Date.parse(rma.created_at) - 1000).toISOString();
      const end = new Date(server.clock.now() + 1000).toISOString();
      const { replayed } = await client.webhooks.replay(subscription!.id, {
        start_time: start,
        end_time: end,
      });
      expect(replayed).toBeGreaterThanOrEqual(1);
      await server.delivery.settled();

      expect(fired()).toHaveLength(1);
    } finally {
      await handle.unsubscribe();
    }
  });
});
