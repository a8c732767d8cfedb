import type { EventEnvelope } from '@returns-pack/shared-client';
import { operationOf, startHookInbox } from '../harness';
import type { HookInbox, RawRequest } from '../harness';
import type { Connected } from './helpers/mock';
import { connectToMock } from './helpers/mock';
import { deliveryAbout, triggerDriver } from './helpers/triggers';
import type { TriggerDriver } from './helpers/triggers';

/**
 * #18 on Zapier's REST hooks, against the mock: the delivery conditions a Zap sets are its
 * subscription's, and a secret rotation drops no delivery (the connection's Previous Webhook Signing
 * Secret holds the other secret). The grace window ends on the mock's test clock.
 */
let mock: Connected;
let driver: TriggerDriver;
let inbox: HookInbox;
const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
beforeAll(async () => {
  mock = await connectToMock();
  driver = triggerDriver(mock);
  inbox = await startHookInbox();
});
afterAll(async () => {
  quiet.mockRestore();
  await inbox.close();
  await mock.server.close();
});

const newReturn = (returnType: 'refund' | 'exchange') =>
  driver.api.tradeReturns.create({
    customer: { email: 'zap-filters@example.com' },
    items: [{ sku: 'F', quantity: 1 }],
    return_type: returnType,
  });

test('Return Type and Shipping Status become the subscription’s conditions; other RMAs never arrive', async () => {
  const sub = await driver.subscribeTo('new_return', inbox, {
    return_type: ['exchange'],
    shipping_status: ['pre_transit'],
  });
  expect((await driver.api.webhooks.get(sub.id)).conditions).toEqual({
    return_type: ['exchange'],
    shipping_status: ['pre_transit'],
  });
  const refund = await newReturn('refund');
  const exchange = await newReturn('exchange');
  const first = await inbox.next();
  expect(first.content).toContain(exchange.id);
  expect(first.content).not.toContain(refund.id);
  await driver.unsubscribeFrom('new_return', sub);
});

test('a rotation drops no delivery: the old secret during the window, the new one in the connection after it', async () => {
  const sub = await driver.subscribeTo('new_return', inbox);
  const perform = (raw: RawRequest, previous?: string) =>
    mock.run<EventEnvelope[]>(operationOf('triggers', 'new_return').perform, {
      authData: { ...mock.authData, ...(previous ? { previous_webhook_secret: previous } : {}) },
      subscribeData: sub,
      rawRequest: raw,
    });
  const { secret: fresh } = await driver.api.webhooks.rotateSecret(sub.id, { grace_seconds: 600 });

  const during = await newReturn('refund');
  // HMAC keeps the previous secret during the window: the Zap's own secret verifies.
  expect((await perform(await deliveryAbout(inbox, during.id))).map((e) => e.subject.id)).toEqual([
    during.id,
  ]);

  expect((await mock.admin('POST', '/admin/v1/clock/advance', { seconds: 600 })).status).toBe(200);
  const after = await newReturn('refund');
  const raw = await deliveryAbout(inbox, after.id);
  // Signed with the new secret now: without it in the connection the Zap starts nothing…
  expect(await perform(raw)).toEqual([]);
  // …with it as the Previous Webhook Signing Secret, the delivery verifies.
  expect((await perform(raw, fresh)).map((e) => e.subject.id)).toEqual([after.id]);
  await driver.unsubscribeFrom('new_return', sub);
});
