import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { createReturnsClient } from '@returns-pack/shared-client';
import type { ReturnsClient } from '@returns-pack/shared-client';
import { ReturnsPack } from '../../nodes/ReturnsPack/ReturnsPack.node';
import { ReturnsPackTrigger } from '../../nodes/ReturnsPackTrigger/ReturnsPackTrigger.node';
import { execute } from '../../harness';
import { startMock, tradeReturnParameters } from '../mock';
import { lifecycle, startReceiver } from '../../harness';
import type { TriggerOptions } from '../../harness';

const trigger = new ReturnsPackTrigger();
let mock: Awaited<ReturnType<typeof startMock>>;
let api: ReturnsClient;

beforeEach(async () => {
  mock = await startMock();
  api = createReturnsClient({ baseUrl: mock.server.url, apiKey: mock.credentials.apiKey });
});
afterEach(() => mock.server.close());

const subscriptions = async () => (await api.webhooks.list({ limit: 100 })).data;

function options(parameters: IDataObject = {}, staticData: IDataObject = {}): TriggerOptions {
  return {
    credentials: mock.credentials,
    parameters: { sender: 'returns_api', scheme: 'hmac-sha256', events: ['return.created'], ...parameters },
    staticData,
    webhookUrl: 'http://127.0.0.1:5678/webhook/6d2c/webhook',
  };
}

test('activation creates one subscription for the URL and events, and keeps its id and secret', async () => {
  const opts = options({ events: ['return.created', 'rma.breach'], scheme: 'standard-webhooks' });
  expect(await lifecycle(trigger, opts, 'checkExists')).toBe(false);
  expect(await lifecycle(trigger, opts, 'create')).toBe(true);
  const [sub] = await subscriptions();
  expect(sub).toMatchObject({
    url: opts.webhookUrl,
    events: ['return.created', 'rma.breach'],
    scheme: 'standard-webhooks',
    retry_policy: 'exponential',
  });
  expect(opts.staticData).toEqual({ webhookId: sub!.id, webhookSecret: expect.stringMatching(/^whsec_/) });
  expect(await lifecycle(trigger, opts, 'checkExists')).toBe(true);
});

test("a subscription deleted behind n8n's back is noticed and made again", async () => {
  const opts = options();
  await lifecycle(trigger, opts, 'create');
  await api.webhooks.delete(String(opts.staticData.webhookId));
  expect(await lifecycle(trigger, opts, 'checkExists')).toBe(false);
  expect(opts.staticData).toEqual({});
  await lifecycle(trigger, opts, 'create');
  expect(await subscriptions()).toHaveLength(1);
});

test('changed events or retry setting replace the old subscription instead of leaving it delivering', async () => {
  const staticData: IDataObject = {};
  await lifecycle(trigger, options({}, staticData), 'create');
  const first = staticData.webhookId;
  // No event picked is every event (the catalogue's New Event).
  const changed = options({ events: [] }, staticData);
  expect(await lifecycle(trigger, changed, 'checkExists')).toBe(false);
  await lifecycle(trigger, changed, 'create');
  const subs = await subscriptions();
  expect(subs.map((s) => [s.id === first, s.events])).toEqual([[false, ['*']]]);
  const noRetries = options({ events: [], retry: false }, staticData);
  expect(await lifecycle(trigger, noRetries, 'checkExists')).toBe(false);
  await lifecycle(trigger, noRetries, 'create');
  expect((await subscriptions()).map((s) => s.retry_policy)).toEqual(['none']);
});

test('subscriptions left for this URL by a lost static data are removed before subscribing', async () => {
  const opts = options();
  await api.webhooks.create({ url: opts.webhookUrl!, events: ['return.created'] });
  await api.webhooks.create({ url: 'http://127.0.0.1:5678/webhook/other/webhook', events: ['*'] });
  await lifecycle(trigger, opts, 'create');
  const subs = await subscriptions();
  expect(subs.filter((s) => s.url === opts.webhookUrl).map((s) => s.id)).toEqual([opts.staticData.webhookId]);
  expect(subs).toHaveLength(2);
});

test('deactivation deletes the subscription and forgets it; deleting twice is harmless', async () => {
  const opts = options();
  await lifecycle(trigger, opts, 'create');
  expect(await lifecycle(trigger, opts, 'delete')).toBe(true);
  expect(await subscriptions()).toEqual([]);
  expect(opts.staticData).toEqual({});
  expect(await lifecycle(trigger, opts, 'delete')).toBe(true);
});

test('an API failure during activation surfaces as an n8n error, not a silent success', async () => {
  const opts = { ...options(), credentials: { ...mock.credentials, apiKey: 'rmk_revoked_or_wrong' } };
  await expect(lifecycle(trigger, opts, 'create')).rejects.toMatchObject({ httpCode: '401' });
  expect(opts.staticData).toEqual({});
});

test('vendor senders subscribe nothing, but refuse to activate without the credential secret', async () => {
  const opts = options({ sender: 'redo' });
  await expect(lifecycle(trigger, opts, 'checkExists')).rejects.toBeInstanceOf(NodeOperationError);
  const withSecret = {
    ...opts,
    credentials: { ...mock.credentials, webhookSecret: 'redo-secret-0123456789' },
  };
  expect(await lifecycle(trigger, withSecret, 'checkExists')).toBe(true);
  expect(await lifecycle(trigger, withSecret, 'create')).toBe(true);
  expect(await lifecycle(trigger, withSecret, 'delete')).toBe(true);
  expect(await subscriptions()).toEqual([]);
});

test('switching the sender from the Returns API to a vendor deletes the subscription it made', async () => {
  const staticData: IDataObject = {};
  await lifecycle(trigger, options({}, staticData), 'create');
  expect(await subscriptions()).toHaveLength(1);
  const vendor = {
    ...options({ sender: 'standard_webhooks' }, staticData),
    credentials: { ...mock.credentials, webhookSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
  };
  expect(await lifecycle(trigger, vendor, 'checkExists')).toBe(true);
  expect(await subscriptions()).toEqual([]);
  expect(staticData).toEqual({});
});

test('two trigger nodes on one URL base keep a subscription each', async () => {
  const a = options({}, {});
  const b = {
    ...options({ events: ['rma.breach'] }, {}),
    webhookUrl: 'http://127.0.0.1:5678/webhook/7e3d/webhook',
  };
  await lifecycle(trigger, a, 'create');
  await lifecycle(trigger, b, 'create');
  expect((await subscriptions()).map((s) => s.id).sort()).toEqual(
    [a.staticData.webhookId, b.staticData.webhookId].sort(),
  );
  await lifecycle(trigger, a, 'delete');
  expect((await subscriptions()).map((s) => s.id)).toEqual([b.staticData.webhookId]);
});

test('end to end over HTTP: an RMA created by the action reaches the trigger as a verified event', async () => {
  const staticData: IDataObject = {};
  const receiver = await startReceiver(trigger, {
    credentials: mock.credentials,
    parameters: { sender: 'returns_api', scheme: 'jwt', events: ['return.created'] },
    staticData,
  });
  try {
    await lifecycle(
      trigger,
      { ...options({ scheme: 'jwt' }, staticData), webhookUrl: receiver.url },
      'create',
    );
    const { output } = await execute(new ReturnsPack(), {
      credentials: mock.credentials,
      parameters: tradeReturnParameters(7),
    });
    const rma = output[0]![0]!.json;
    await receiver.untilAnswered(1);
    expect(receiver.answers[0]!.status).toBe(200);
    expect(receiver.emitted).toEqual([
      {
        json: expect.objectContaining({
          type: 'return.created',
          subject: { type: 'rma', id: rma.id },
          data: expect.objectContaining({ rma: expect.objectContaining({ id: rma.id }) }),
        }),
      },
    ]);
    const deliveries = await api.webhooks.deliveries(String(staticData.webhookId));
    expect(deliveries.data.map((d) => [d.event_type, d.status_code])).toEqual([['return.created', 200]]);
  } finally {
    await receiver.close();
  }
});
