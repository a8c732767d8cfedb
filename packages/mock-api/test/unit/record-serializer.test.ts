import { EventEnvelope, Page, Rma } from '@returns-pack/shared-client';
import { createServices } from '../../src/domain/services';
import { seedDemoRmas } from '../../src/domain/seed';
import { recordSerializer } from '../../src/http/record-serializer';

const services = createServices();
afterAll(() => services.stop());
const rmas = seedDemoRmas(services, 30).reverse();

test('a page of RMAs serializes to exactly what JSON.stringify gives', () => {
  const page = { data: rmas.slice(0, 25), has_more: true, next_cursor: 'cDU=' };
  expect(recordSerializer(Page(Rma))(page)).toBe(JSON.stringify(page));
  const last = { data: [], has_more: false, next_cursor: null };
  expect(recordSerializer(Page(Rma))(last)).toBe(JSON.stringify(last));
});

test('one record, and events with their nested RMA, too', () => {
  expect(recordSerializer(Rma)(rmas[0])).toBe(JSON.stringify(rmas[0]));
  const events = services.events.list({ limit: 10 });
  expect(recordSerializer(Page(EventEnvelope))(events)).toBe(JSON.stringify(events));
});

test('a record is serialized once; a changed RMA is a new object and gets its own JSON', () => {
  const serialize = recordSerializer(Rma);
  const open = rmas.find((r) => r.status === 'REQUESTED')!;
  const first = serialize(open);
  // Same object, same JSON: mutating it in place (which nothing may do) would not show.
  (open as { status: string }).status = 'MUTATED';
  expect(serialize(open)).toBe(first);
  (open as { status: string }).status = 'REQUESTED';
  const approved = services.rmas.transition(open.id, 'APPROVED');
  expect(JSON.parse(serialize(approved)).status).toBe('APPROVED');
});
