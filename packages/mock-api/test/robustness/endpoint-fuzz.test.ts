import fc from 'fast-check';
import type { AnyRouteSpec } from '../../src/http/route';
import { ROUTES } from '../../src/http/routes';
import { expectContractAnswer } from './helpers/contract-answer';
import { fuzzApp, NOWHERE } from './helpers/fuzz-app';
import type { FuzzApp } from './helpers/fuzz-app';
import { bodyText, headerValue, idLike, queryString } from './helpers/generators';

/**
 * Every route of the mock, with generated bodies, headers, query strings and ids: whatever comes in,
 * no 5xx, no hang, and every refusal the contract's error body naming the field. Each dimension is
 * valid most of the time, so that one broken thing at a time reaches the code behind the others.
 */
const SEED = 9_2025;
const RUNS_PER_ROUTE = 150;

const VALID_BODIES: Record<string, unknown> = {
  'POST /external/v1/trade-returns': {
    customer: { email: 'ada@example.com', name: 'Ada', company: 'ACME' },
    items: [{ sku: 'SKU-1', quantity: 2, reason: 'Too big', unit_price: 19.99 }],
    credit_requested: { amount: 39.98, currency: 'EUR' },
    requires_label: true,
    return_type: 'refund',
    external_reference: 'order-1',
    metadata: { channel: 'web' },
  },
  'POST /external/v1/offline-repairs': {
    serial: 'SN-1',
    fault_description: 'Does not charge',
    customer_email: 'grace@example.com',
    customer_name: 'Grace',
    product: 'Phone',
    metadata: { store: 'Leeds' },
  },
  'POST /external/v1/webhooks': {
    url: NOWHERE,
    events: ['return.created'],
    scheme: 'jwt',
    retry_policy: 'exponential',
    conditions: { shipping_status: ['in_transit'], return_type: ['refund'] },
    description: 'fuzz',
  },
  'PATCH /external/v1/webhooks/:id': { description: 'changed', events: ['*'] },
  'POST /external/v1/webhooks/:id/replay': {
    start_time: '2020-01-01T00:00:00.000Z',
    end_time: '2030-01-01T00:00:00.000Z',
  },
  'POST /external/v1/webhooks/:id/test': { type: 'return.created' },
  'POST /admin/v1/api-clients': { name: 'ERP', webhook_url: 'https://hooks.example.com/x' },
  'POST /admin/v1/clock/advance': { seconds: 60 },
  'POST /admin/v1/rmas/:id/transitions': { to: 'APPROVED', note: 'ok' },
  'POST /admin/v1/rmas/:id/events': { type: 'return.updated' },
};

let f: FuzzApp;
beforeAll(async () => {
  f = await fuzzApp();
});
afterAll(() => f.close());

function idFor(route: AnyRouteSpec) {
  if (route.url.includes('/webhooks/')) return idLike('wh', f.ids.webhook);
  if (route.url.includes('/api-clients/')) return idLike('cli', f.ids.client);
  return idLike('rma', route.url.includes('offline-repairs') ? f.ids.repair : f.ids.rma);
}

function credentials(route: AnyRouteSpec) {
  const good: Record<string, string> =
    route.auth === 'admin' ? { authorization: 'Bearer fuzz-admin-token' } : { 'x-api-key': f.client.api_key };
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant<Record<string, string>>(good) },
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: headerValue.map((v) => ({ 'x-api-key': v })) },
    { weight: 1, arbitrary: headerValue.map((v) => ({ authorization: v })) },
    { weight: 1, arbitrary: headerValue.map((v) => ({ authorization: `Bearer ${v}` })) },
  );
}

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant<string | undefined>('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      undefined,
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json, text/html',
    ),
  },
  { weight: 1, arbitrary: headerValue },
);

const extraHeaders = fc.dictionary(
  fc.oneof(
    fc.constantFrom('idempotency-key', 'accept', 'accept-encoding', 'x-forwarded-for', 'cookie', 'host'),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
  ),
  headerValue,
  { maxKeys: 3 },
);

function request(route: AnyRouteSpec) {
  const valid = VALID_BODIES[`${route.method} ${route.url}`] ?? {};
  const takesBody = route.method === 'POST' || route.method === 'PATCH';
  return fc.record({
    id: route.url.includes(':id')
      ? fc.oneof(
          { weight: 9, arbitrary: idFor(route).map(encodeURIComponent) },
          // Sent as is: percent-encoding the router cannot decode.
          { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%', '%zz', '%C0%AF', '..%2f..', '%00') },
        )
      : fc.constant(''),
    query: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 2, arbitrary: queryString }),
    body: takesBody ? bodyText(valid) : fc.option(fc.string({ maxLength: 50 }), { nil: undefined }),
    credentials: credentials(route),
    contentType,
    extra: extraHeaders,
  });
}

describe.each(ROUTES.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', (_name, route) => {
  it(`${RUNS_PER_ROUTE} generated requests: no 5xx, every refusal the contract error body`, async () => {
    await fc.assert(
      fc.asyncProperty(request(route), async (r) => {
        const path = route.url.replace(':id', r.id);
        const url = r.query ? `${path}?${r.query}` : path;
        const headers: Record<string, string> = { ...r.extra, ...r.credentials };
        if (r.contentType !== undefined && r.body !== undefined) headers['content-type'] = r.contentType;
        const answer = await f.inject({ method: route.method, url, headers, payload: r.body });
        expectContractAnswer(answer, `${route.method} ${url.slice(0, 200)}`);
      }),
      { seed: SEED, numRuns: RUNS_PER_ROUTE },
    );
  });
});

test('no request polluted Object.prototype', () => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
