import { loadComponent } from '../harness';
import type { Emitted } from '../harness';
import { envelopes, sourceFixture } from './support/sources';

const returnCreated = loadComponent('sources/new-return/new-return.mjs');
const returnProcessed = loadComponent('sources/return-processed/return-processed.mjs');
const rmaBreached = loadComponent('sources/rma-breach/rma-breach.mjs');
const eventReceived = loadComponent('sources/new-event/new-event.mjs');

const fixture = sourceFixture();

async function createReturns(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await fixture.createReturn(`c${i}@example.com`));
  return ids;
}

describe('polling sources', () => {
  it('emits the 25 latest events on deploy, then each new event once across runs', async () => {
    const before = await createReturns(30);
    const source = await fixture.deploy(returnCreated);
    expect(envelopes(source.emitted).map((e) => e.data.rma.id)).toEqual(before.slice(5));

    await source.run();
    expect(source.emitted).toHaveLength(25);

    const after = await createReturns(3);
    await source.run();
    await source.run();
    const latest = envelopes(source.emitted.slice(25));
    expect(latest.map((e) => e.data.rma.id)).toEqual(after);
    expect(latest.every((e) => e.type === 'return.created')).toBe(true);
    // The source itself never re-emits: Pipedream's dedupe had nothing to drop.
    expect(source.duplicates).toEqual([]);
  });

  it("emits with the event's id, a summary naming the RMA, and the event's time", async () => {
    const source = await fixture.deploy(returnCreated);
    expect(source.emitted).toEqual([]);
    const [rmaId] = await createReturns(1);
    await source.run();
    const [envelope] = envelopes(source.emitted);
    const [{ meta }] = source.emitted as [Emitted];
    expect(meta).toEqual({
      id: envelope!.id,
      summary: `Return Created: ${rmaId} (c0@example.com)`,
      ts: Date.parse(envelope!.created_at),
    });
    expect(envelope!.id.length).toBeLessThan(64);
  });

  it('emits a processed return once it reaches PROCESSED, and nothing for the steps before', async () => {
    const [rmaId] = await createReturns(1);
    const source = await fixture.deploy(returnProcessed);
    for (const to of ['APPROVED', 'LABEL_CREATED', 'IN_TRANSIT', 'DELIVERED', 'RECEIVED']) {
      await fixture.backend.admin.transition(rmaId!, to);
    }
    await source.run();
    expect(source.emitted).toEqual([]);
    await fixture.backend.admin.transition(rmaId!, 'PROCESSED');
    await source.run();
    expect(envelopes(source.emitted).map((e) => [e.type, e.data.rma.id])).toEqual([
      ['return.processed', rmaId],
    ]);
  });

  it('emits an SLA breach when the clock passes the due time', async () => {
    const [rmaId] = await createReturns(1);
    const source = await fixture.deploy(rmaBreached);
    await fixture.backend.admin.advanceClock(15 * 86_400);
    await source.run();
    const [breach] = source.emitted as [Emitted];
    expect(breach.meta.summary).toBe(`RMA Breach: ${rmaId} (c0@example.com)`);
  });

  it('emits only the chosen types, merged in the order they happened', async () => {
    const [first, second] = await createReturns(2);
    const source = await fixture.deploy(eventReceived, { eventTypes: ['return.ready', 'return.canceled'] });
    expect(source.emitted).toEqual([]);
    await fixture.backend.admin.transition(first!, 'APPROVED');
    await fixture.backend.admin.transition(second!, 'CANCELED');
    await fixture.backend.admin.transition(first!, 'LABEL_CREATED');
    await source.run();
    expect(envelopes(source.emitted).map((e) => [e.type, e.data.rma.id])).toEqual([
      ['return.ready', first],
      ['return.canceled', second],
    ]);
  });

  it('emits every type when none is chosen', async () => {
    const source = await fixture.deploy(eventReceived);
    const [rmaId] = await createReturns(1);
    await fixture.backend.admin.transition(rmaId!, 'APPROVED');
    await source.run();
    expect(envelopes(source.emitted).map((e) => e.type)).toEqual(['return.created', 'return.ready']);
  });
});
