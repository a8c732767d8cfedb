import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  CreateTradeReturnBody,
  EventEnvelope,
  ErrorBody,
  Page,
  Rma,
  RmaListFilters,
  toJsonSchema,
} from '@returns-pack/shared-client';
import { ROUTES } from '@returns-pack/mock-api';
import type { Harness } from './helpers/harness';
import { startHarness } from './helpers/harness';
import { OpenApiResponses } from './helpers/openapi-responses';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type Operation = {
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  responses: Record<string, { content: { 'application/json': { schema: unknown } } }>;
  parameters: { name: string; in: string; required: boolean }[];
};
const operation = (path: string, method: string) => h.document.paths[path]![method] as Operation;

test('the document is valid OpenAPI 3.1 (@seriousme/openapi-schema-validator)', () => {
  const verdict = JSON.parse(
    execFileSync(process.execPath, [join(__dirname, 'helpers/validate-openapi.mjs')], {
      input: JSON.stringify(h.document),
    }).toString(),
  );
  expect(verdict).toEqual(expect.objectContaining({ valid: true, version: '3.1' }));
});

test('the validator refuses a broken document, so the check above can fail', () => {
  const broken = { ...h.document, paths: { 'no-leading-slash': {} }, info: undefined };
  const verdict = JSON.parse(
    execFileSync(process.execPath, [join(__dirname, 'helpers/validate-openapi.mjs')], {
      input: JSON.stringify(broken),
    }).toString(),
  );
  expect(verdict.valid).toBe(false);
});

test('every registered route is documented, and nothing else', () => {
  const documented = Object.entries(h.document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
  );
  const registered = ROUTES.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
  expect(documented.sort()).toEqual(registered.sort());
});

test('schemas are the contract schemas, generated, so they cannot drift', () => {
  const create = operation('/external/v1/trade-returns', 'post');
  expect(create.requestBody!.content['application/json'].schema).toEqual(
    toJsonSchema(CreateTradeReturnBody, 'input'),
  );
  expect(create.responses['201']!.content['application/json'].schema).toEqual(toJsonSchema(Rma, 'output'));
  expect(create.responses['429']!.content['application/json'].schema).toEqual(
    toJsonSchema(ErrorBody, 'output'),
  );
  const list = operation('/external/v1/rmas', 'get');
  expect(list.responses['200']!.content['application/json'].schema).toEqual(
    toJsonSchema(Page(Rma), 'output'),
  );
  expect(list.parameters.map((p) => p.name).sort()).toEqual(Object.keys(RmaListFilters.shape).sort());
  expect(
    operation('/external/v1/events', 'get').responses['200']!.content['application/json'].schema,
  ).toEqual(toJsonSchema(Page(EventEnvelope), 'output'));
});

test('path parameters are required, and idempotent routes document Idempotency-Key', () => {
  const get = operation('/external/v1/rmas/{id}', 'get');
  expect(get.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path', required: true }));
  const create = operation('/external/v1/offline-repairs', 'post');
  expect(create.parameters).toContainEqual(
    expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }),
  );
});

test('the response checker the other tests rely on rejects what the document does not allow', () => {
  const responses = new OpenApiResponses(h.document as never);
  expect(() => responses.check('GET', '/external/v1/rmas/rma_abc', 200, { id: 'rma_abc' })).toThrow(
    /does not match/,
  );
  expect(() => responses.check('GET', '/external/v1/rmas', 201, {})).toThrow(/does not document a 201/);
  expect(() => responses.check('GET', '/nowhere', 200, {})).toThrow(/not in the OpenAPI document/);
  expect(() =>
    responses.check('GET', '/external/v1/rmas', 401, { error: { code: 'unauthorized', message: 'x' } }),
  ).not.toThrow();
  // Output schemas are closed: an undocumented extra field is a failure.
  expect(() =>
    responses.check('GET', '/external/v1/rmas', 401, {
      error: { code: 'unauthorized', message: 'x', stack: 'y' },
    }),
  ).toThrow(/does not match/);
});
