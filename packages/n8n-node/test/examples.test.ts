import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { ReturnsPack } from '../nodes/ReturnsPack/ReturnsPack.node';
import { ReturnsPackTrigger } from '../nodes/ReturnsPackTrigger/ReturnsPackTrigger.node';

interface WorkflowJson {
  id: string;
  name: string;
  nodes: Array<{ name: string; type: string; typeVersion: number; parameters: Record<string, unknown> }>;
  connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const dir = path.resolve(__dirname, '..', 'examples');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const ours = new Map(
  [new ReturnsPack().description, new ReturnsPackTrigger().description].map((d) => [
    `n8n-nodes-returns-pack.${d.name}`,
    d,
  ]),
);

/** The option values a parameter of ours accepts, or undefined for free-form parameters. */
function allowed(properties: INodeProperties[], name: string): unknown[] | undefined {
  const property = properties.find((p) => p.name === name);
  if (!property) throw new Error(`unknown parameter ${name}`);
  if (property.type !== 'options' && property.type !== 'multiOptions') return undefined;
  return (property.options as INodePropertyOptions[]).map((o) => o.value);
}

test('there is an RMA-breach-to-Slack and a return-processed-to-Google-Sheets example', () => {
  const workflows = files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as WorkflowJson);
  const chains = workflows.map((w) => w.nodes.map((n) => [n.type, n.parameters.events ?? null]));
  expect(chains).toEqual(
    expect.arrayContaining([
      [
        ['n8n-nodes-returns-pack.returnsPackTrigger', ['rma.breach']],
        ['n8n-nodes-base.slack', null],
      ],
      [
        ['n8n-nodes-returns-pack.returnsPackTrigger', ['return.processed']],
        ['n8n-nodes-base.googleSheets', null],
      ],
    ]),
  );
});

describe.each(files)('%s', (file) => {
  const workflow = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as WorkflowJson;

  test('uses our nodes with parameters they accept', () => {
    for (const node of workflow.nodes.filter((n) => n.type.startsWith('n8n-nodes-returns-pack.'))) {
      const description = ours.get(node.type);
      expect(description).toBeDefined();
      expect(node.typeVersion).toBe(description!.version);
      for (const [name, value] of Object.entries(node.parameters)) {
        const values = allowed(description!.properties, name);
        if (values) for (const v of [value].flat()) expect(values).toContain(v);
      }
    }
  });

  test('connects the trigger to the next node by name', () => {
    const names = new Set(workflow.nodes.map((n) => n.name));
    const edges = Object.entries(workflow.connections).flatMap(([from, c]) =>
      c.main.flat().map((to) => [from, to.node]),
    );
    expect(edges).toHaveLength(workflow.nodes.length - 1);
    for (const [from, to] of edges) {
      expect(names.has(from!)).toBe(true);
      expect(names.has(to!)).toBe(true);
    }
  });
});

const recipes = path.resolve(__dirname, '..', '..', '..', 'docs', 'recipes', 'n8n');
test.each([
  ...files.map((f) => path.join(dir, f)),
  ...readdirSync(recipes)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(recipes, f)),
])(
  '%s has an id n8n saves static data for (16 characters at most), or its trigger forgets its secret',
  (file) => {
    const workflow = JSON.parse(readFileSync(file, 'utf8')) as WorkflowJson;
    expect(workflow.id.length).toBeGreaterThan(0);
    expect(workflow.id.length).toBeLessThanOrEqual(16);
  },
);
