import type { Harness } from '../helpers/harness';
import { offlineRepairBody, startHarness, tradeReturnBody } from '../helpers/harness';

/** v1.1 labels: `requires_label` on create (seed 000) and `POST /external/v1/trade-returns/{id}/label`. */
describe('return labels', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ rateLimit: false });
  });
  afterAll(() => h.close());

  const create = async (overrides: Record<string, unknown> = {}) =>
    (await h.api.post('/external/v1/trade-returns', tradeReturnBody(overrides))).body;
  const label = (id: string, body?: unknown) => h.api.post(`/external/v1/trade-returns/${id}/label`, body);
  /** Oldest first, as the subject's sequence runs. */
  const eventsOf = async (id: string) =>
    (
      (await h.api.get(`/external/v1/events?subject_id=${id}`)).body.data as {
        type: string;
        sequence: number;
      }[]
    )
      .slice()
      .reverse();

  test('requires_label: the 201 carries the label; history REQUESTED → APPROVED → LABEL_CREATED; label.generated follows return.created', async () => {
    const res = await h.api.post('/external/v1/trade-returns', tradeReturnBody({ requires_label: true }));
    expect(res.status).toBe(201);
    const rma = res.body;
    expect(rma.status).toBe('LABEL_CREATED');
    expect(rma.label).toEqual({
      carrier: 'UPS',
      tracking_number: expect.stringMatching(/^1Z[0-9A-F]+$/),
      url: expect.stringMatching(/^https:\/\//),
    });
    expect(rma.shipment.tracking_number).toBe(rma.label.tracking_number);
    expect(rma.history.map((e: { status: string }) => e.status)).toEqual([
      'REQUESTED',
      'APPROVED',
      'LABEL_CREATED',
    ]);
    const events = await eventsOf(rma.id);
    expect(events.map((e) => [e.sequence, e.type])).toEqual([
      [1, 'return.created'],
      [2, 'return.ready'],
      [3, 'label.generated'],
    ]);
    // What a GET answers is what the 201 said.
    expect((await h.api.get(`/external/v1/trade-returns/${rma.id}`)).body.label).toEqual(rma.label);
  });

  test('without requires_label there is no label and no label.generated', async () => {
    const rma = await create({ requires_label: false });
    expect(rma.label).toBeNull();
    expect((await eventsOf(rma.id)).map((e) => e.type)).toEqual(['return.created']);
  });

  test('POST …/label on a REQUESTED return approves it first, uses the carrier given, emits label.generated', async () => {
    const rma = await create();
    const res = await label(rma.id, { carrier: 'DHL' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('LABEL_CREATED');
    expect(res.body.label.carrier).toBe('DHL');
    expect(res.body.history.map((e: { status: string }) => e.status)).toEqual([
      'REQUESTED',
      'APPROVED',
      'LABEL_CREATED',
    ]);
    expect((await eventsOf(rma.id)).map((e) => e.type)).toEqual([
      'return.created',
      'return.ready',
      'label.generated',
    ]);
  });

  test('on an APPROVED return with no body: the default carrier, one event', async () => {
    const rma = await create();
    await h.api.post(`/external/v1/rmas/${rma.id}/transitions`, { to: 'APPROVED' });
    const res = await label(rma.id);
    expect(res.status).toBe(200);
    expect(res.body.label.carrier).toBe('UPS');
    expect((await eventsOf(rma.id)).map((e) => e.type).at(-1)).toBe('label.generated');
  });

  test('409 when it has a label already, or is past that point; 404 for a repair; bad carrier names the field', async () => {
    const labelled = await create({ requires_label: true });
    const again = await label(labelled.id);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    expect(again.body.error.message).toContain('already has a label');

    const canceled = await create();
    await h.api.post(`/external/v1/rmas/${canceled.id}/transitions`, { to: 'CANCELED' });
    const past = await label(canceled.id);
    expect(past.status).toBe(409);
    expect(past.body.error.code).toBe('invalid_transition');
    expect(past.body.error.message).toContain('in CANCELED');

    const repair = (await h.api.post('/external/v1/offline-repairs', offlineRepairBody())).body;
    expect((await label(repair.id)).status).toBe(404);

    const bad = await label((await create()).id, { carrier: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('carrier');
  });
});
