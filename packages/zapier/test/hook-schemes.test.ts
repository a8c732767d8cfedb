import { SCHEME_CHOICES, TRIGGERS, generateWebhookSecret } from '@returns-pack/shared-client';
import type { EventType, SignatureScheme } from '@returns-pack/shared-client';
import { startHookInbox } from '../harness';
import type { HookInbox } from '../harness';
import type { Connected } from './helpers/mock';
import { asNewClient, connectToMock } from './helpers/mock';
import { deliveryAbout, triggerDriver } from './helpers/triggers';
import type { TriggerDriver } from './helpers/triggers';

// Every trigger × every signing scheme the Zap can choose, each with a real signed delivery from the
// mock's delivery pipeline (its `test` event), on a mock of its own whose clock is never advanced, so
// that timestamped schemes (JWT, Standard Webhooks) are checked against the real time.
let mock: Connected;
const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
beforeAll(async () => {
  mock = await connectToMock();
});
afterAll(async () => {
  quiet.mockRestore();
  await mock.server.close();
});

const NEW_EVENT_TYPES: EventType[] = ['return.canceled', 'label.generated'];

const SCHEMES = SCHEME_CHOICES.map((choice) => choice.value) as SignatureScheme[];
const EVERY_TRIGGER = TRIGGERS.map(
  (t) => [t.key, t.events === 'chosen' ? NEW_EVENT_TYPES : t.events] as const,
);

describe.each(EVERY_TRIGGER)('%s, for each signing scheme', (key, types) => {
  const inputData = key === 'new_event' ? { event_types: NEW_EVENT_TYPES } : {};
  let driver: TriggerDriver;
  let inbox: HookInbox;
  beforeAll(async () => {
    // Four test deliveries per trigger: each trigger's own API client stays within the mock's budget.
    driver = triggerDriver(await asNewClient(mock, `zapier ${key}`));
  });
  beforeEach(async () => {
    inbox = await startHookInbox();
  });
  afterEach(() => inbox.close());

  test.each(SCHEMES)(
    '%s: a real delivery fires once, verified; a repeat or a forgery fires nothing',
    async (scheme) => {
      const subscription = await driver.subscribeTo(key, inbox, { ...inputData, scheme });
      expect(subscription.scheme).toBe(scheme);
      const stored = await driver.api.webhooks.get(subscription.id);
      expect(stored).toEqual(expect.objectContaining({ scheme, events: [...types] }));

      const { event } = await driver.api.webhooks.test(subscription.id, { type: types[0] });
      const raw = await deliveryAbout(inbox, event.id);
      await expect(driver.perform(key, subscription, raw, inputData)).resolves.toEqual([
        expect.objectContaining({ id: event.id, type: types[0], test: true }),
      ]);
      // The very same request again (a retry, or a captured one): nothing fires the second time.
      await expect(driver.perform(key, subscription, raw, inputData)).resolves.toEqual([]);

      const forged = {
        ...subscription,
        id: `${subscription.id}_other`,
        secret: generateWebhookSecret(scheme),
      };
      await expect(driver.perform(key, forged, raw, inputData)).resolves.toEqual([]);

      await driver.unsubscribeFrom(key, subscription);
    },
  );
});

describe('an event the mock sends again, signed anew (a replay)', () => {
  let inbox: HookInbox;
  beforeEach(async () => {
    inbox = await startHookInbox();
  });
  afterEach(() => inbox.close());

  test.each(SCHEMES)(
    '%s: runs the Zap once (the event id is remembered, not just the request)',
    async (scheme) => {
      const driver = triggerDriver(await asNewClient(mock, `zapier replay ${scheme}`));
      const subscription = await driver.subscribeTo('new_return', inbox, { scheme });
      const rma = await driver.api.tradeReturns.create({
        customer: { email: 'replay@example.com' },
        items: [{ sku: 'R', quantity: 1 }],
      });
      const first = await deliveryAbout(inbox, rma.id);
      const [event] = await driver.perform('new_return', subscription, first);
      expect(event).toEqual(
        expect.objectContaining({ type: 'return.created', subject: { type: 'rma', id: rma.id } }),
      );

      await driver.api.webhooks.replay(subscription.id, {
        start_time: event!.created_at,
        end_time: event!.created_at,
      });
      const again = await deliveryAbout(inbox, event!.id);
      // A new request (for JWT a new nonce, for Standard Webhooks a new timestamp), the same event.
      expect(again.content).not.toBe(first.content);
      await expect(driver.perform('new_return', subscription, again)).resolves.toEqual([]);
      await driver.unsubscribeFrom('new_return', subscription);
    },
  );
});
