import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { EVENT_TYPES, SignatureScheme } from '@returns-pack/shared-client';
import { ReturnsPackApi } from '../credentials/ReturnsPackApi.credentials';
import { ReturnsPack } from '../nodes/ReturnsPack/ReturnsPack.node';
import type { Operation } from '../nodes/ReturnsPack/actions/common/types';
import * as event from '../nodes/ReturnsPack/actions/event/Event.resource';
import * as offlineRepair from '../nodes/ReturnsPack/actions/offlineRepair/OfflineRepair.resource';
import * as rma from '../nodes/ReturnsPack/actions/rma/Rma.resource';
import * as tradeReturn from '../nodes/ReturnsPack/actions/tradeReturn/TradeReturn.resource';
import { ReturnsPackTrigger } from '../nodes/ReturnsPackTrigger/ReturnsPackTrigger.node';
import { startMock } from './harness/mock';

const packageDir = path.resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as Record<
  string,
  unknown
> & {
  n8n: { nodes: string[]; credentials: string[] };
};
const action = new ReturnsPack().description;
const trigger = new ReturnsPackTrigger().description;
const credential = new ReturnsPackApi();

const values = (property: INodeProperties | undefined) =>
  ((property?.options ?? []) as INodePropertyOptions[]).map((o) => o.value);
const named = (properties: INodeProperties[], name: string) => properties.filter((p) => p.name === name);

describe('the action node', () => {
  const resources = { tradeReturn, offlineRepair, rma, event };

  test('is a programmatic node usable as an AI tool, with the credential', () => {
    expect(action).toMatchObject({
      name: 'returnsPack',
      version: 1,
      usableAsTool: true,
      credentials: [{ name: credential.name, required: true }],
    });
    expect(action.subtitle).toContain('$parameter["operation"]');
  });

  test('offers exactly the resources the router runs, each with the operations it implements', () => {
    const [resource] = named(action.properties, 'resource');
    expect(values(resource).sort()).toEqual(Object.keys(resources).sort());
    for (const [name, module] of Object.entries(resources)) {
      const operation = action.properties.find(
        (p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(name),
      );
      expect(values(operation).sort()).toEqual(Object.keys(module.operations).sort());
      for (const option of operation!.options as INodePropertyOptions[]) expect(option.action).toBeTruthy();
    }
  });

  test('shows every operation field for its own resource and operation only', () => {
    for (const [name, module] of Object.entries(resources)) {
      for (const [op, operation] of Object.entries(module.operations as Record<string, Operation>)) {
        expect(operation.description.length).toBeGreaterThan(0);
        for (const field of operation.description) {
          expect(field.displayOptions?.show).toMatchObject({ resource: [name], operation: [op] });
        }
        const fieldNames = operation.description.map((f) => f.name);
        expect(new Set(fieldNames).size).toBe(fieldNames.length);
      }
    }
  });

  test('every list has Return All and a Limit shown only when Return All is off', () => {
    for (const module of Object.values(resources)) {
      const getMany = (module.operations as Record<string, Operation>).getMany!;
      const [returnAll] = named(getMany.description, 'returnAll');
      const [limit] = named(getMany.description, 'limit');
      expect(returnAll).toMatchObject({ type: 'boolean' });
      expect(limit?.displayOptions?.show).toMatchObject({ returnAll: [false] });
    }
  });
});

describe('the trigger node', () => {
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

  test('lists every event of the catalogue, plus "*", each described as a trigger', () => {
    const [events] = named(trigger.properties, 'events');
    expect(values(events).sort()).toEqual(['*', ...EVENT_TYPES].sort());
    for (const option of (events!.options as INodePropertyOptions[]).slice(1)) {
      expect(option.description).toMatch(/^Triggers when .+\.$/);
    }
  });

  test('accepts the API and the three vendor senders, and every signature scheme', () => {
    expect(values(named(trigger.properties, 'source')[0]).sort()).toEqual(
      ['redo', 'returnflows', 'returnsApi', 'swap'].sort(),
    );
    expect(values(named(trigger.properties, 'scheme')[0]).sort()).toEqual(
      [...SignatureScheme.options].sort(),
    );
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
  test('declares no runtime dependency and n8n-workflow as a peer', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
    expect(pkg.keywords).toContain('n8n-community-node-package');
    expect(pkg.files).toEqual(['dist']);
  });

  test('points n8n at the compiled file of every node and credential class', () => {
    const sources = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) =>
      path.join(packageDir, file.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
    );
    expect(sources.every((file) => existsSync(file))).toBe(true);
    expect(pkg.n8n.nodes).toHaveLength(2);
  });

  test.each<[string, INodeTypeDescription]>([
    ['nodes/ReturnsPack/ReturnsPack.node.json', action],
    ['nodes/ReturnsPackTrigger/ReturnsPackTrigger.node.json', trigger],
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
