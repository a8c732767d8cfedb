import { startReceiver } from '../delivery/helpers/receiver';
import type { Receiver } from '../delivery/helpers/receiver';
import { startLoggedServer } from './helpers/logged-server-process';
import type { LoggedServer } from './helpers/logged-server-process';

/**
 * A full session against the mock with its logger on: API clients made and revoked, RMAs created,
 * one webhook per signing scheme, deliveries, refusals of every kind. Then every log line and every
 * answer (but the two that show a credential once, by design) is searched for every API key,
 * webhook secret and the admin token, whole and in part.
 */
const ADMIN_TOKEN = 'adm_scan-0123456789abcdefghijklmnopqrstuvwxyz';
const SCHEMES = ['hmac-sha256', 'bearer', 'jwt', 'standard-webhooks'] as const;

interface Recorded {
  label: string;
  status: number;
  text: string;
}

let server: LoggedServer;
let receiver: Receiver;
const answers: Recorded[] = [];
/** The answers that show a credential once: creation of an API client, of a subscription. */
const showOnce = new Set<Recorded>();
const secrets: string[] = [ADMIN_TOKEN];

async function call(
  label: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
) {
  const res = await fetch(server.url + path, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const recorded = { label, status: res.status, text: await res.text() };
  answers.push(recorded);
  return { ...recorded, json: () => JSON.parse(recorded.text) };
}

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

beforeAll(async () => {
  receiver = await startReceiver();
  server = await startLoggedServer(ADMIN_TOKEN);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

test('no API key, webhook secret or admin token in any log line, error body or list response', async () => {
  // API clients, one with a default webhook.
  const made = [];
  for (const [name, webhook_url] of [
    ['ERP', receiver.url],
    ['POS', undefined],
    ['Old', undefined],
  ] as const) {
    const res = await call('create client', 'POST', '/admin/v1/api-clients', admin, { name, webhook_url });
    expect(res.status).toBe(201);
    showOnce.add(answers.at(-1)!);
    made.push(res.json());
  }
  for (const c of made) secrets.push(c.api_key, c.webhook_secret);
  const [erp, pos, old] = made;
  const key = (c: { api_key: string }) => ({ 'x-api-key': c.api_key });

  // One subscription per scheme.
  for (const scheme of SCHEMES) {
    const res = await call('subscribe', 'POST', '/external/v1/webhooks', key(erp), {
      url: receiver.url,
      events: ['*'],
      scheme,
      retry_policy: 'exponential',
    });
    expect(res.status).toBe(201);
    showOnce.add(answers.at(-1)!);
    secrets.push(res.json().secret);
  }

  // Creations (past the rate limit of 5), an idempotent replay, transitions: events and deliveries.
  const body = { customer: { email: 'ada@example.com' }, items: [{ sku: 'A', quantity: 1 }] };
  const ids: string[] = [];
  for (let i = 0; i < 7; i++) {
    const res = await call(
      'create rma',
      'POST',
      '/external/v1/trade-returns',
      { ...key(erp), 'idempotency-key': `k${i % 3}` },
      body,
    );
    if (res.status === 201) ids.push(res.json().id);
  }
  await call('repair', 'POST', '/external/v1/offline-repairs', key(pos), {
    serial: 'S',
    fault_description: 'x',
    customer_email: 'g@example.com',
  });
  for (const to of ['APPROVED', 'LABEL_CREATED', 'CLOSED']) {
    await call('transition', 'POST', `/admin/v1/rmas/${ids[0]}/transitions`, admin, { to });
  }
  // 1 default webhook + 4 subscriptions, each told of at least 3 creations.
  await receiver.waitFor(15);

  // Refusals: credentials in the wrong places, bad bodies, unknown ids, a revoked key.
  await call('secret as api key', 'GET', '/external/v1/rmas', { 'x-api-key': erp.webhook_secret });
  await call('api key as admin token', 'GET', '/admin/v1/api-clients', {
    authorization: `Bearer ${erp.api_key}`,
  });
  await call('admin token as api key', 'GET', '/external/v1/rmas', { 'x-api-key': ADMIN_TOKEN });
  await call('api key in authorization', 'GET', '/external/v1/rmas', { authorization: erp.api_key });
  await call('bad body', 'POST', '/external/v1/trade-returns', key(pos), { customer: {}, items: [] });
  await call('bad json', 'POST', '/external/v1/trade-returns', key(pos), '{"customer":');
  await call('bad transition', 'POST', `/admin/v1/rmas/${ids[0]}/transitions`, admin, { to: 'REQUESTED' });
  await call('unknown rma', 'GET', '/external/v1/rmas/rma_unknown', key(pos));
  await call('unknown route', 'GET', '/external/v1/secrets', key(pos));
  expect((await call('revoke', 'POST', `/admin/v1/api-clients/${old.id}/revoke`, admin)).status).toBe(200);
  expect((await call('revoked key', 'GET', '/external/v1/rmas', key(old))).status).toBe(401);

  // Everything that lists.
  const lists = ['/external/v1/webhooks', '/external/v1/rmas', '/external/v1/events?limit=100'];
  for (const path of lists) expect((await call('list', 'GET', path, key(erp))).status).toBe(200);
  const subscriptions = JSON.parse(answers.at(-3)!.text).data as { id: string }[];
  for (const s of subscriptions) {
    await call('subscription', 'GET', `/external/v1/webhooks/${s.id}`, key(erp));
    await call('deliveries', 'GET', `/external/v1/webhooks/${s.id}/deliveries?limit=100`, key(erp));
  }
  expect((await call('clients', 'GET', '/admin/v1/api-clients', admin)).status).toBe(200);
  await server.stop();

  const logLines = server.output().split('\n').filter(Boolean);
  // The scan means something only if the logger wrote about these requests.
  expect(logLines.filter((l) => l.includes('"incoming request"')).length).toBeGreaterThanOrEqual(
    answers.length,
  );
  expect(answers.filter((a) => a.status >= 400).length).toBeGreaterThanOrEqual(10);
  expect(secrets).toHaveLength(1 + 3 * 2 + SCHEMES.length);

  const leaks: string[] = [];
  const scanned = [
    ...logLines.map((text, i) => ({ where: `log line ${i + 1}`, text })),
    ...answers
      .filter((a) => !showOnce.has(a))
      .map((a) => ({ where: `answer to ${a.label} (${a.status})`, text: a.text })),
  ];
  for (const secret of secrets) {
    // The random tail alone is a leak too (a prefix stripped, or the secret cut in a message).
    const tail = secret.slice(-16);
    for (const { where, text } of scanned) {
      if (text.includes(tail)) leaks.push(`${secret.slice(0, 6)}… in ${where}: ${text.slice(0, 300)}`);
    }
  }
  expect(leaks).toEqual([]);
});
