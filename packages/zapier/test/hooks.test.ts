import { TRADE_RETURN_FLOW, TRIGGERS, generateWebhookSecret } from '@returns-pack/shared-client';
import type { EventEnvelope, EventType, Rma, RmaStatus } from '@returns-pack/shared-client';
import { operationOf, startHookInbox } from '../harness';
import type { HookInbox, RawRequest } from '../harness';
import type { Connected } from './helpers/mock';
import { connectToMock } from './helpers/mock';
import { deliveryAbout, triggerDriver } from './helpers/triggers';
import type { Subscription, TriggerDriver } from './helpers/triggers';

let mock: Connected;
let driver: TriggerDriver;
// Forged and repeated deliveries below are logged through z.console.log; hook-perform.test.ts checks those lines.
const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
beforeAll(async () => {
  mock = await connectToMock();
  driver = triggerDriver(mock);
});
afterAll(async () => {
  quiet.mockRestore();
  await mock.server.close();
});

const api = () => driver.api;
const subscribeTo = (key: string, inbox: HookInbox, inputData?: object) =>
  driver.subscribeTo(key, inbox, inputData);
const unsubscribeFrom = (key: string, sub: Subscription) => driver.unsubscribeFrom(key, sub);
const perform = (key: string, sub: Subscription, raw: RawRequest, inputData?: object) =>
  driver.perform(key, sub, raw, inputData);

async function newTradeReturn(): Promise<Rma> {
  return api().tradeReturns.create({
    customer: { email: 'hooks@example.com' },
    items: [{ sku: 'A', quantity: 1 }],
  });
}

/** Walks a trade return along its flow, as the merchant's back office would. */
async function moveTo(rma: Rma, target: RmaStatus): Promise<void> {
  const flow: readonly RmaStatus[] = TRADE_RETURN_FLOW;
  for (const status of flow.slice(flow.indexOf(rma.status) + 1, flow.indexOf(target) + 1)) {
    const answer = await mock.admin('POST', `/admin/v1/rmas/${rma.id}/transitions`, { to: status });
    expect([status, answer.status]).toEqual([status, 200]);
  }
}

/** A new trade return walked to `target`: the cause of the event that status emits. */
const walkedTo = (target: RmaStatus) => async () => {
  const rma = await newTradeReturn();
  await moveTo(rma, target);
  return rma.id;
};

/** For each instant trigger: what makes its event happen in the mock; returns the RMA it is about. */
const CAUSES: Record<string, { event: EventType; cause: () => Promise<string> }> = {
  new_return: { event: 'return.created', cause: async () => (await newTradeReturn()).id },
  return_processed: {
    event: 'return.processed',
    cause: walkedTo('PROCESSED'),
  },
  shipment_delivered: {
    event: 'shipment.delivered',
    cause: walkedTo('DELIVERED'),
  },
  rma_breach: {
    event: 'rma.breach',
    cause: async () => {
      const rma = await newTradeReturn();
      const seconds = Math.ceil((Date.parse(rma.sla.due_at) - Date.parse(rma.created_at)) / 1000) + 60;
      expect((await mock.admin('POST', '/admin/v1/clock/advance', { seconds })).status).toBe(200);
      return rma.id;
    },
  },
  trade_return_credit_request: {
    event: 'trade_return.credit_requested',
    cause: walkedTo('CREDIT_REQUESTED'),
  },
  trade_return_credited: {
    event: 'trade_return.credited',
    cause: walkedTo('CREDITED'),
  },
  return_completed: {
    event: 'return.completed',
    cause: walkedTo('CLOSED'),
  },
  return_canceled: {
    event: 'return.canceled',
    cause: async () => {
      const rma = await newTradeReturn();
      const answer = await mock.admin('POST', `/admin/v1/rmas/${rma.id}/transitions`, { to: 'CANCELED' });
      expect(answer.status).toBe(200);
      return rma.id;
    },
  },
  label_generated: {
    event: 'label.generated',
    cause: walkedTo('LABEL_CREATED'),
  },
  offline_repair_status_changed: {
    event: 'offline_repair.status_changed',
    cause: async () => {
      const rma = await api().offlineRepairs.create({
        serial: 'SN-H',
        fault_description: 'No power',
        customer_email: 'hooks@example.com',
      });
      expect(
        (await mock.admin('POST', `/admin/v1/rmas/${rma.id}/transitions`, { to: 'IN_REPAIR' })).status,
      ).toBe(200);
      return rma.id;
    },
  },
};

/** What New Event is set to in these tests. */
const NEW_EVENT_TYPES: EventType[] = ['return.canceled', 'label.generated'];

test('every catalogue trigger has a cause here', () => {
  expect(Object.keys(CAUSES).sort()).toEqual(
    TRIGGERS.filter((t) => t.events !== 'chosen')
      .map((t) => t.key)
      .sort(),
  );
});

describe.each(Object.entries(CAUSES))('%s', (key, { event, cause }) => {
  const operation = operationOf('triggers', key);
  let inbox: HookInbox;
  beforeEach(async () => {
    inbox = await startHookInbox();
  });
  afterEach(() => inbox.close());

  test('subscribe → event in the mock → verified perform (good, forged, replayed) → listed → unsubscribe', async () => {
    const subscription = await subscribeTo(key, inbox);
    expect(subscription).toEqual({
      id: expect.stringMatching(/^wh_/),
      secret: expect.any(String),
      scheme: 'hmac-sha256',
    });
    const stored = await api().webhooks.get(subscription.id);
    expect(stored).toEqual(expect.objectContaining({ url: inbox.url, events: [event], enabled: true }));

    const rmaId = await cause();
    const raw = await deliveryAbout(inbox, rmaId);
    const events = await perform(key, subscription, raw);
    expect(events).toEqual([expect.objectContaining({ type: event, subject: { type: 'rma', id: rmaId } })]);

    // The same delivery checked with another secret, or with its body altered, fires nothing.
    const otherSecret = { ...subscription, secret: generateWebhookSecret('hmac-sha256') };
    await expect(perform(key, otherSecret, raw)).resolves.toEqual([]);
    const altered = { ...raw, content: raw.content.replace('hooks@example.com', 'eve@example.com') };
    expect(altered.content).not.toBe(raw.content);
    await expect(perform(key, subscription, altered)).resolves.toEqual([]);

    // The mock re-sends the event (a replay: same event id, signed anew): the Zap does not run twice.
    const at = events[0]!.created_at;
    await expect(api().webhooks.replay(subscription.id, { start_time: at, end_time: at })).resolves.toEqual({
      replayed: expect.any(Number),
    });
    const replayed = await deliveryAbout(inbox, events[0]!.id);
    expect(JSON.parse(replayed.content)).toEqual(
      expect.objectContaining({ id: events[0]!.id, replay: true }),
    );
    await expect(perform(key, subscription, replayed)).resolves.toEqual([]);

    // performList reads real events, in exactly the shape the hook delivered.
    const listed = await mock.run<EventEnvelope[]>(operation.performList!, { authData: mock.authData });
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((e) => e.type === event)).toBe(true);
    expect(listed).toContainEqual(events[0]);

    await expect(unsubscribeFrom(key, subscription)).resolves.toEqual({ id: subscription.id, deleted: true });
    await expect(api().webhooks.get(subscription.id)).rejects.toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });
});

describe('several Zaps on the same event', () => {
  const key = 'new_return';

  test('get subscriptions of their own that neither overwrites, each verified with its own secret', async () => {
    const [first, second] = [await startHookInbox(), await startHookInbox()];
    try {
      const a = await subscribeTo(key, first);
      const b = await subscribeTo(key, second);
      expect(a.id).not.toBe(b.id);
      expect(a.secret).not.toBe(b.secret);

      const rmaId = (await newTradeReturn()).id;
      const [toFirst, toSecond] = [await deliveryAbout(first, rmaId), await deliveryAbout(second, rmaId)];
      const [eventsA, eventsB] = [await perform(key, a, toFirst), await perform(key, b, toSecond)];
      // One event, and each Zap runs for it once.
      expect(eventsA).toHaveLength(1);
      expect(eventsA[0]!.id).toBe(eventsB[0]!.id);
      // Zap A cannot be fed Zap B's deliveries.
      await expect(perform(key, a, toSecond)).resolves.toEqual([]);

      // Turning Zap A off leaves Zap B subscribed.
      await unsubscribeFrom(key, a);
      await expect(api().webhooks.get(b.id)).resolves.toEqual(expect.objectContaining({ id: b.id }));
      await unsubscribeFrom(key, b);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  test('unsubscribing a subscription that is already gone still succeeds', async () => {
    const inbox = await startHookInbox();
    try {
      const sub = await subscribeTo(key, inbox);
      await api().webhooks.delete(sub.id);
      await expect(unsubscribeFrom(key, sub)).resolves.toEqual({ id: sub.id, deleted: true });
    } finally {
      await inbox.close();
    }
  });
});

describe('New Event', () => {
  test('subscribes to the chosen types only, and lists samples of those types', async () => {
    const inbox = await startHookInbox();
    try {
      const sub = await subscribeTo('new_event', inbox, { event_types: NEW_EVENT_TYPES });
      expect((await api().webhooks.get(sub.id)).events).toEqual(NEW_EVENT_TYPES);

      const rma = await newTradeReturn();
      await moveTo(rma, 'LABEL_CREATED');
      const raw = await deliveryAbout(inbox, rma.id);
      const fired = await perform('new_event', sub, raw, { event_types: NEW_EVENT_TYPES });
      expect(fired).toEqual([
        expect.objectContaining({ type: 'label.generated', subject: { type: 'rma', id: rma.id } }),
      ]);

      const listed = await mock.run<EventEnvelope[]>(operationOf('triggers', 'new_event').performList!, {
        authData: mock.authData,
        inputData: { event_types: NEW_EVENT_TYPES },
      });
      expect(listed).toContainEqual(fired[0]);
      expect(listed.every((e) => NEW_EVENT_TYPES.includes(e.type))).toBe(true);
      await unsubscribeFrom('new_event', sub);
    } finally {
      await inbox.close();
    }
  });

  test('with no type chosen, subscribes to every event', async () => {
    const inbox = await startHookInbox();
    try {
      const sub = await subscribeTo('new_event', inbox);
      expect((await api().webhooks.get(sub.id)).events).toEqual(['*']);
      await unsubscribeFrom('new_event', sub);
    } finally {
      await inbox.close();
    }
  });
});
