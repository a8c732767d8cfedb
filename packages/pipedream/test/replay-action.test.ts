import { deploySource, loadComponent, loadOptions, runAction } from './harness';
import type { DeployedSource } from './harness';
import { startBackend } from './support/backend';
import type { Backend } from './support/backend';
import { errorOf } from './support/errors';

const replayWebhookEvents = loadComponent('actions/replay-webhook-events/replay-webhook-events.mjs');
const returnCreated = loadComponent('sources/return-created-instant/return-created-instant.mjs');
const createTradeReturn = loadComponent('actions/create-trade-return/create-trade-return.mjs');

let backend: Backend;
let source: DeployedSource;
let webhookId: string;

beforeAll(async () => {
  backend = await startBackend({ rateLimit: false });
  source = await deploySource(returnCreated, { auth: backend.auth });
  webhookId = (source.db.get('subscription') as { id: string }).id;
});
afterAll(async () => {
  await source.remove();
  await backend.close();
});

describe('Replay Webhook Events', () => {
  it('re-sends the window, which the source recognises by event id and emits nothing twice', async () => {
    const start = new Date(backend.server.clock.now() - 1000).toISOString();
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) {
      await runAction(createTradeReturn, {
        auth: backend.auth,
        props: { customerEmail: email, items: [{ sku: 'S', quantity: 1 }] },
      });
    }
    await source.http!.untilAnswered(3);
    const end = new Date(backend.server.clock.now() + 1000).toISOString();

    const { value, summary } = await runAction(replayWebhookEvents, {
      auth: backend.auth,
      props: { webhookId, startTime: start, endTime: end },
    });
    expect(value).toEqual({ replayed: 3 });
    expect(summary).toBe(`Replayed 3 events to ${webhookId}`);
    await source.http!.untilAnswered(6);
    expect(source.emitted).toHaveLength(3);
    expect(source.duplicates.map((d) => d.meta.id)).toEqual(source.emitted.map((e) => e.meta.id));
    expect(source.duplicates.every((d) => (d.event as { replay: boolean }).replay)).toBe(true);
  });

  it('names the window when it is backwards', async () => {
    const error = await errorOf(() =>
      runAction(replayWebhookEvents, {
        auth: backend.auth,
        props: { webhookId, startTime: '2025-03-14T10:00:00Z', endTime: '2025-03-14T09:00:00Z' },
      }),
    );
    expect(error).toMatchObject({ name: 'ConfigurationError', message: expect.stringContaining('end_time') });
  });

  it('offers the subscriptions in the Webhook Subscription ID dropdown', async () => {
    const page = await loadOptions(replayWebhookEvents, 'webhookId', backend.auth);
    expect(page.options).toEqual([{ label: 'Pipedream source (return.created)', value: webhookId }]);
  });
});
