import {
  TRIGGERS,
  createMemoryReplayStore,
  generateWebhookSecret,
  readTriggerSettings,
  receiveDelivery,
  sampleEvent,
  signWebhook,
  subscribe,
} from '../../src';
import { startWithClient } from '../client/mock-server';
import type { MockServer } from '../client/mock-server';

/** #18's trigger settings: delivery conditions sent as the subscription's, and the Previous Secret. */
const newReturn = TRIGGERS.find((t) => t.key === 'new_return')!;

describe('delivery conditions as trigger filters', () => {
  let server: MockServer;
  let client: Awaited<ReturnType<typeof startWithClient>>['client'];
  beforeAll(async () => {
    ({ server, client } = await startWithClient());
  });
  afterAll(() => server.close());

  it('chosen filters become the subscription’s conditions in the API', async () => {
    const settings = readTriggerSettings(newReturn, {
      shipping_status: ['pre_transit', 'in_transit'],
      return_type: 'exchange,refund',
    });
    const record = await subscribe(client, settings, 'http://127.0.0.1:9/hook', 'tests: conditions');
    expect((await client.webhooks.get(record.id)).conditions).toEqual({
      shipping_status: ['pre_transit', 'in_transit'],
      return_type: ['exchange', 'refund'],
    });
  });

  it('none chosen (or an empty list) subscribes without conditions', async () => {
    const record = await subscribe(
      client,
      readTriggerSettings(newReturn, { shipping_status: [] }),
      'http://127.0.0.1:9/hook',
      'tests: no conditions',
    );
    expect((await client.webhooks.get(record.id)).conditions).toBeNull();
  });

  it('an unknown value is refused naming the field', () => {
    expect(() => readTriggerSettings(newReturn, { return_type: ['store_credit'] })).toThrow(
      /return_type\[0\]/,
    );
  });

  it('conditions are the API’s: another sender ignores them', () => {
    const settings = readTriggerSettings(newReturn, {
      sender: 'redo',
      signing_secret: 'x'.repeat(20),
      return_type: ['refund'],
    });
    expect(settings.conditions).toBeUndefined();
  });
});

describe('Previous Secret', () => {
  const event = sampleEvent('return.created');
  it.each(['hmac-sha256', 'bearer', 'jwt', 'standard-webhooks'] as const)(
    '%s: a delivery signed with the other secret of a rotation verifies only with it set',
    async (scheme) => {
      const [current, previous] = [generateWebhookSecret(scheme), generateWebhookSecret(scheme)];
      const signed = await signWebhook({ scheme, secret: previous, event });
      const delivery = { headers: signed.headers, rawBody: signed.body };
      const without = readTriggerSettings(newReturn, { scheme });
      const withPrevious = readTriggerSettings(newReturn, { scheme, previous_secret: previous });
      const stores = () => ({ replayStore: createMemoryReplayStore() });
      expect((await receiveDelivery(delivery, without, [current], stores())).outcome).toBe('refused');
      expect(await receiveDelivery(delivery, withPrevious, [current], stores())).toMatchObject({
        outcome: 'accepted',
        event: { id: event.id },
      });
    },
  );
});
