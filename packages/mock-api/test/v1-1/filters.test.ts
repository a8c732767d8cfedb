import type { Harness } from '../helpers/harness';
import { offlineRepairBody, startHarness, tradeReturnBody } from '../helpers/harness';

/** v1.1 filters: `external_reference` on the three lists, `types` and `subject_type` on the event log. */
describe('v1.1 list filters', () => {
  let h: Harness;
  const ids: Record<string, string[]> = {};
  beforeAll(async () => {
    h = await startHarness({ rateLimit: false });
    for (const ref of ['SO-1', 'SO-2', 'SO-1', 'SO-10']) {
      const rma = (
        await h.api.post('/external/v1/trade-returns', tradeReturnBody({ external_reference: ref }))
      ).body;
      (ids[ref] ??= []).unshift(rma.id);
    }
    await h.api.post('/external/v1/offline-repairs', offlineRepairBody());
  });
  afterAll(() => h.close());

  test.each(['/external/v1/rmas', '/external/v1/trade-returns'])(
    '%s?external_reference= matches exactly, newest first, paged like the others',
    async (path) => {
      const all = await h.api.get(`${path}?external_reference=SO-1`);
      expect(all.status).toBe(200);
      expect(all.body.data.map((r: { id: string }) => r.id)).toEqual(ids['SO-1']);

      const first = await h.api.get(`${path}?external_reference=SO-1&limit=1`);
      expect(first.body.has_more).toBe(true);
      const second = await h.api.get(
        `${path}?external_reference=SO-1&limit=1&cursor=${first.body.next_cursor}`,
      );
      expect([first.body.data[0].id, second.body.data[0].id]).toEqual(ids['SO-1']);
      expect(second.body.has_more).toBe(false);

      expect((await h.api.get(`${path}?external_reference=SO`)).body.data).toEqual([]);
    },
  );

  test('offline repairs take the filter too (they carry no reference, so nothing matches)', async () => {
    const res = await h.api.get('/external/v1/offline-repairs?external_reference=SO-1');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });

  test('an empty or overlong reference is refused naming the field', async () => {
    const res = await h.api.get(`/external/v1/rmas?external_reference=${'x'.repeat(201)}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('external_reference');
  });

  test('events: `types` is a comma list (any of them matches); `subject_type=rma`', async () => {
    const id = ids['SO-2']![0]!;
    await h.api.post(`/external/v1/trade-returns/${id}/label`);
    const res = await h.api.get(
      `/external/v1/events?subject_id=${id}&subject_type=rma&types=return.created,label.generated`,
    );
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: { type: string }) => e.type)).toEqual(['label.generated', 'return.created']);

    const labels = await h.api.get('/external/v1/events?types=label.generated');
    expect(labels.body.data.map((e: { subject: { id: string } }) => e.subject.id)).toEqual([id]);
  });

  test('an unknown event type in `types`, or another subject_type, is refused naming the field', async () => {
    const bad = await h.api.get('/external/v1/events?types=return.created,return.exploded');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toMatch(/^types/);
    const subject = await h.api.get('/external/v1/events?subject_type=order');
    expect(subject.status).toBe(400);
    expect(subject.body.error.details[0].path).toBe('subject_type');
  });
});
