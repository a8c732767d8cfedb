/**
 * The package as users install it, in a real n8n (1.123.50, installed into .n8n-runtime on first run):
 * `npm pack`ed, the tarball installed into the user folder's nodes/ as n8n's community-node installer
 * does, so the nodes load under their published type names. A workflow imported with n8n's CLI and
 * activated, n8n started headless on a loopback port against the real mock API.
 * Run alone: `npm run test:e2e -w packages/n8n-node`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateWebhookSecret, sampleEvent, signWebhook } from '@returns-pack/shared-client';
import { nodeOutput } from './n8n-api';
import type { Execution } from './n8n-api';
import { createThroughStart, startStack } from './stack';
import type { Stack } from './stack';
import { ACTION_TYPE, IDS, PACKAGE_NAME, TRIGGER_TYPE, e2eWorkflow } from './workflow';

jest.setTimeout(90_000);

let stack: Stack;
let triggerUrl: string;

const triggerEvents = (executions: Execution[]) =>
  executions.flatMap((e) => nodeOutput(e, 'Returns Pack Trigger')) as Array<{ id: string; type: string }>;

beforeAll(async () => {
  // Activated before start: start-up then runs the trigger's checkExists/create against the mock.
  stack = await startStack({ name: 'package', workflows: [e2eWorkflow()] });
  triggerUrl = `${stack.n8n.url}/webhook/${IDS.triggerWebhook}/webhook`;
}, 15 * 60_000);

afterAll(() => stack?.dispose(), 60_000);

test('n8n loads the installed package under its published type names, not as a custom extension', async () => {
  const types = await stack.n8nApi.nodeTypes();
  expect(types).toEqual(expect.arrayContaining([ACTION_TYPE, TRIGGER_TYPE]));
  expect(types.filter((type) => type.startsWith('CUSTOM.'))).toEqual([]);
  const installed = path.join(stack.n8n.userFolder, '.n8n', 'nodes');
  expect(JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'))).toMatchObject({
    dependencies: { [PACKAGE_NAME]: expect.any(String) },
  });
  // What the tarball installs: its dist/ and package.json, and no dependency of its own.
  const dir = path.join(installed, 'node_modules', PACKAGE_NAME);
  expect(
    readdirSync(dir)
      .filter((entry) => entry !== 'node_modules')
      .sort(),
  ).toEqual(expect.arrayContaining(['dist', 'package.json']));
  const modules = path.join(dir, 'node_modules');
  expect(existsSync(modules) ? readdirSync(modules) : []).toEqual([]);
});

test('activation subscribed the trigger through the webhooks API', async () => {
  const { data } = await stack.api.webhooks.list();
  expect(data).toEqual([
    expect.objectContaining({
      url: triggerUrl,
      events: ['return.created'],
      scheme: 'hmac-sha256',
      enabled: true,
    }),
  ]);
});

test('the action creates an RMA; its signed webhook runs trigger → action with the verified event', async () => {
  const rma = await createThroughStart(stack, 'E2E-1');

  const execution = await stack.eventually('the trigger execution', async () =>
    (await stack.n8nApi.executions(IDS.workflow)).find((e) =>
      nodeOutput(e, 'Returns Pack Trigger').some(
        (event) => (event as { subject: { id: string } }).subject.id === rma.id,
      ),
    ),
  );
  expect(execution.status).toBe('success');
  const [event] = nodeOutput(execution, 'Returns Pack Trigger');
  expect(event).toMatchObject({
    id: expect.stringMatching(/^evt_/),
    type: 'return.created',
    api_version: 'v1',
    subject: { type: 'rma', id: rma.id },
    data: { rma: { id: rma.id, customer: { email: 'e2e-1@example.com' } } },
  });
  expect(nodeOutput(execution, 'Get RMA')).toEqual([
    expect.objectContaining({ id: rma.id, status: 'REQUESTED' }),
  ]);

  const [subscription] = (await stack.api.webhooks.list()).data;
  const { data: attempts } = await stack.api.webhooks.deliveries(subscription!.id);
  expect(attempts).toContainEqual(
    expect.objectContaining({ event_type: 'return.created', status_code: 200 }),
  );
});

test('a forged delivery is refused with 401 and starts nothing', async () => {
  const forgedEvent = { ...sampleEvent('return.created'), id: 'evt_forgedByTheTest' };
  const forged = await signWebhook({
    scheme: 'hmac-sha256',
    secret: generateWebhookSecret('hmac-sha256'),
    event: forgedEvent,
  });
  const response = await fetch(triggerUrl, { method: 'POST', headers: forged.headers, body: forged.body });
  expect(response.status).toBe(401);
  expect(await response.json()).toMatchObject({ error: { code: 'bad_signature' } });

  // A genuine delivery sent after the forged one is processed; the forged event never is.
  const [subscription] = (await stack.api.webhooks.list()).data;
  const { event: genuine } = await stack.api.webhooks.test(subscription!.id, { type: 'return.created' });
  const events = await stack.eventually('the genuine test delivery', async () => {
    const seen = triggerEvents(await stack.n8nApi.executions(IDS.workflow));
    return seen.some((e) => e.id === genuine.id) ? seen : undefined;
  });
  expect(events.map((e) => e.id)).not.toContain(forgedEvent.id);
});

test('deactivating the workflow deletes the subscription', async () => {
  await stack.n8nApi.deactivate(IDS.workflow);
  await stack.eventually('the subscription to be deleted', async () =>
    (await stack.api.webhooks.list()).data.length === 0 ? true : undefined,
  );
  const refused = await fetch(triggerUrl, { method: 'POST', body: '{}' });
  expect(refused.status).toBe(404);
});
