/**
 * n8n scaled the way it scales past one process: `EXECUTIONS_MODE=queue`, a main process (UI, API,
 * webhooks, trigger activation) and one `n8n worker` (executions), Redis between them (Debian's
 * redis-server) and PostgreSQL as their shared database, all started and stopped by this test on loopback
 * ports. The packed package is installed once in the user folder both processes load.
 */
import { randomBytes } from 'node:crypto';
import { generateWebhookSecret, sampleEvent, signWebhook } from '@returns-pack/shared-client';
import { nodeOutput } from './n8n-api';
import { startPostgres, startRedis } from './services';
import type { Postgres, Service } from './services';
import { createThroughStart, startStack } from './stack';
import type { Stack } from './stack';
import { QUEUE_EVENT, QUEUE_IDS, e2eWorkflow, queueWorkflow } from './workflow';

jest.setTimeout(90_000);

let redis: Service | undefined;
let postgres: Postgres | undefined;
let stack: Stack;
// The credential's secret for senders outside n8n: the trigger accepts it beside its subscription's,
// which lets the test sign deliveries of its own and send the same bytes to two processes.
const SENDER_SECRET = generateWebhookSecret('jwt');

beforeAll(async () => {
  // One after the other, so that a failed start leaves nothing unstopped behind it.
  redis = await startRedis();
  postgres = await startPostgres();
  stack = await startStack({
    name: 'queue',
    workflows: [e2eWorkflow(), queueWorkflow()],
    worker: true,
    webhookSecret: SENDER_SECRET,
    env: {
      EXECUTIONS_MODE: 'queue',
      QUEUE_BULL_REDIS_HOST: '127.0.0.1',
      QUEUE_BULL_REDIS_PORT: String(redis.port),
      DB_TYPE: 'postgresdb',
      DB_POSTGRESDB_HOST: '127.0.0.1',
      DB_POSTGRESDB_PORT: String(postgres.port),
      DB_POSTGRESDB_USER: postgres.user,
      DB_POSTGRESDB_DATABASE: postgres.database,
    },
  });
}, 15 * 60_000);

afterAll(async () => {
  await stack?.dispose();
  await redis?.stop();
  await postgres?.stop();
}, 90_000);

test('main, a worker and a webhook process run in queue mode on PostgreSQL and Redis', () => {
  expect(stack.n8n.logs('worker')).toContain('n8n worker is now ready');
  expect(stack.n8n.logs('webhook')).toContain('Webhook listener waiting for requests');
  expect(`${stack.n8n.logs('main')}${stack.n8n.logs('worker')}`).not.toMatch(
    /Scaling mode is not officially supported/,
  );
  expect(stack.n8n.logs('main')).toContain(
    `Activated workflow "Returns Pack queue mode" (ID: ${QUEUE_IDS.workflow})`,
  );
});

test('a delivery to the trigger runs the workflow on the worker, whose action creates an RMA', async () => {
  const subscription = (await stack.api.webhooks.list()).data.find((s) =>
    s.url.includes(QUEUE_IDS.triggerWebhook),
  );
  expect(subscription).toMatchObject({ events: [QUEUE_EVENT], enabled: true });
  const { event } = await stack.api.webhooks.test(subscription!.id, { type: QUEUE_EVENT });

  const execution = await stack.eventually(`the execution of ${event.id}`, async () =>
    (await stack.n8nApi.executions(QUEUE_IDS.workflow)).find(
      (e) =>
        e.status !== 'running' &&
        e.status !== 'new' &&
        nodeOutput(e, 'Returns Pack Trigger').some((item) => (item as { id: string }).id === event.id),
    ),
  );
  expect(execution.status).toBe('success');
  // Main received and verified the delivery and queued the execution; the worker ran it.
  expect(stack.n8n.logs('main')).toMatch(new RegExp(`Enqueued execution ${execution.id} \\(job \\d+\\)`));
  expect(stack.n8n.logs('worker')).toMatch(
    new RegExp(`Worker started execution ${execution.id} \\(job \\d+\\)`),
  );
  expect(stack.n8n.logs('worker')).toMatch(
    new RegExp(`Worker finished execution ${execution.id} \\(job \\d+\\)`),
  );

  const [repair] = nodeOutput(execution, 'Create Offline Repair') as Array<{ id: string; serial: string }>;
  expect(repair).toMatchObject({ id: expect.stringMatching(/^rma_/), serial: event.id });
  expect(await stack.api.rmas.get(repair!.id)).toMatchObject({
    id: repair!.id,
    kind: 'offline_repair',
    serial: event.id,
  });
});

test('a Webhook-started run of the action on the worker answers the caller through main', async () => {
  expect(await createThroughStart(stack, 'QUEUE-1')).toMatchObject({ id: expect.stringMatching(/^rma_/) });
});

describe('what the trigger remembers is shared by every process that takes deliveries', () => {
  const triggerPath = () => `/webhook/${QUEUE_IDS.triggerWebhook}/webhook`;
  const post = (baseUrl: string, delivery: { headers: Record<string, string>; body: string }) =>
    fetch(`${baseUrl}${triggerPath()}`, { method: 'POST', headers: delivery.headers, body: delivery.body });
  const newEvent = () => ({ ...sampleEvent(QUEUE_EVENT), id: `evt_${randomBytes(12).toString('hex')}` });
  const executionsOf = async (eventId: string) =>
    (await stack.n8nApi.executions(QUEUE_IDS.workflow)).filter((e) =>
      nodeOutput(e, 'Returns Pack Trigger').some((item) => (item as { id: string }).id === eventId),
    );

  test('a JWT delivery taken by main is refused as replayed by the webhook process', async () => {
    const event = newEvent();
    const delivery = await signWebhook({ scheme: 'jwt', secret: SENDER_SECRET, event });
    expect((await post(stack.n8n.url, delivery)).status).toBe(200);
    const [execution] = await stack.eventually(`the execution of ${event.id}`, async () => {
      const found = await executionsOf(event.id);
      return found.some((e) => e.status === 'success') ? found : undefined;
    });
    expect(stack.n8n.logs('worker')).toContain(`Worker finished execution ${execution!.id} `);

    // The same bytes (same nonce) at another process: its nonce store is the database's static data.
    const again = await post(stack.webhookProcessUrl!, delivery);
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: { code: 'replayed' } });
  });

  test('an event main has run, delivered again to the webhook process, starts nothing', async () => {
    const event = newEvent();
    const first = await signWebhook({ scheme: 'jwt', secret: SENDER_SECRET, event });
    expect((await post(stack.n8n.url, first)).status).toBe(200);
    await stack.eventually(`the execution of ${event.id}`, async () => {
      const found = await executionsOf(event.id);
      return found.some((e) => e.status === 'success') ? found : undefined;
    });

    // A new signature (new nonce) for the same event, as a sender's retry or replay carries.
    const retry = await signWebhook({ scheme: 'jwt', secret: SENDER_SECRET, event });
    const answer = await post(stack.webhookProcessUrl!, retry);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ ignored: 'duplicate', event: event.id });

    // A new event through the webhook process does run: it is the duplicate that was ignored.
    const next = newEvent();
    expect(
      (
        await post(
          stack.webhookProcessUrl!,
          await signWebhook({ scheme: 'jwt', secret: SENDER_SECRET, event: next }),
        )
      ).status,
    ).toBe(200);
    await stack.eventually(`the execution of ${next.id}`, async () => {
      const found = await executionsOf(next.id);
      return found.some((e) => e.status === 'success') ? found : undefined;
    });
    expect(await executionsOf(event.id)).toHaveLength(1);
  });
});
