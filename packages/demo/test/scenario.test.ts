import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer } from '@returns-pack/mock-api';
import { createReturnsClient } from '@returns-pack/shared-client';
import type { StepResult } from '../src/report/summary';
import { adminApi } from '../src/tour/admin';
import { Recorder } from '../src/tour/recorder';
import { tourPlatform } from '../src/tour/scenario';
import type { Connector, TriggerHandle } from '../src/tour/types';

let mock: MockServer;
beforeEach(async () => {
  mock = await startMockServer({ port: 0 });
});
afterEach(() => mock.close());

/**
 * A connector whose trade return creation fails the way Zapier reports it (JSON in the message),
 * whose repair creation works through the real API, and whose triggers never hear anything.
 */
async function brokenConnector(unsubscribed: string[]): Promise<Connector> {
  const { api_key } = await mock.createApiClient({ name: 'broken' });
  const client = createReturnsClient({ baseUrl: mock.url, apiKey: api_key });
  return {
    id: 'zapier',
    name: 'Broken',
    runtime: 'a test double',
    createTradeReturn: async () => {
      throw new Error(
        JSON.stringify({ message: 'customer.email: Invalid email address', code: 'ValidationError' }),
      );
    },
    createOfflineRepair: (body) => client.offlineRepairs.create(body),
    updateRmaStatus: (id, to, note) => client.rmas.transition(id, { to, note }),
    generateReturnLabel: (id) => client.tradeReturns.generateLabel(id),
    subscribe: async (event): Promise<TriggerHandle> => ({
      name: `deaf ${event}`,
      scheme: 'hmac-sha256',
      received: [],
      failures: () => [],
      unsubscribe: async () => void unsubscribed.push(event),
    }),
  };
}

test('a failed step is recorded with its cause, the steps that need it are not run, and triggers fail', async () => {
  const unsubscribed: string[] = [];
  const printed: StepResult[] = [];
  const recorder = new Recorder((step) => printed.push(step));
  const connector = await brokenConnector(unsubscribed);
  const { api_key } = await mock.createApiClient({ name: 'check' });
  const reports = await tourPlatform(connector, {
    admin: adminApi(mock.url, mock.adminToken),
    recorder,
    client: createReturnsClient({ baseUrl: mock.url, apiKey: api_key }),
    settle: () => mock.delivery.settled(),
  });

  const outcome = Object.fromEntries(recorder.steps.map((s) => [s.operation, s.ok ? 'ok' : s.error]));
  expect(outcome).toEqual({
    'subscribe return.created': 'ok',
    'subscribe shipment.delivered': 'ok',
    'subscribe return.processed': 'ok',
    'subscribe rma.breach': 'ok',
    'subscribe label.generated': 'ok',
    'subscribe new event': 'ok',
    'create trade return': 'customer.email: Invalid email address',
    'approve trade return': 'not run: create trade return failed',
    'label trade return': 'not run: approve trade return failed',
    'create offline repair': 'ok',
    'ship trade return': 'not run: create trade return failed',
    'process trade return': 'not run: ship trade return failed',
    'start repair': 'ok',
    'breach SLA': 'ok',
    'trigger return.created': expect.stringMatching(/^no return\.created for rma_\w+$/),
    'trigger shipment.delivered': 'nothing to expect: every step that causes shipment.delivered failed',
    'trigger return.processed': 'nothing to expect: every step that causes return.processed failed',
    'trigger rma.breach': expect.stringMatching(/^no rma\.breach for rma_\w+$/),
    'trigger label.generated': 'nothing to expect: every step that causes label.generated failed',
    'trigger new event': expect.stringMatching(
      /^no return\.created for rma_\w+; no rma\.breach for rma_\w+$/,
    ),
    'unsubscribe triggers': 'ok',
  });
  // Live progress saw every step as it ended, in order.
  expect(printed).toEqual(recorder.steps);
  expect(reports.map((r) => [r.event, r.ok])).toEqual([
    ['return.created', false],
    ['shipment.delivered', false],
    ['return.processed', false],
    ['rma.breach', false],
    ['label.generated', false],
    ['new event', false],
  ]);
  expect(unsubscribed).toEqual([
    'return.created',
    'shipment.delivered',
    'return.processed',
    'rma.breach',
    'label.generated',
    'new event',
  ]);
});
