import type { IDataObject } from 'n8n-workflow';
import { createReturnsClient, signWebhook } from '@returns-pack/shared-client';
import { deliver, lifecycle, ReturnsPackTrigger } from '../../harness';
import type { TriggerOptions } from '../../harness';
import { startMock } from '../mock';

/**
 * #18 on the n8n trigger: Shipping Status / Return Type become the subscription's conditions (a
 * change replaces it), and after a rotation of the subscription's secret a delivery signed with the
 * new one verifies once the credential's Previous Webhook Signing Secret holds it.
 */
const node = new ReturnsPackTrigger();
let mock: Awaited<ReturnType<typeof startMock>>;
beforeEach(async () => {
  mock = await startMock();
});
afterEach(() => mock.server.close());

const api = () => createReturnsClient({ baseUrl: mock.server.url, apiKey: mock.credentials.apiKey });
const options = (parameters: IDataObject, staticData: IDataObject = {}): TriggerOptions => ({
  credentials: mock.credentials,
  parameters: { sender: 'returns_api', scheme: 'hmac-sha256', events: ['return.created'], ...parameters },
  staticData,
  webhookUrl: 'http://127.0.0.1:9/webhook/6d2c/webhook',
});

test('filters become conditions; changing them replaces the subscription', async () => {
  const staticData: IDataObject = {};
  await lifecycle(
    node,
    options({ returnType: ['exchange'], shippingStatus: ['pre_transit'] }, staticData),
    'create',
  );
  const first = String(staticData.webhookId);
  expect((await api().webhooks.get(first)).conditions).toEqual({
    shipping_status: ['pre_transit'],
    return_type: ['exchange'],
  });
  const same = options({ returnType: ['exchange'], shippingStatus: ['pre_transit'] }, staticData);
  expect(await lifecycle(node, same, 'checkExists')).toBe(true);
  const changed = options({ returnType: ['refund'] }, staticData);
  expect(await lifecycle(node, changed, 'checkExists')).toBe(false);
  await lifecycle(node, changed, 'create');
  expect((await api().webhooks.get(String(staticData.webhookId))).conditions).toEqual({
    return_type: ['refund'],
  });
});

test('after a rotation, the new secret in the credential’s Previous Webhook Signing Secret verifies', async () => {
  const staticData: IDataObject = {};
  await lifecycle(node, options({}, staticData), 'create');
  const { secret: fresh } = await api().webhooks.rotateSecret(String(staticData.webhookId), {
    grace_seconds: 0,
  });
  // An event from the mock's log, signed as the mock now signs it: with the new secret only.
  const rma = await api().tradeReturns.create({
    customer: { email: 'n8n-rot@example.com' },
    items: [{ sku: 'R', quantity: 1 }],
  });
  const [event] = (await api().events.list({ subject_id: rma.id, limit: 1 })).data;
  const delivery = await signWebhook({ scheme: 'hmac-sha256', secret: fresh, event: event! });

  // The trigger still holds the old secret in static data: the delivery is refused…
  expect((await deliver(node, options({}, staticData), delivery)).status).toBe(401);
  // …until the credential's Previous Webhook Signing Secret holds the new one.
  const withPrevious = await deliver(
    node,
    { ...options({}, staticData), credentials: { ...mock.credentials, previousWebhookSecret: fresh } },
    delivery,
  );
  expect(withPrevious.status).toBe(200);
  expect(withPrevious.emitted).toEqual([{ json: event }]);
});
