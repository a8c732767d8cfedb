import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer, MockServerOptions } from '@returns-pack/mock-api';
import { createReturnsClient } from '@returns-pack/shared-client';
import { n8nConnector } from '../../src/tour/connectors/n8n';
import { pipedreamConnector } from '../../src/tour/connectors/pipedream';
import { zapierConnector } from '../../src/tour/connectors/zapier';
import type { Connection, Connector, TriggerHandle } from '../../src/tour/types';

/**
 * Issue #20: a trigger turned on against a mock with a data folder keeps working when the mock is
 * restarted on that folder and port. Each connector keeps what subscribing gave it (the API key, the
 * subscription's id and secret) and its own receiver stays up; only the mock goes away and comes
 * back. The next RMA must fire the trigger once, with the event the log holds, and turning the
 * trigger off must still delete the subscription it made before the restart.
 */
const CONNECTORS: Array<[string, (connection: Connection) => Connector]> = [
  ['zapier', zapierConnector],
  ['n8n', n8nConnector],
  ['pipedream', pipedreamConnector],
];

let dataDir: string;
let server: MockServer | undefined;
let handle: TriggerHandle | undefined;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'returns-mock-restart-'));
});

afterEach(async () => {
  // A failed test may leave a subscription the server no longer knows: the server closes regardless.
  try {
    await handle?.unsubscribe();
  } finally {
    await server?.close();
    handle = server = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  }
});

it.each(CONNECTORS)('%s: return.created fires once after the mock restarts', async (_platform, connect) => {
  server = await startMockServer({ port: 0, host: '127.0.0.1', dataDir });
  // The port the first start got is the one the connector was given: the restart must keep it.
  const options: MockServerOptions = { port: Number(new URL(server.url).port), host: '127.0.0.1', dataDir };
  const { api_key } = await server.createApiClient({ name: 'survives a restart' });
  const connection = { baseUrl: server.url, apiKey: api_key };
  handle = await connect(connection).subscribe('return.created');

  await server.close();
  server = await startMockServer(options);
  expect(server.url).toBe(connection.baseUrl);

  const client = createReturnsClient(connection);
  const rma = await client.tradeReturns.create({
    customer: { email: 'restart@example.com' },
    items: [{ sku: 'A', quantity: 1 }],
  });
  // A receiver answers once its trigger has run, so settled deliveries mean settled triggers.
  await server.delivery.settled();
  const logged = (await client.events.list({ subject_id: rma.id, type: 'return.created' })).data;
  expect(logged).toHaveLength(1);
  expect(handle.received.map((r) => r.event)).toEqual(logged);
  expect(handle.failures()).toEqual([]);

  const unsubscribing = handle;
  handle = undefined;
  await unsubscribing.unsubscribe();
  expect((await client.webhooks.list()).data).toEqual([]);
});
