/**
 * Every workflow we ship for n8n (the package's examples/ and docs/recipes/n8n/), imported into a real
 * n8n that has the packed package installed as a community package, activated, and run against the
 * mock up to the first third-party node. Third-party services (Slack, Google Sheets, an ERP, a POS) are
 * not reachable from a test: their credentials are stubs, and those nodes are disabled in the imported
 * copy, so nothing leaves 127.0.0.1; everything of ours and n8n's own logic nodes before them runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EventType, WebhookSubscription } from '@returns-pack/shared-client';
import { nodeOutput } from './n8n-api';
import { PACKAGE_DIR } from './runtime';
import { startStack } from './stack';
import type { Stack } from './stack';
import { ACTION_TYPE, PACKAGE_NAME, RECIPE_REQUESTS, TRIGGER_TYPE } from './workflow';
import type { WorkflowFile } from './workflow';

jest.setTimeout(90_000);

const SOURCES = [path.join(PACKAGE_DIR, 'examples'), path.resolve(PACKAGE_DIR, '../../docs/recipes/n8n')];
const FILES = SOURCES.flatMap((dir) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => path.join(dir, file)),
);
const WORKFLOWS = FILES.map((file) => ({
  file: path.relative(path.resolve(PACKAGE_DIR, '../..'), file),
  workflow: JSON.parse(readFileSync(file, 'utf8')) as WorkflowFile,
}));

const OURS = new Set([ACTION_TYPE, TRIGGER_TYPE]);
/** n8n's own nodes that talk to nothing outside the instance. */
const N8N_LOGIC = new Set([
  'n8n-nodes-base.webhook',
  'n8n-nodes-base.respondToWebhook',
  'n8n-nodes-base.if',
  'n8n-nodes-base.switch',
  'n8n-nodes-base.set',
  'n8n-nodes-base.filter',
  'n8n-nodes-base.noOp',
  'n8n-nodes-base.code',
]);
const isThirdParty = (type: string) => !OURS.has(type) && !N8N_LOGIC.has(type);

let stack: Stack;

/** The workflow as the test imports it: third-party nodes disabled, everything else untouched. */
function importable(workflow: WorkflowFile): WorkflowFile {
  return {
    ...workflow,
    nodes: workflow.nodes.map((node) => (isThirdParty(node.type) ? { ...node, disabled: true } : node)),
  };
}

/** Stub credentials for every third-party credential the workflows name (ours points at the mock). */
function stubCredentials() {
  const stubs = new Map<string, { id: string; name: string; type: string; data: Record<string, string> }>();
  for (const { workflow } of WORKFLOWS) {
    for (const node of workflow.nodes) {
      for (const [type, ref] of Object.entries(node.credentials ?? {})) {
        if (type !== 'returnsPackApi')
          stubs.set(ref.id, { ...ref, type, data: { stub: 'not a real secret' } });
      }
    }
  }
  return [...stubs.values()];
}

/** The nodes a run from `start` reaches before any third-party node (which it stops at). */
function nodesBeforeThirdParty(workflow: WorkflowFile, start: string): string[] {
  const byName = new Map(workflow.nodes.map((node) => [node.name, node]));
  const reached: string[] = [];
  const queue = [start];
  while (queue.length > 0) {
    const name = queue.shift()!;
    const node = byName.get(name);
    if (!node || reached.includes(name) || isThirdParty(node.type)) continue;
    reached.push(name);
    for (const output of workflow.connections[name]?.main ?? []) queue.push(...output.map((c) => c.node));
  }
  return reached;
}

const triggers = WORKFLOWS.flatMap(({ file, workflow }) =>
  workflow.nodes.filter((n) => n.type === TRIGGER_TYPE).map((node) => ({ file, workflow, node })),
);
const webhookStarts = WORKFLOWS.flatMap(({ file, workflow }) =>
  workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.webhook').map((node) => ({ file, workflow, node })),
);

beforeAll(async () => {
  // Every shipped workflow starts with a trigger (ours or n8n's Webhook): all are activated.
  stack = await startStack({
    name: 'recipes',
    workflows: WORKFLOWS.map(({ workflow }) => importable(workflow)),
    credentials: stubCredentials(),
  });
}, 15 * 60_000);

afterAll(() => stack?.dispose(), 60_000);

test('the package examples and the docs recipes are all here', () => {
  expect(WORKFLOWS.length).toBeGreaterThanOrEqual(5);
  expect(triggers.length).toBeGreaterThanOrEqual(5);
});

describe.each(WORKFLOWS)('$file', ({ workflow }) => {
  test('has an id n8n keeps static data for (16 characters at most)', () => {
    // n8n 1.123 saves a workflow's static data only when its id is at most 16 characters long; the
    // trigger keeps its subscription's secret there, so with a longer id every delivery is refused.
    expect(workflow.id.length).toBeLessThanOrEqual(16);
  });

  test('loads with our node types as an installed package names them, and is active', async () => {
    const loaded = await stack.n8nApi.workflow(workflow.id);
    expect(loaded).toMatchObject({ name: workflow.name, active: true });
    const ours = workflow.nodes.filter((n) => n.type.startsWith(`${PACKAGE_NAME}.`)).map((n) => n.type);
    expect(ours.length).toBeGreaterThan(0);
    expect(loaded.nodes.map((n) => n.type)).toEqual(expect.arrayContaining(ours));
    // Start-up activated it (rather than logging an "Issue on initial workflow activation").
    expect(stack.n8n.logs()).toContain(`Activated workflow "${workflow.name}" (ID: ${workflow.id})`);
  });
});

describe.each(triggers)('$file: trigger "$node.name"', ({ workflow, node }) => {
  const url = () => `${stack.n8n.url}/webhook/${node.webhookId}/webhook`;
  const subscription = async (): Promise<WebhookSubscription | undefined> =>
    (await stack.api.webhooks.list({ limit: 100 })).data.find((s) => s.url === url());

  test('activation subscribed it for its events', async () => {
    const subscribed = await subscription();
    expect(subscribed).toBeDefined();
    expect([...subscribed!.events].sort()).toEqual([...(node.parameters.events as string[])].sort());
  });

  test('a signed delivery runs the workflow up to the first third-party node', async () => {
    const subscribed = (await subscription())!;
    const type = subscribed.events[0] as EventType;
    const { event } = await stack.api.webhooks.test(subscribed.id, { type });
    const execution = await stack
      .eventually(`the execution of ${event.id}`, async () =>
        (await stack.n8nApi.executions(workflow.id)).find((e) =>
          nodeOutput(e, node.name).some((item) => (item as { id?: string }).id === event.id),
        ),
      )
      .catch(async (error: Error) => {
        const { data: attempts } = await stack.api.webhooks.deliveries(subscribed.id);
        const executions = await stack.n8nApi.executions(workflow.id);
        throw new Error(
          `${error.message}\ndelivery attempts: ${JSON.stringify(attempts)}\n` +
            `executions: ${JSON.stringify(executions).slice(0, 3000)}`,
        );
      });
    expect(execution.status).toBe('success');
    const ran = Object.keys(execution.data?.resultData?.runData ?? {});
    expect(ran).toEqual(expect.arrayContaining(nodesBeforeThirdParty(workflow, node.name)));
    expect(nodeOutput(execution, node.name)).toEqual([expect.objectContaining({ id: event.id, type })]);
  });
});

describe.each(webhookStarts)('$file: Webhook start "$node.name"', ({ workflow, node }) => {
  test('a request runs our action against the API and answers with the RMA', async () => {
    const webhookPath = String(node.parameters.path);
    const body = RECIPE_REQUESTS[workflow.id]?.[webhookPath];
    if (!body)
      throw new Error(`workflow.ts RECIPE_REQUESTS has no request for ${workflow.id} /${webhookPath}`);
    const response = await fetch(`${stack.n8n.url}/webhook/${webhookPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    expect({ status: response.status, text }).toMatchObject({ status: 200 });
    const answer = JSON.parse(text) as { rma_id: string; status: string };
    expect(answer.rma_id).toMatch(/^rma_/);
    expect(await stack.api.rmas.get(answer.rma_id)).toMatchObject({
      id: answer.rma_id,
      status: answer.status,
    });
  });
});

describe('docs/recipes/n8n/approve-and-label-under-threshold.json on real returns', () => {
  test('a return asking for at most 100 ends approved and labelled; a larger one stays REQUESTED', async () => {
    const create = (amount: number) =>
      stack.api.tradeReturns.create({
        customer: { email: 'threshold@example.com' },
        items: [{ sku: 'THRESHOLD', quantity: 1 }],
        credit_requested: { amount, currency: 'EUR' },
      });
    const [small, large] = [await create(19.99), await create(450)];
    const labelled = await stack.eventually(`the label of ${small.id}`, async () => {
      const rma = await stack.api.rmas.get(small.id);
      return rma.label ? rma : undefined;
    });
    expect(labelled.history.map((h) => h.status)).toEqual(['REQUESTED', 'APPROVED', 'LABEL_CREATED']);
    expect(labelled.history[1]!.note).toMatch(/^Auto-approved: credit 19.99 EUR/);
    // The larger return's run has ended too (its workflow stopped at the If) before it is checked.
    await stack.eventually(`the execution for ${large.id}`, async () =>
      (await stack.n8nApi.executions('rpackRecipeAppr1')).find((e) =>
        nodeOutput(e, 'New trade return').some(
          (item) => (item as { data?: { rma?: { id?: string } } }).data?.rma?.id === large.id,
        ),
      ),
    );
    expect((await stack.api.rmas.get(large.id)).status).toBe('REQUESTED');
  });
});
