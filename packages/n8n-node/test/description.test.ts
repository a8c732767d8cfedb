import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import {
  camelKey,
  EVENT_CATALOGUE,
  EVENT_TYPES,
  EVENT_TYPES_FIELD,
  OPERATIONS,
  POLLING_EXCEPTIONS,
  SENDER_IDS,
  SignatureScheme,
  TRIGGER_SETTING_FIELDS,
  TRIGGERS,
} from '@returns-pack/shared-client';
import type { FieldSpec, OperationSpec } from '@returns-pack/shared-client';
import { ReturnsPack, ReturnsPackApi, ReturnsPackPollTrigger, ReturnsPackTrigger } from '../harness';
import { startMock } from './mock';

const packageDir = path.resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as Record<
  string,
  unknown
> & { n8n: { nodes: string[]; credentials: string[] } };
const action = new ReturnsPack().description;
const trigger = new ReturnsPackTrigger().description;
const credential = new ReturnsPackApi();

const optionsOf = (property: INodeProperties | undefined) =>
  (property?.options ?? []) as INodePropertyOptions[];
const values = (property: INodeProperties | undefined) => optionsOf(property).map((o) => o.value);
const pairs = (property: INodeProperties | undefined) =>
  optionsOf(property)
    .map((o) => [String(o.value), o.name])
    .sort();
const choicePairs = (field: FieldSpec) => (field.choices ?? []).map((c) => [c.value, c.label]).sort();
const sortedByName = (property: INodeProperties) => {
  const names = optionsOf(property).map((o) => o.name);
  return names.join('|') === [...names].sort((a, b) => a.localeCompare(b)).join('|');
};

const shownFor = (spec: OperationSpec) =>
  action.properties.filter(
    (p) =>
      p.displayOptions?.show?.resource?.includes(camelKey(spec.resource)) &&
      p.displayOptions?.show?.operation?.includes(spec.n8nOperation),
  );

/** A field's parameter, at the top or inside the operation's collection. */
function parameterOf(spec: OperationSpec, field: FieldSpec) {
  const name = camelKey(field.key);
  const properties = shownFor(spec);
  const top = properties.find((p) => p.name === name);
  if (top) return { property: top, top: true };
  const nested = properties
    .filter((p) => p.type === 'collection')
    .flatMap((p) => p.options as INodeProperties[])
    .find((p) => p.name === name);
  return { property: nested, top: false };
}

function expectRendered(field: FieldSpec, property: INodeProperties | undefined) {
  expect(property).toBeDefined();
  expect(property!.displayName).toBe(field.label);
  if (field.choices) {
    expect(pairs(property)).toEqual(choicePairs(field));
    expect(sortedByName(property!)).toBe(true);
  }
  if (field.type === 'object_list') {
    expect(property).toMatchObject({ type: 'fixedCollection', typeOptions: { multipleValues: true } });
    const children = (property!.options as Array<{ values: INodeProperties[] }>)[0]!.values;
    expect(children.map((c) => c.name)).toEqual(field.children!.map((c) => camelKey(c.key)));
    field.children!.forEach((child, i) => {
      expectRendered(child, children[i]);
      expect(Boolean(children[i]!.required)).toBe(child.required);
    });
  }
}

describe('the action node renders the catalogue', () => {
  const offered = (OPERATIONS as readonly OperationSpec[]).filter((s) => !s.exceptions?.n8n);

  test('every catalogue operation is offered on n8n (none has an n8n exception)', () => {
    expect(offered).toHaveLength(OPERATIONS.length);
  });

  test('resources are the catalogue resources, camel-cased', () => {
    const resource = action.properties.find((p) => p.name === 'resource');
    expect(values(resource).sort()).toEqual([...new Set(offered.map((s) => camelKey(s.resource)))].sort());
    expect(sortedByName(resource!)).toBe(true);
  });

  test.each(offered.map((s) => [s.key, s] as const))(
    '%s: operation value, action and fields',
    (_key, spec) => {
      const operation = action.properties.find(
        (p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(camelKey(spec.resource)),
      );
      const option = optionsOf(operation).find((o) => o.value === spec.n8nOperation);
      expect(option).toMatchObject({ action: spec.action, description: spec.description });
      for (const field of spec.fields) {
        const { property, top } = parameterOf(spec, field);
        expectRendered(field, property);
        if (field.required)
          expect({ top, required: property!.required }).toEqual({ top: true, required: true });
        else expect(property!.required ?? false).toBe(false);
      }
      const names = shownFor(spec).map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
    },
  );

  test('a list renders its Limit as n8n’s Return All + Limit pair', () => {
    for (const spec of offered.filter((s) => s.fields.some((f) => f.key === 'limit'))) {
      const properties = shownFor(spec);
      expect(properties.find((p) => p.name === 'returnAll')).toMatchObject({
        type: 'boolean',
        default: false,
      });
      expect(properties.find((p) => p.name === 'limit')).toMatchObject({
        displayName: 'Limit',
        displayOptions: { show: { returnAll: [false] } },
      });
    }
  });

  test('is a programmatic node usable as an AI tool, with the credential', () => {
    expect(action).toMatchObject({
      name: 'returnsPack',
      version: 1,
      usableAsTool: true,
      credentials: [{ name: credential.name, required: true }],
    });
    expect(action.subtitle).toContain('$parameter["operation"]');
  });
});

describe('the trigger node renders the catalogue triggers', () => {
  const named = (name: string) => trigger.properties.find((p) => p.name === name);

  test('is a webhook trigger with the whole lifecycle', () => {
    expect(trigger).toMatchObject({
      name: 'returnsPackTrigger',
      group: ['trigger'],
      inputs: [],
      webhooks: [{ name: 'default', httpMethod: 'POST', path: 'webhook' }],
    });
    const methods = new ReturnsPackTrigger().webhookMethods.default;
    expect(Object.keys(methods).sort()).toEqual(['checkExists', 'create', 'delete']);
  });

  test('`events` offers every event type, labelled from the event catalogue: every trigger is one pick', () => {
    const events = named('events');
    expect(events).toMatchObject({ type: 'multiOptions', displayName: EVENT_TYPES_FIELD.label });
    expect(pairs(events)).toEqual(EVENT_TYPES.map((t) => [t, EVENT_CATALOGUE[t].label]).sort());
    for (const spec of TRIGGERS) {
      if (spec.events !== 'chosen') for (const type of spec.events) expect(values(events)).toContain(type);
    }
    for (const option of optionsOf(events)) expect(option.description).toMatch(/^Triggers when .+\.$/);
  });

  test('each setting is a parameter named after its key, shown for the senders it concerns', () => {
    for (const field of TRIGGER_SETTING_FIELDS) {
      const property = named(camelKey(field.key));
      if (field.exceptions?.n8n) {
        expect(property).toBeUndefined();
        continue;
      }
      expectRendered(field, property);
      expect(Boolean(property!.required)).toBe(field.required);
      if (field.showWhen) {
        expect(property!.displayOptions?.show).toEqual({
          [camelKey(field.showWhen.key)]: field.showWhen.values,
        });
      }
    }
    expect(values(named('sender')).sort()).toEqual([...SENDER_IDS].sort());
    expect(values(named('scheme')).sort()).toEqual([...SignatureScheme.options].sort());
  });

  test('the poll trigger is the polling fallback for every trigger: the same event picker, over the event log', () => {
    expect('n8n' in POLLING_EXCEPTIONS).toBe(false);
    const poller = new ReturnsPackPollTrigger().description;
    expect(poller).toMatchObject({
      name: 'returnsPackPollTrigger',
      polling: true,
      group: ['trigger'],
      inputs: [],
    });
    expect(poller.properties).toEqual([named('events')]);
    expect(typeof new ReturnsPackPollTrigger().poll).toBe('function');
  });

  test('the signing secret lives in the credential, as a password', () => {
    expect(credential.properties.find((p) => p.name === 'webhookSecret')?.typeOptions?.password).toBe(true);
  });
});

describe('the credential', () => {
  test('puts the key in X-Api-Key and keeps secrets as passwords', () => {
    expect(credential.authenticate.properties.headers).toEqual({ 'X-Api-Key': '={{$credentials.apiKey}}' });
    for (const name of ['apiKey', 'webhookSecret']) {
      expect(credential.properties.find((p) => p.name === name)?.typeOptions?.password).toBe(true);
    }
  });

  test('its test request succeeds with a valid key and fails with a wrong one', async () => {
    const { server, credentials } = await startMock();
    try {
      const request = credential.test.request;
      // n8n evaluates the base URL expression; a trailing slash typed by the user must not break the path.
      const expression = /^=\{\{(.+)\}\}$/.exec(String(request.baseURL))![1]!;
      const evaluate = new Function('$credentials', `return ${expression};`) as (c: object) => string;
      const baseUrl = evaluate({ ...credentials, baseUrl: `${server.url}//` });
      expect(baseUrl).toBe(server.url);
      const url = `${baseUrl}${request.url}?${new URLSearchParams(request.qs as Record<string, string>)}`;
      const ok = await fetch(url, { headers: { 'X-Api-Key': credentials.apiKey } });
      expect(ok.status).toBe(200);
      const refused = await fetch(url, { headers: { 'X-Api-Key': 'rmk_wrong' } });
      expect(refused.status).toBe(401);
    } finally {
      await server.close();
    }
  });
});

describe('the package', () => {
  test('declares no runtime dependency and n8n-workflow as a peer; ships dist only', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
    expect(pkg.keywords).toContain('n8n-community-node-package');
    expect(pkg.files).toEqual(['dist']);
  });

  test('points n8n at the file of every node and credential class', () => {
    const sources = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) =>
      path.join(packageDir, file.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
    );
    expect(sources.every((file) => existsSync(file))).toBe(true);
  });

  test.each<[string, INodeTypeDescription]>([
    ['nodes/ReturnsPack/ReturnsPack.node.json', action],
    ['nodes/ReturnsPackTrigger/ReturnsPackTrigger.node.json', trigger],
    [
      'nodes/ReturnsPackPollTrigger/ReturnsPackPollTrigger.node.json',
      new ReturnsPackPollTrigger().description,
    ],
  ])('%s is the codex of its node and its icons exist', (codexFile, description) => {
    const codex = JSON.parse(readFileSync(path.join(packageDir, codexFile), 'utf8')) as { node: string };
    expect(codex.node).toBe(`${String(pkg.name)}.${description.name}`);
    const icon = description.icon as { light: string; dark: string };
    for (const file of [icon.light, icon.dark]) {
      expect(existsSync(path.join(packageDir, path.dirname(codexFile), file.replace(/^file:/, '')))).toBe(
        true,
      );
    }
  });
});
