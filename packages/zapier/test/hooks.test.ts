import { TRADE_RETURN_FLOW, createReturnsClient, generateWebhookSecret } from '@returns-pack/shared-client';
import type { EventEnvelope, EventType, Rma, RmaStatus } from '@returns-pack/shared-client';
import { operationOf } from './helpers/app';
import type { Connected } from './helpers/mock';
import { connectToMock } from './helpers/mock';
import type { HookInbox, RawRequest } from './helpers/zapier-hooks';
import { startHookInbox } from './helpers/zapier-hooks';

let mock: Connected;
// Forged deliveries below are logged through z.console.log; hook-perform.test.ts checks those lines.
const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
beforeAll(async () => {
  mock = await connectToMock();
});
afterAll(async () => {
  quiet.mockRestore();
  await mock.server.close();
});

type Subscription = { id: string; secret: string; scheme: string };

const api = () => createReturnsClient({ baseUrl: mock.server.url, apiKey: mock.apiKey });

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
  new_trade_return_credit_request: {
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

/** Hands each delivery that reached the inbox to `perform` until one is about `rmaId` (others may be too). */
async function performUntil(
  inbox: HookInbox,
  perform: (raw: RawRequest) => Promise<EventEnvelope[]>,
  rmaId: string,
) {
  for (;;) {
    const raw = await inbox.next();
    const events = await perform(raw);
    if (events[0]?.subject.id === rmaId) return { raw, events };
  }
}

describe.each(Object.entries(CAUSES))('%s', (key, { event, cause }) => {
  const operation = operationOf('triggers', key);
  let inbox: HookInbox;
  beforeEach(async () => {
    inbox = await startHookInbox();
  });
  afterEach(() => inbox.close());

  test('subscribe → event in the mock → verified perform (good and forged) → listed → unsubscribe', async () => {
    const subscription = await mock.run<Subscription>(operation.performSubscribe!, {
      authData: mock.authData,
      targetUrl: inbox.url,
    });
    expect(subscription).toEqual({
      id: expect.stringMatching(/^wh_/),
      secret: expect.any(String),
      scheme: 'hmac-sha256',
    });
    const stored = await api().webhooks.get(subscription.id);
    expect(stored).toEqual(expect.objectContaining({ url: inbox.url, events: [event], enabled: true }));

    const rmaId = await cause();
    const perform = (raw: RawRequest) =>
      mock.run<EventEnvelope[]>(operation.perform, { subscribeData: subscription, rawRequest: raw });
    const { raw, events } = await performUntil(inbox, perform, rmaId);
    expect(events).toEqual([expect.objectContaining({ type: event, subject: { type: 'rma', id: rmaId } })]);

    // The same delivery checked with another secret, or with its body altered, fires nothing.
    const otherSecret = { ...subscription, secret: generateWebhookSecret('hmac-sha256') };
    await expect(
      mock.run(operation.perform, { subscribeData: otherSecret, rawRequest: raw }),
    ).resolves.toEqual([]);
    const altered = { ...raw, content: raw.content.replace('hooks@example.com', 'eve@example.com') };
    await expect(
      mock.run(operation.perform, { subscribeData: subscription, rawRequest: altered }),
    ).resolves.toEqual([]);

    // performList reads real events, in exactly the shape the hook delivered.
    const listed = await mock.run<EventEnvelope[]>(operation.performList!, { authData: mock.authData });
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((e) => e.type === event)).toBe(true);
    expect(listed).toContainEqual(events[0]);

    await expect(
      mock.run(operation.performUnsubscribe!, { authData: mock.authData, subscribeData: subscription }),
    ).resolves.toEqual({ id: subscription.id, deleted: true });
    await expect(api().webhooks.get(subscription.id)).rejects.toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });
});

describe('several Zaps on the same event', () => {
  const operation = operationOf('triggers', 'new_return');

  test('get subscriptions of their own that neither overwrites, each verified with its own secret', async () => {
    const [first, second] = [await startHookInbox(), await startHookInbox()];
    try {
      const subscribe = (inbox: HookInbox) =>
        mock.run<Subscription>(operation.performSubscribe!, {
          authData: mock.authData,
          targetUrl: inbox.url,
        });
      const a = await subscribe(first);
      const b = await subscribe(second);
      expect(a.id).not.toBe(b.id);
      expect(a.secret).not.toBe(b.secret);

      const rmaId = (await newTradeReturn()).id;
      const performWith = (subscription: Subscription) => (raw: RawRequest) =>
        mock.run<EventEnvelope[]>(operation.perform, { subscribeData: subscription, rawRequest: raw });
      const toFirst = await performUntil(first, performWith(a), rmaId);
      const toSecond = await performUntil(second, performWith(b), rmaId);
      expect(toFirst.events[0]!.id).toBe(toSecond.events[0]!.id);
      // Zap A cannot be fed Zap B's deliveries.
      await expect(performWith(a)(toSecond.raw)).resolves.toEqual([]);

      // Turning Zap A off leaves Zap B subscribed.
      await mock.run(operation.performUnsubscribe!, { authData: mock.authData, subscribeData: a });
      await expect(api().webhooks.get(b.id)).resolves.toEqual(expect.objectContaining({ id: b.id }));
      await mock.run(operation.performUnsubscribe!, { authData: mock.authData, subscribeData: b });
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  test('unsubscribing a subscription that is already gone still succeeds', async () => {
    const inbox = await startHookInbox();
    try {
      const sub = await mock.run<Subscription>(operation.performSubscribe!, {
        authData: mock.authData,
        targetUrl: inbox.url,
      });
      await api().webhooks.delete(sub.id);
      await expect(
        mock.run(operation.performUnsubscribe!, { authData: mock.authData, subscribeData: sub }),
      ).resolves.toEqual({ id: sub.id, deleted: true });
    } finally {
      await inbox.close();
    }
  });
});
