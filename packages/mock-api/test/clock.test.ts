import type { EventEnvelope, Rma } from '@returns-pack/shared-client';
import type { Harness } from './helpers/harness';
import { startHarness, tradeReturnBody } from './helpers/harness';

const SLA = 3600;
const AUTO_CLOSE = 600;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ rateLimit: false, slaSeconds: SLA, autoCloseSeconds: AUTO_CLOSE });
});
afterAll(() => h.close());

const advance = async (seconds: number) => {
  const res = await h.admin.post('/admin/v1/clock/advance', { seconds });
  expect(res.status).toBe(200);
  return res.body;
};
const transition = (id: string, to: string) => h.admin.post(`/admin/v1/rmas/${id}/transitions`, { to });
const create = async (): Promise<Rma> =>
  (await h.api.post('/external/v1/trade-returns', tradeReturnBody())).body;
const get = async (id: string): Promise<Rma> => (await h.api.get(`/external/v1/rmas/${id}`)).body;
const typesOf = (id: string) =>
  h.server.services.events
    .list({ subject_id: id, limit: 100 })
    .data.map((e: EventEnvelope) => e.type)
    .reverse();
async function deliver(id: string) {
  for (const to of ['APPROVED', 'LABEL_CREATED', 'IN_TRANSIT', 'DELIVERED']) {
    expect((await transition(id, to)).status).toBe(200);
  }
}

describe('the admin clock', () => {
  test('reads and advances; everything time-based follows it', async () => {
    const before = (await h.admin.get('/admin/v1/clock')).body;
    const after = await advance(90);
    expect(after.offset_seconds).toBe(before.offset_seconds + 90);
    expect(Date.parse(after.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(90_000);
    const rma = await create();
    expect(Date.parse(rma.created_at)).toBeGreaterThanOrEqual(Date.parse(after.now));
  });

  test.each([
    [{ seconds: 0 }],
    [{ seconds: -5 }],
    [{ seconds: 1.5 }],
    [{ seconds: '60' }],
    [{}],
    [{ seconds: 5, days: 1 }],
  ])('refuses %j', async (body) => {
    const res = await h.admin.post('/admin/v1/clock/advance', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});

describe('SLA breaches', () => {
  test('an open RMA breaches once when the clock passes sla.due_at', async () => {
    const rma = await create();
    await advance(SLA - 1);
    expect((await get(rma.id)).sla.breached_at).toBeNull();
    await advance(1);
    const breached = await get(rma.id);
    expect(breached.sla.breached_at).toEqual(expect.any(String));
    expect(Date.parse(breached.sla.breached_at!)).toBeGreaterThanOrEqual(Date.parse(rma.sla.due_at));
    await advance(SLA * 3);
    expect(typesOf(rma.id).filter((t) => t === 'rma.breach')).toHaveLength(1);
    const [event] = (await h.api.get(`/external/v1/events?type=rma.breach&subject_id=${rma.id}`)).body.data;
    expect(event.data.rma.sla.breached_at).toBe(breached.sla.breached_at);
    expect(
      (await h.api.get('/external/v1/rmas?breached=true&limit=100')).body.data.map((r: Rma) => r.id),
    ).toContain(rma.id);
  });

  test('a closed or canceled RMA never breaches', async () => {
    const canceled = await create();
    await transition(canceled.id, 'CANCELED');
    const autoClosed = await create();
    await deliver(autoClosed.id);
    await advance(SLA * 2);
    for (const id of [canceled.id, autoClosed.id]) {
      expect((await get(id)).sla.breached_at).toBeNull();
      expect(typesOf(id)).not.toContain('rma.breach');
    }
  });

  test('one scheduled check serves every RMA', async () => {
    for (let i = 0; i < 20; i++) await create();
    expect(h.server.services.sla.pending).toBeGreaterThanOrEqual(20);
    await advance(SLA);
    expect(h.server.services.sla.pending).toBe(0);
  });
});

describe('auto-close', () => {
  test('DELIVERED starts the countdown; still DELIVERED at the end: CLOSED', async () => {
    const rma = await create();
    await deliver(rma.id);
    expect(typesOf(rma.id).slice(-2)).toEqual(['shipment.delivered', 'autoclose.started']);
    await advance(AUTO_CLOSE - 1);
    expect((await get(rma.id)).status).toBe('DELIVERED');
    await advance(1);
    const closed = await get(rma.id);
    expect(closed.status).toBe('CLOSED');
    expect(closed.history.at(-1)).toMatchObject({ status: 'CLOSED', note: 'closed automatically' });
    expect(typesOf(rma.id).slice(-3)).toEqual([
      'autoclose.started',
      'return.completed',
      'autoclose.completed',
    ]);
  });

  test('leaving DELIVERED first cancels it, once, and nothing happens at the deadline', async () => {
    const rma = await create();
    await deliver(rma.id);
    await transition(rma.id, 'RECEIVED');
    await advance(AUTO_CLOSE * 2);
    expect((await get(rma.id)).status).toBe('RECEIVED');
    expect(typesOf(rma.id).slice(-3)).toEqual(['autoclose.started', 'return.updated', 'autoclose.canceled']);
  });

  test('PAUSED at the deadline: autoclose.failed, and the RMA stays PAUSED', async () => {
    const rma = await create();
    await deliver(rma.id);
    await transition(rma.id, 'PAUSED');
    await advance(AUTO_CLOSE);
    expect((await get(rma.id)).status).toBe('PAUSED');
    expect(typesOf(rma.id).slice(-3)).toEqual(['autoclose.started', 'return.paused', 'autoclose.failed']);
    // Resuming to DELIVERED starts a new countdown, which can complete.
    await transition(rma.id, 'DELIVERED');
    await advance(AUTO_CLOSE);
    expect((await get(rma.id)).status).toBe('CLOSED');
    expect(typesOf(rma.id).slice(-4)).toEqual([
      'return.resumed',
      'autoclose.started',
      'return.completed',
      'autoclose.completed',
    ]);
  });

  test('a pause and resume within the countdown keep the original deadline', async () => {
    const rma = await create();
    await deliver(rma.id);
    await advance(AUTO_CLOSE / 2);
    await transition(rma.id, 'PAUSED');
    await transition(rma.id, 'DELIVERED');
    await advance(AUTO_CLOSE / 2);
    expect((await get(rma.id)).status).toBe('CLOSED');
    expect(typesOf(rma.id).filter((t) => t === 'autoclose.started')).toHaveLength(1);
  });

  test('canceling a paused RMA with a running countdown cancels the countdown', async () => {
    const rma = await create();
    await deliver(rma.id);
    await transition(rma.id, 'PAUSED');
    await transition(rma.id, 'CANCELED');
    await advance(AUTO_CLOSE);
    expect(typesOf(rma.id).slice(-3)).toEqual(['return.paused', 'return.canceled', 'autoclose.canceled']);
  });

  test('one long advance runs due work in time order: auto-close before a later SLA check', async () => {
    const rma = await create();
    await deliver(rma.id);
    await advance(SLA * 10);
    expect((await get(rma.id)).status).toBe('CLOSED');
    expect(typesOf(rma.id)).not.toContain('rma.breach');
  });
});
