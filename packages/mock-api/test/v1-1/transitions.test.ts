import type { Harness } from '../helpers/harness';
import { offlineRepairBody, startHarness, tradeReturnBody } from '../helpers/harness';

/** v1.1 `POST /external/v1/rmas/{id}/transitions`: an integration moves an RMA along. */
describe('integration transitions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ rateLimit: false, transitionRateLimit: false });
  });
  afterAll(() => h.close());

  const create = async (body = tradeReturnBody()) =>
    (await h.api.post('/external/v1/trade-returns', body)).body.id as string;
  const move = (id: string, to: string, note?: string) =>
    h.api.post(`/external/v1/rmas/${id}/transitions`, note === undefined ? { to } : { to, note });

  test('REQUESTED → APPROVED answers 200 with the RMA, records the note and emits return.ready', async () => {
    const id = await create();
    const res = await move(id, 'APPROVED', 'checked by the ERP');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('APPROVED');
    expect(res.body.history.at(-1)).toMatchObject({ status: 'APPROVED', note: 'checked by the ERP' });
    const events = await h.api.get(`/external/v1/events?subject_id=${id}`);
    expect(events.body.data.map((e: { type: string }) => e.type)).toEqual(['return.ready', 'return.created']);
  });

  test('an invalid move is 409 invalid_transition naming the current status and the allowed ones', async () => {
    const id = await create();
    const res = await move(id, 'RECEIVED');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('invalid_transition');
    expect(res.body.error.message).toBe(
      `Cannot move ${id} from REQUESTED to RECEIVED; allowed next states: APPROVED, CANCELED, PAUSED`,
    );
  });

  test.each([
    ['LABEL_CREATED', ['APPROVED'], 'CANCELED, PAUSED'],
    ['IN_TRANSIT', ['APPROVED', 'LABEL_CREATED'], 'CANCELED, PAUSED'],
    ['DELIVERED', ['APPROVED', 'LABEL_CREATED', 'IN_TRANSIT'], 'CANCELED, PAUSED'],
  ])(
    '%s stays admin/label only: 409 even where the machine allows it, and the allowed list leaves it out',
    async (to, adminPath, allowed) => {
      const id = await create();
      for (const step of adminPath) h.server.services.rmas.transition(id, step as never);
      const res = await move(id, to);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('invalid_transition');
      expect(res.body.error.message).toContain(`allowed next states: ${allowed}`);
      expect(res.body.error.message).toContain(`from ${adminPath.at(-1)} to ${to}`);
    },
  );

  test('a final RMA names no allowed move; an offline repair moves along its own machine', async () => {
    const id = await create();
    expect((await move(id, 'CANCELED')).status).toBe(200);
    const res = await move(id, 'APPROVED');
    expect(res.body.error.message).toContain('allowed next states: none (CANCELED is final)');

    const repair = (await h.api.post('/external/v1/offline-repairs', offlineRepairBody())).body.id;
    const moved = await move(repair, 'IN_REPAIR');
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe('IN_REPAIR');
  });

  test('bad input names its field; an unknown RMA is 404', async () => {
    const id = await create();
    const bad = await move(id, 'SHIPPED');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('to');
    const missing = await move('rma_doesnotexist', 'APPROVED');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });
});

describe('120 integration transitions a minute per API client, a budget apart from creation', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  test('the 121st is 429 with Retry-After; creations still pass; the window runs on the test clock', async () => {
    const id = (await h.api.post('/external/v1/trade-returns', tradeReturnBody())).body.id;
    // Pause and resume in turn: 120 valid moves on one RMA.
    for (let i = 1; i <= 120; i++) {
      const res = await h.api.post(`/external/v1/rmas/${id}/transitions`, {
        to: i % 2 ? 'PAUSED' : 'REQUESTED',
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBe('120');
    }
    const refused = await h.api.post(`/external/v1/rmas/${id}/transitions`, { to: 'PAUSED' });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(refused.body.error.message).toContain('status transition requests');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    // Creation's budget (30) is untouched by the transitions.
    const created = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
    expect(created.status).toBe(201);
    expect(created.headers.get('ratelimit-remaining')).toBe('28');

    await h.admin.post('/admin/v1/clock/advance', { seconds: 61 });
    const again = await h.api.post(`/external/v1/rmas/${id}/transitions`, { to: 'PAUSED' });
    expect(again.status).toBe(200);
  });
});
