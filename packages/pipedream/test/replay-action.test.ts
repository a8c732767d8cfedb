import { deploySource, loadComponent, loadOptions, runAction } from '../harness';
import type { DeployedSource } from '../harness';
import { startBackend } from './support/backend';
import type { Backend } from './support/backend';
import { errorOf } from './support/errors';

const replayWebhookEvents = loadComponent('actions/replay-webhook-events/replay-webhook-events.mjs');
const returnCreated = loadComponent('sources/new-return-instant/new-return-instant.mjs');
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
    expect(summary).toBe('Queued 3 events for replay');
    await source.http!.untilAnswered(6);
    expect(source.emitted).toHaveLength(3);
    // The replays are recognised by their event ids before they reach $emit.
    const replays = source.http!.responses.slice(3);
    expect(replays).toEqual(
      source.emitted.map((e) => ({ status: 200, body: { received: e.meta.id, ignored: 'duplicate' } })),
    );
    expect(source.duplicates).toEqual([]);
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
    expect(page.options).toEqual([{ label: 'Pipedream: New Return (return.created)', value: webhookId }]);
  });
});
