import { createReturnsClient } from '@returns-pack/shared-client';
import { loadComponent, runAction } from '../harness';
import { startBackend } from './support/backend';
import type { Backend } from './support/backend';

/** Send Webhook Test Event and List Webhook Deliveries (#18), through the harness against the mock. */
const sendTest = loadComponent('actions/send-webhook-test-event/send-webhook-test-event.mjs');
const listDeliveries = loadComponent('actions/list-webhook-deliveries/list-webhook-deliveries.mjs');

let backend: Backend;
beforeAll(async () => {
  backend = await startBackend();
});
afterAll(() => backend.close());

it('sends a test event to the subscription, then lists its attempt from the delivery log', async () => {
  const api = createReturnsClient({ baseUrl: backend.auth.base_url, apiKey: backend.auth.api_key });
  // Nothing listens on port 9: the one attempt (no retries) is logged as given up, with its error.
  const sub = await api.webhooks.create({ url: 'http://127.0.0.1:9/hook', events: ['*'] });
  const sent = await runAction(sendTest, { auth: backend.auth, props: { webhookId: sub.id } });
  const event = sent.value as { id: string; type: string };
  expect(sent.summary).toBe(`Sent test event ${event.id} (return.created)`);
  await backend.server.delivery.settled();

  const listed = await runAction(listDeliveries, {
    auth: backend.auth,
    props: { webhookId: sub.id, eventId: event.id, limit: 5 },
  });
  expect(listed.value).toEqual([
    expect.objectContaining({ event_id: event.id, event_type: 'return.created', outcome: 'given_up' }),
  ]);
  expect(listed.summary).toBe('Listed 1 delivery attempt');
});
