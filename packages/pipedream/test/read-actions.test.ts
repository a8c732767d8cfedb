import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { loadComponent, loadOptions, runAction } from '../harness';
import { startBackend } from './support/backend';
import type { Backend } from './support/backend';
import { errorOf } from './support/errors';

const getRma = loadComponent('actions/get-rma/get-rma.mjs');
const listRmas = loadComponent('actions/list-rmas/list-rmas.mjs');
const createTradeReturn = loadComponent('actions/create-trade-return/create-trade-return.mjs');
const findRma = loadComponent('actions/find-rma/find-rma.mjs');
const listEvents = loadComponent('actions/list-events/list-events.mjs');

const RETURNS = 130;
let backend: Backend;
let ids: string[];

beforeAll(async () => {
  backend = await startBackend({ rateLimit: false });
  ids = [];
  for (let i = 0; i < RETURNS; i++) {
    const { value } = await runAction(createTradeReturn, {
      auth: backend.auth,
      props: {
        customerEmail: i % 10 === 0 ? 'vip@example.com' : `c${i}@example.com`,
        externalReference: `SO-${i}`,
        items: [{ sku: `S${i}`, quantity: 1 }],
      },
    });
    ids.push((value as { id: string }).id);
  }
  await backend.admin.transition(ids[5]!, 'APPROVED');
});
afterAll(() => backend.close());

describe('Get RMA', () => {
  it('returns the RMA with its history', async () => {
    const { value, summary } = await runAction(getRma, { auth: backend.auth, props: { rmaId: ids[5] } });
    expect(value).toMatchObject({
      id: ids[5],
      status: 'APPROVED',
      history: [{ status: 'REQUESTED' }, { status: 'APPROVED' }],
    });
    expect(summary).toBe(`Got RMA ${ids[5]} (APPROVED)`);
  });

  it('says what to check when the RMA does not exist', async () => {
    const error = await errorOf(() =>
      runAction(getRma, { auth: backend.auth, props: { rmaId: 'rma_doesnotexist' } }),
    );
    expect(error).toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringContaining('check the id'),
    });
  });

  it('names the id when it is not an RMA id at all', async () => {
    const error = await errorOf(() =>
      runAction(getRma, { auth: backend.auth, props: { rmaId: 'order 42' } }),
    );
    expect(error).toMatchObject({
      name: 'ConfigurationError',
      message: 'Some fields are not valid: id: must be an id starting with "rma_".',
    });
  });

  it('names the account field when the base URL is not a URL', async () => {
    const error = await errorOf(() =>
      runAction(getRma, { auth: { ...backend.auth, base_url: 'api.example.com' }, props: { rmaId: ids[0] } }),
    );
    expect(error).toMatchObject({ name: 'ConfigurationError', message: expect.stringContaining('baseUrl') });
  });

  it('reports an unreachable API without the key or the request in the error', async () => {
    const port = await closedPort();
    const auth = { api_key: 'rk_secret_never_logged_1234', base_url: `http://127.0.0.1:${port}` };
    const error = await errorOf(() => runAction(getRma, { auth, props: { rmaId: ids[0] } }));
    expect(error.message).toContain(`Could not reach the returns API at http://127.0.0.1:${port}`);
    const everything = JSON.stringify(error, Object.getOwnPropertyNames(error)) + String(error.stack);
    expect(everything).not.toContain(auth.api_key);
    expect(Object.keys(error)).not.toContain('config');
  });
});

describe('List RMAs', () => {
  it('follows pages up to Max Results, newest first', async () => {
    const { value, summary } = await runAction(listRmas, { auth: backend.auth, props: { limit: 120 } });
    const listed = (value as { id: string }[]).map((rma) => rma.id);
    expect(listed).toEqual([...ids].reverse().slice(0, 120));
    expect(summary).toBe('Listed 120 RMAs');
  });

  it('defaults to 50 and passes the filters through', async () => {
    const all = await runAction(listRmas, { auth: backend.auth });
    expect(all.value).toHaveLength(50);
    const vip = await runAction(listRmas, {
      auth: backend.auth,
      props: { customerEmail: 'vip@example.com' },
    });
    expect((vip.value as { customer: { email: string } }[]).map((r) => r.customer.email)).toEqual(
      Array(RETURNS / 10).fill('vip@example.com'),
    );
    const approved = await runAction(listRmas, {
      auth: backend.auth,
      props: { status: 'APPROVED', kind: 'trade_return' },
    });
    expect(approved.summary).toBe('Listed 1 RMA');
    const repairs = await runAction(listRmas, { auth: backend.auth, props: { kind: 'offline_repair' } });
    expect(repairs.value).toEqual([]);
  });

  it('names a filter the API cannot take', async () => {
    const error = await errorOf(() =>
      runAction(listRmas, { auth: backend.auth, props: { createdAfter: 'yesterday' } }),
    );
    expect(error).toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringContaining('created_after: must be a date and time such as 2025-01-31T09:00:00Z'),
    });
  });
});

describe('Find RMA', () => {
  it('finds by external reference, by id, or the newest of a customer, and says when nothing matches', async () => {
    const id = ids[77]!;
    const byReference = await runAction(findRma, {
      auth: backend.auth,
      props: { externalReference: 'SO-77' },
    });
    expect((byReference.value as { id: string }[]).map((rma) => rma.id)).toEqual([id]);
    expect(byReference.summary).toBe(`Found RMA ${id}`);
    const byId = await runAction(findRma, { auth: backend.auth, props: { rmaId: ids[3] } });
    expect((byId.value as { id: string }[]).map((rma) => rma.id)).toEqual([ids[3]]);
    const byCustomer = await runAction(findRma, {
      auth: backend.auth,
      props: { customerEmail: 'vip@example.com' },
    });
    expect((byCustomer.value as { id: string }[])[0]!.id).toBe(ids[120]);
    const none = await runAction(findRma, { auth: backend.auth, props: { externalReference: 'SO-NONE' } });
    expect(none).toMatchObject({ value: [], summary: 'No RMA matches' });
  });
});

describe('List Events', () => {
  it('lists the log newest first, filtered by type and RMA, up to Limit', async () => {
    const { value, summary } = await runAction(listEvents, {
      auth: backend.auth,
      props: { type: 'return.ready', limit: 10 },
    });
    expect(value).toEqual([
      expect.objectContaining({ type: 'return.ready', subject: { type: 'rma', id: ids[5] } }),
    ]);
    expect(summary).toBe('Listed 1 event');
    const aboutOne = await runAction(listEvents, { auth: backend.auth, props: { subjectId: ids[7] } });
    expect((aboutOne.value as { type: string }[]).map((e) => e.type)).toEqual(['return.created']);
    const some = await runAction(listEvents, { auth: backend.auth, props: { limit: 3 } });
    expect(some.value).toHaveLength(3);
  });
});

describe('the RMA ID dropdown', () => {
  it('pages through every RMA with the context it hands back', async () => {
    const seen: string[] = [];
    let page = await loadOptions(getRma, 'rmaId', backend.auth);
    for (let n = 0; page.options.length > 0; n++) {
      seen.push(...page.options.map((o) => (o as { value: string }).value));
      page = await loadOptions(getRma, 'rmaId', backend.auth, page.context, n + 1);
    }
    expect(seen).toEqual([...ids].reverse());
    const first = (await loadOptions(getRma, 'rmaId', backend.auth)).options[0];
    expect(first).toEqual({ label: `${ids.at(-1)} · REQUESTED · c129@example.com`, value: ids.at(-1) });
  });

  it('offers the contract statuses and kinds, labelled by the catalogue', async () => {
    expect((await loadOptions(listRmas, 'status', backend.auth)).options).toContainEqual({
      label: 'Ready For Pickup',
      value: 'READY_FOR_PICKUP',
    });
    expect((await loadOptions(listRmas, 'kind', backend.auth)).options).toEqual([
      { label: 'Trade Return', value: 'trade_return' },
      { label: 'Offline Repair', value: 'offline_repair' },
    ]);
  });
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
