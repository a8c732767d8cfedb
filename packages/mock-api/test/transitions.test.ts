import {
  OFFLINE_REPAIR_FLOW,
  RmaStatus,
  TRADE_RETURN_FLOW,
  allowedTransitions,
} from '@returns-pack/shared-client';
import type { EventEnvelope, Rma, RmaKind } from '@returns-pack/shared-client';
import type { Harness } from './helpers/harness';
import { offlineRepairBody, startHarness, tradeReturnBody } from './helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ rateLimit: false });
});
afterAll(() => h.close());

const services = () => h.server.services;
const transition = (id: string, to: string, note?: string) =>
  h.admin.post(`/admin/v1/rmas/${id}/transitions`, note === undefined ? { to } : { to, note });
const eventsOf = (id: string): EventEnvelope[] =>
  services().events.list({ subject_id: id, limit: 100 }).data.slice().reverse();

/** Every status an RMA of this kind can be in, each with the path that gets there. */
function reachable(kind: RmaKind): { status: string; path: string[]; pausedFrom?: string }[] {
  const flow: readonly string[] = kind === 'trade_return' ? TRADE_RETURN_FLOW : OFFLINE_REPAIR_FLOW;
  const along = flow.map((status, i) => ({ status, path: flow.slice(1, i + 1) }));
  const open = along.filter((s) => s.status !== 'CLOSED');
  const canceled = { status: 'CANCELED', path: [...open[1]!.path, 'CANCELED'] };
  if (kind === 'offline_repair') return [...along, canceled];
  const paused = open.map((s) => ({ status: 'PAUSED', path: [...s.path, 'PAUSED'], pausedFrom: s.status }));
  return [...along, canceled, ...paused];
}

function create(kind: RmaKind): Rma {
  return kind === 'trade_return'
    ? services().rmas.createTradeReturn({ ...tradeReturnBody(), items: [{ sku: 'A', quantity: 1 }] } as never)
    : services().rmas.createOfflineRepair(offlineRepairBody() as never);
}

describe.each(['trade_return', 'offline_repair'] as const)('the %s status machine over HTTP', (kind) => {
  test.each(
    reachable(kind).map((r) => [r.pausedFrom ? `PAUSED (from ${r.pausedFrom})` : r.status, r] as const),
  )(
    'from %s: every move not allowed is 409 invalid_transition naming the allowed ones; each allowed one works',
    async (_label, { status, path, pausedFrom }) => {
      const at = () => {
        const rma = create(kind);
        for (const step of path) services().rmas.transition(rma.id, step as RmaStatus);
        return rma;
      };
      const rma = at();
      const allowed = allowedTransitions(kind, status as RmaStatus, pausedFrom as RmaStatus | undefined);
      const invalid = RmaStatus.options.filter((s) => !allowed.includes(s));
      expect(invalid.length).toBeGreaterThan(0);
      for (const to of invalid) {
        const res = await transition(rma.id, to);
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('invalid_transition');
        const named = allowed.length > 0 ? allowed.join(', ') : `none (${status} is final)`;
        expect(res.body.error.message).toBe(
          `Cannot move ${rma.id} from ${status} to ${to}; allowed next states: ${named}`,
        );
        expect(res.body.error.details).toEqual([{ path: 'to', message: `allowed next states: ${named}` }]);
      }
      // Refusals change nothing.
      expect(services().rmas.get(rma.id).status).toBe(status);
      for (const to of allowed) {
        const res = await transition(at().id, to);
        expect(res.status).toBe(200);
        expect(res.body.status).toBe(to);
      }
    },
  );
});

test('unknown RMA is 404; unknown status and extra fields are 400', async () => {
  expect((await transition('rma_unknown', 'APPROVED')).status).toBe(404);
  const { body: rma } = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
  const bad = await transition(rma.id, 'SHIPPED');
  expect(bad.status).toBe(400);
  expect(bad.body.error.details[0].path).toBe('to');
  const extra = await h.admin.post(`/admin/v1/rmas/${rma.id}/transitions`, { to: 'APPROVED', by: 'me' });
  expect(extra.body.error.details).toEqual([{ path: 'by', message: 'is not a known field' }]);
});

test('a trade return through its whole flow: fields, history and events', async () => {
  const { body: created } = await h.api.post(
    '/external/v1/trade-returns',
    tradeReturnBody({ return_type: 'exchange', credit_requested: { amount: 19.99, currency: 'EUR' } }),
  );
  const steps: Record<string, Rma> = {};
  for (const to of TRADE_RETURN_FLOW.slice(1)) {
    const res = await transition(created.id, to, `to ${to}`);
    expect(res.status).toBe(200);
    steps[to] = res.body;
  }
  expect(steps.LABEL_CREATED!.label).toEqual({
    carrier: 'UPS',
    tracking_number: expect.stringMatching(/^1Z[0-9A-F]{16}$/),
    url: `https://labels.returns-mock.test/${created.id}.pdf`,
  });
  expect(steps.LABEL_CREATED!.shipment!.tracking_number).toBe(steps.LABEL_CREATED!.label!.tracking_number);
  expect(steps.IN_TRANSIT!.shipment!.status).toBe('in_transit');
  expect(steps.DELIVERED!.shipment).toMatchObject({
    status: 'delivered',
    delivered_at: steps.DELIVERED!.updated_at,
  });
  expect(steps.CREDIT_REQUESTED!.credit!.status).toBe('requested');
  expect(steps.CREDITED!.credit!.status).toBe('credited');
  const closed = steps.CLOSED!;
  expect(closed.history.map((e) => e.status)).toEqual([...TRADE_RETURN_FLOW]);
  expect(closed.history.slice(1).map((e) => e.note)).toEqual(
    TRADE_RETURN_FLOW.slice(1).map((s) => `to ${s}`),
  );

  const events = eventsOf(created.id);
  expect(events.map((e) => e.type)).toEqual([
    'return.created',
    'return.ready',
    'label.generated',
    'shipment.in_transit',
    'return.exchange_released',
    'shipment.delivered',
    'autoclose.started',
    'return.updated',
    'autoclose.canceled',
    'return.processed',
    'trade_return.credit_requested',
    'trade_return.credited',
    'return.completed',
  ]);
  expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
  expect(events.map((e) => e.data.previous_status)).toEqual([
    null,
    'REQUESTED',
    'APPROVED',
    'LABEL_CREATED',
    'LABEL_CREATED',
    'IN_TRANSIT',
    'IN_TRANSIT',
    'DELIVERED',
    'DELIVERED',
    'RECEIVED',
    'PROCESSED',
    'CREDIT_REQUESTED',
    'CREDITED',
  ]);
  // Each event carries the RMA as it was right after its change.
  expect(events.find((e) => e.type === 'label.generated')!.data.rma).toEqual(steps.LABEL_CREATED);
  expect(events.at(-1)!.data.rma).toEqual(closed);
});

test('a refund return in transit does not release an exchange', async () => {
  const { body } = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
  for (const to of ['APPROVED', 'LABEL_CREATED', 'IN_TRANSIT']) await transition(body.id, to);
  expect(eventsOf(body.id).map((e) => e.type)).not.toContain('return.exchange_released');
});

test('pause and resume: back to the status it was paused from', async () => {
  const { body } = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
  await transition(body.id, 'APPROVED');
  const paused = await transition(body.id, 'PAUSED', 'customer on holiday');
  expect(paused.body.status).toBe('PAUSED');
  const wrong = await transition(body.id, 'LABEL_CREATED');
  expect(wrong.body.error.message).toContain('allowed next states: APPROVED, CANCELED');
  const resumed = await transition(body.id, 'APPROVED');
  expect(resumed.status).toBe(200);
  expect((await transition(body.id, 'LABEL_CREATED')).status).toBe(200);
  expect(eventsOf(body.id).map((e) => e.type)).toEqual([
    'return.created',
    'return.ready',
    'return.paused',
    'return.resumed',
    'label.generated',
  ]);
});

test('canceling from any open state emits return.canceled; CANCELED is final', async () => {
  const { body } = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
  await transition(body.id, 'PAUSED');
  const canceled = await transition(body.id, 'CANCELED');
  expect(canceled.body.status).toBe('CANCELED');
  expect(eventsOf(body.id).map((e) => e.type)).toEqual([
    'return.created',
    'return.paused',
    'return.canceled',
  ]);
});

test('an offline repair: every change is offline_repair.status_changed, closing adds return.completed', async () => {
  const { body } = await h.api.post('/external/v1/offline-repairs', offlineRepairBody());
  for (const to of OFFLINE_REPAIR_FLOW.slice(1)) expect((await transition(body.id, to)).status).toBe(200);
  const events = eventsOf(body.id);
  expect(events.map((e) => e.type)).toEqual([
    'return.created',
    'offline_repair.status_changed',
    'offline_repair.status_changed',
    'offline_repair.status_changed',
    'offline_repair.status_changed',
    'return.completed',
  ]);
  expect(events.map((e) => e.data.previous_status)).toEqual([
    null,
    ...OFFLINE_REPAIR_FLOW.slice(0, -1),
    'READY_FOR_PICKUP',
  ]);

  const { body: other } = await h.api.post('/external/v1/offline-repairs', offlineRepairBody());
  await transition(other.id, 'CANCELED');
  expect(eventsOf(other.id).map((e) => e.type)).toEqual([
    'return.created',
    'offline_repair.status_changed',
    'return.canceled',
  ]);
});
