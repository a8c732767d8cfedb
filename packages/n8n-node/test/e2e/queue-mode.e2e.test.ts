/**
 * n8n scaled the way it scales past one process: `EXECUTIONS_MODE=queue`, a main process (UI, API,
 * webhooks, trigger activation) and one `n8n worker` (executions), Redis between them (Debian's
 * redis-server) and PostgreSQL as their shared database, all started and stopped by this test on loopback
 * ports. The packed package is installed once in the user folder both processes load.
 */
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

beforeAll(async () => {
  // One after the other, so that a failed start leaves nothing unstopped behind it.
  redis = await startRedis();
  postgres = await startPostgres();
  stack = await startStack({
    name: 'queue',
    workflows: [e2eWorkflow(), queueWorkflow()],
    worker: true,
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

test('main and worker run in queue mode on PostgreSQL and Redis', () => {
  expect(stack.n8n.logs('worker')).toContain('n8n worker is now ready');
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
