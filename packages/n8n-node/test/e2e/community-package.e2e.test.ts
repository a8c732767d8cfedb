/**
 * The package in a real n8n (1.123.50, installed into .n8n-runtime on first run): dist/ loaded as a
 * custom extension, a workflow imported with n8n's CLI and activated, n8n started headless on a
 * loopback port against the real mock API. Run alone: `npm run test:e2e -w packages/n8n-node`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createReturnsClient,
  generateWebhookSecret,
  sampleEvent,
  signWebhook,
} from '@returns-pack/shared-client';
import type { ReturnsClient } from '@returns-pack/shared-client';
import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer } from '@returns-pack/mock-api';
import { nodeOutput, publicApi } from './n8n-api';
import type { Execution } from './n8n-api';
import { PACKAGE_DIR, createN8n, ensureBuilt, ensureN8nInstalled } from './runtime';
import type { N8nInstance } from './runtime';
import { IDS, START_PATH, credentialsFile, e2eWorkflow } from './workflow';

jest.setTimeout(90_000);

let mock: MockServer;
let api: ReturnsClient;
let n8n: N8nInstance;
let n8nApi: Awaited<ReturnType<typeof publicApi>>;
let triggerUrl: string;

const EXAMPLES_DIR = path.join(PACKAGE_DIR, 'examples');
const examples = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json'));

/** Waits for something n8n does asynchronously (a delivery, an execution being saved), up to a deadline. */
async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}. n8n log tail:\n${n8n.logs().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const triggerEvents = (executions: Execution[]) =>
  executions.flatMap((e) => nodeOutput(e, 'Returns Pack Trigger')) as Array<{ id: string; type: string }>;

beforeAll(async () => {
  await ensureN8nInstalled();
  await ensureBuilt();
  mock = await startMockServer({ port: 0, host: '127.0.0.1' });
  const client = await mock.createApiClient({ name: 'n8n end-to-end' });
  api = createReturnsClient({ baseUrl: mock.url, apiKey: client.api_key });
  n8n = await createN8n();
  triggerUrl = `${n8n.url}/webhook/${IDS.triggerWebhook}/webhook`;

  // The test workflow and the package's examples, imported in one CLI run. Examples name the node
  // types as an installed package does; as a custom extension they are CUSTOM.<name>.
  const imports = path.join(n8n.userFolder, 'import');
  mkdirSync(imports);
  writeFileSync(path.join(imports, 'e2e.json'), JSON.stringify(e2eWorkflow()));
  for (const file of examples) {
    const text = readFileSync(path.join(EXAMPLES_DIR, file), 'utf8').replaceAll(
      'n8n-nodes-returns-pack.',
      'CUSTOM.',
    );
    writeFileSync(path.join(imports, file), text);
  }
  const credentials = path.join(n8n.userFolder, 'credentials.json');
  writeFileSync(credentials, JSON.stringify(credentialsFile(mock.url, client.api_key)));
  await n8n.cli('import:credentials', `--input=${credentials}`);
  await n8n.cli('import:workflow', '--separate', `--input=${imports}`);
  // Activated before start: start-up then runs the trigger's checkExists/create against the mock.
  await n8n.cli('update:workflow', `--id=${IDS.workflow}`, '--active=true');
  await n8n.start();
  n8nApi = await publicApi(n8n.url);
}, 15 * 60_000);

afterAll(async () => {
  await n8n?.dispose();
  await mock?.close();
}, 60_000);

test('activation subscribed the trigger through the webhooks API', async () => {
  const { data } = await api.webhooks.list();
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
  const response = await fetch(`${n8n.url}/webhook/${START_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'e2e@example.com', sku: 'SKU-E2E', reference: 'E2E-1' }),
  });
  expect(response.status).toBe(200);
  const rma = (await response.json()) as { id: string; external_reference: string };
  expect(rma).toMatchObject({ id: expect.stringMatching(/^rma_/), external_reference: 'E2E-1' });

  const execution = await eventually('the trigger execution', async () =>
    (await n8nApi.executions(IDS.workflow)).find((e) =>
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
    data: { rma: { id: rma.id, customer: { email: 'e2e@example.com' } } },
  });
  expect(nodeOutput(execution, 'Get RMA')).toEqual([
    expect.objectContaining({ id: rma.id, status: 'REQUESTED' }),
  ]);

  const [subscription] = (await api.webhooks.list()).data;
  const { data: attempts } = await api.webhooks.deliveries(subscription!.id);
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
  const [subscription] = (await api.webhooks.list()).data;
  const { event: genuine } = await api.webhooks.test(subscription!.id, { type: 'return.created' });
  const events = await eventually('the genuine test delivery', async () => {
    const seen = triggerEvents(await n8nApi.executions(IDS.workflow));
    return seen.some((e) => e.id === genuine.id) ? seen : undefined;
  });
  expect(events.map((e) => e.id)).not.toContain(forgedEvent.id);
});

test('the example workflows import into n8n', async () => {
  for (const file of examples) {
    const example = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as {
      id: string;
      name: string;
    };
    const imported = await n8nApi.workflow(example.id);
    expect(imported.name).toBe(example.name);
    expect(imported.nodes.map((n) => n.type)).toContain('CUSTOM.returnsPackTrigger');
  }
});

test('deactivating the workflow deletes the subscription', async () => {
  await n8nApi.deactivate(IDS.workflow);
  await eventually('the subscription to be deleted', async () =>
    (await api.webhooks.list()).data.length === 0 ? true : undefined,
  );
  const refused = await fetch(triggerUrl, { method: 'POST', body: '{}' });
  expect(refused.status).toBe(404);
});
