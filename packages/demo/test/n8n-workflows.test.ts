import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type {
  IConnections,
  INode,
  INodeProperties,
  INodePropertyCollection,
  INodePropertyOptions,
  INodeType,
  INodeTypes,
} from 'n8n-workflow';
import { z } from 'zod';
import { ReturnsPack } from 'n8n-nodes-returns-pack/nodes/ReturnsPack/ReturnsPack.node.js';
import { ReturnsPackTrigger } from 'n8n-nodes-returns-pack/nodes/ReturnsPackTrigger/ReturnsPackTrigger.node.js';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * n8n's base nodes that example workflows may use, with the type versions n8n-nodes-base 1.121.32
 * (the one n8n 1.123.50, the version this pack is tested with, ships) knows.
 */
const BASE_NODES: Record<string, readonly number[]> = {
  'n8n-nodes-base.manualTrigger': [1],
  'n8n-nodes-base.scheduleTrigger': [1, 1.1, 1.2, 1.3],
  'n8n-nodes-base.webhook': [1, 1.1, 2, 2.1],
  'n8n-nodes-base.respondToWebhook': [1, 1.1, 1.2, 1.3, 1.4, 1.5],
  'n8n-nodes-base.httpRequest': [1, 2, 3, 4, 4.1, 4.2, 4.3],
  'n8n-nodes-base.if': [1, 2, 2.1, 2.2, 2.3],
  'n8n-nodes-base.filter': [1, 2, 2.1, 2.2, 2.3],
  'n8n-nodes-base.set': [1, 2, 3, 3.1, 3.2, 3.3, 3.4],
  'n8n-nodes-base.code': [1, 2],
  'n8n-nodes-base.noOp': [1],
  'n8n-nodes-base.slack': [1, 2, 2.1, 2.2, 2.3, 2.4],
  'n8n-nodes-base.googleSheets': [1, 2, 3, 4, 4.1, 4.2, 4.3, 4.4, 4.5, 4.6, 4.7],
};
const BASE_TRIGGERS = [
  'n8n-nodes-base.manualTrigger',
  'n8n-nodes-base.scheduleTrigger',
  'n8n-nodes-base.webhook',
];

/** Our nodes under the type names n8n gives an installed community package: `<package>.<node name>`. */
const OURS = new Map<string, INodeType>(
  [new ReturnsPack(), new ReturnsPackTrigger()].map((node) => [
    `n8n-nodes-returns-pack.${node.description.name}`,
    node,
  ]),
);

const nodeTypes: INodeTypes = {
  getByName: (type) => OURS.get(type)!,
  getByNameAndVersion: (type) => OURS.get(type)!,
  getKnownTypes: () => ({}),
};

/**
 * Values that none of a parameter's options offers, looked for through collections and fixed
 * collections. n8n reports a missing required parameter but imports an unknown option silently.
 */
/**
 * Whether n8n shows the property for these values: several properties share a name (each resource's
 * `operation`), told apart by `displayOptions.show`, so the one that applies is the one to check.
 */
function shownFor(property: INodeProperties, values: Record<string, unknown>): boolean {
  return Object.entries(property.displayOptions?.show ?? {}).every(
    ([key, allowed]) => !(key in values) || (allowed as unknown[]).includes(values[key]),
  );
}

function unofferedValues(properties: INodeProperties[], values: Record<string, unknown>, at = ''): string[] {
  return Object.entries(values).flatMap(([name, value]) => {
    const property = properties.find((p) => p.name === name && shownFor(p, values));
    if (!property || (typeof value === 'string' && value.startsWith('='))) return [];
    const where = `${at}${name}`;
    switch (property.type) {
      case 'options':
      case 'multiOptions': {
        const offered = (property.options as INodePropertyOptions[]).map((o) => o.value);
        return [value]
          .flat()
          .filter((v) => !offered.includes(v as string))
          .map((v) => `${where}: ${JSON.stringify(v)}`);
      }
      case 'collection':
        return unofferedValues(
          property.options as INodeProperties[],
          value as Record<string, unknown>,
          `${where}.`,
        );
      case 'fixedCollection':
        return (property.options as INodePropertyCollection[]).flatMap((group) =>
          [(value as Record<string, unknown>)[group.name] ?? []]
            .flat()
            .flatMap((entry) =>
              unofferedValues(group.values, entry as Record<string, unknown>, `${where}.${group.name}.`),
            ),
        );
      default:
        return [];
    }
  });
}

/** The shape of a workflow as n8n exports it (Workflows → Download) and imports it. */
const WorkflowFile = z.looseObject({
  name: z.string().min(1),
  nodes: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        name: z.string().min(1),
        type: z.string(),
        typeVersion: z.number(),
        position: z.tuple([z.number(), z.number()]),
        parameters: z.record(z.string(), z.unknown()),
        credentials: z.record(z.string(), z.object({ id: z.string(), name: z.string() })).optional(),
        webhookId: z.uuid().optional(),
      }),
    )
    .min(2),
  connections: z.record(
    z.string(),
    z.object({
      main: z.array(z.array(z.object({ node: z.string(), type: z.literal('main'), index: z.number() }))),
    }),
  ),
  settings: z.looseObject({}).optional(),
  active: z.literal(false).optional(),
});

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const files = [
  ...jsonFiles(path.join(repoRoot, 'packages/n8n-node/examples')),
  ...jsonFiles(path.join(repoRoot, 'docs')),
]
  .map((file) => path.relative(repoRoot, file))
  .sort();

test('the four recipes and the package examples are all here', () => {
  expect(files).toEqual(
    expect.arrayContaining([
      'packages/n8n-node/examples/rma-breach-to-slack.json',
      'packages/n8n-node/examples/return-processed-to-google-sheets.json',
      expect.stringMatching(/^docs\/.*resolved-rmas.*\.json$/),
      expect.stringMatching(/^docs\/.*erp.*\.json$/),
      expect.stringMatching(/^docs\/.*pos.*\.json$/),
    ]),
  );
});

describe.each(files)('%s', (file) => {
  const workflow = WorkflowFile.parse(JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')));
  const nodes = workflow.nodes as unknown as INode[];

  test('uses only our nodes and n8n base nodes, in versions that exist', () => {
    const unknown = nodes
      .filter((node) => {
        const ours = OURS.get(node.type);
        if (ours) return ![ours.description.version].flat().includes(node.typeVersion);
        return !BASE_NODES[node.type]?.includes(node.typeVersion);
      })
      .map((node) => `${node.name}: ${node.type} v${node.typeVersion}`);
    expect(unknown).toEqual([]);
  });

  test('loads as an n8n Workflow; our nodes keep every parameter and report no issues', () => {
    const loaded = new Workflow({
      nodes: structuredClone(nodes),
      connections: workflow.connections as IConnections,
      active: false,
      nodeTypes,
      settings: workflow.settings,
    });
    expect(Object.keys(loaded.nodes).sort()).toEqual(nodes.map((n) => n.name).sort());
    for (const node of nodes.filter((n) => OURS.has(n.type))) {
      const description = OURS.get(node.type)!.description;
      // n8n drops a parameter the node does not show for the chosen resource and operation.
      const kept = Object.keys(loaded.nodes[node.name]!.parameters);
      expect([node.name, Object.keys(node.parameters).filter((name) => !kept.includes(name))]).toEqual([
        node.name,
        [],
      ]);
      const issues = NodeHelpers.getNodeParametersIssues(
        description.properties,
        loaded.nodes[node.name]!,
        description,
      );
      expect([node.name, issues]).toEqual([node.name, null]);
      expect([node.name, unofferedValues(description.properties, node.parameters)]).toEqual([node.name, []]);
      expect(Object.keys(node.credentials ?? {})).toEqual(['returnsPackApi']);
    }
  });

  test('connects every node by name, each reachable from a trigger', () => {
    const names = new Set(nodes.map((n) => n.name));
    const edges = Object.entries(workflow.connections).flatMap(([from, { main }]) =>
      main.flat().map((to) => [from, to.node] as const),
    );
    for (const [from, to] of edges)
      expect([from, names.has(from), to, names.has(to)]).toEqual([from, true, to, true]);
    const isTrigger = (node: INode) =>
      BASE_TRIGGERS.includes(node.type) ||
      OURS.get(node.type)?.description.group.includes('trigger') === true;
    const reached = new Set(nodes.filter(isTrigger).map((n) => n.name));
    expect(reached.size).toBeGreaterThan(0);
    for (let grew = true; grew;) {
      const before = reached.size;
      for (const [from, to] of edges) if (reached.has(from)) reached.add(to);
      grew = reached.size > before;
    }
    expect([...names].filter((name) => !reached.has(name))).toEqual([]);
  });
});
