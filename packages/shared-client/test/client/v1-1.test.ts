import { InvalidTransitionError, ValidationError } from '../../src';
import type { ReturnsClient } from '../../src';
import { startWithClient, tradeReturnBody } from './mock-server';
import type { MockServer } from './mock-server';

/** The client's v1.1 calls against the real mock on loopback. */
let server: MockServer;
let client: ReturnsClient;
beforeAll(async () => {
  ({ server, client } = await startWithClient({ rateLimit: false }));
});
afterAll(() => server.close());

test('rmas.transition moves an RMA; an invalid move is InvalidTransitionError naming current and allowed', async () => {
  const rma = await client.tradeReturns.create(tradeReturnBody(1));
  await expect(client.rmas.transition(rma.id, { to: 'APPROVED', note: 'ok' })).resolves.toMatchObject({
    status: 'APPROVED',
  });
  const refused = client.rmas.transition(rma.id, { to: 'IN_TRANSIT' });
  await expect(refused).rejects.toBeInstanceOf(InvalidTransitionError);
  await expect(refused).rejects.toThrow('from APPROVED to IN_TRANSIT; allowed next states: CANCELED, PAUSED');
});

test('tradeReturns.generateLabel labels it; requires_label on create answers with the label', async () => {
  const rma = await client.tradeReturns.create(tradeReturnBody(2));
  const labelled = await client.tradeReturns.generateLabel(rma.id, { carrier: 'DHL' });
  expect(labelled).toMatchObject({ status: 'LABEL_CREATED', label: { carrier: 'DHL' } });
  const created = await client.tradeReturns.create({ ...tradeReturnBody(3), requires_label: true });
  expect(created.label).not.toBeNull();
});

test('list filters: external_reference on the lists, types (array or comma list) on events', async () => {
  const rma = await client.tradeReturns.create({ ...tradeReturnBody(4), external_reference: 'ERP-only-4' });
  const found = await client.rmas.list({ external_reference: 'ERP-only-4' });
  expect(found.data.map((r) => r.id)).toEqual([rma.id]);
  await client.tradeReturns.generateLabel(rma.id);
  const asArray = await client.events.list({
    subject_id: rma.id,
    types: ['label.generated', 'return.created'],
  });
  const asText = await client.events.list({ subject_id: rma.id, types: 'label.generated,return.created' });
  expect(asArray.data.map((e) => e.type)).toEqual(['label.generated', 'return.created']);
  expect(asText.data).toEqual(asArray.data);
  await expect(client.events.list({ types: ['return.exploded'] })).rejects.toBeInstanceOf(ValidationError);
});

test('webhooks.rotateSecret answers the new secret and when the old one stops', async () => {
  const sub = await client.webhooks.create({ url: 'http://127.0.0.1:9/hooks', events: ['*'] });
  const rotated = await client.webhooks.rotateSecret(sub.id, { grace_seconds: 60 });
  expect(rotated.secret).not.toBe(sub.secret);
  expect(Date.parse(rotated.previous_secret_expires_at)).toBeGreaterThan(Date.now());
  await expect(client.webhooks.rotateSecret(sub.id, { grace_seconds: -1 })).rejects.toThrow(/grace_seconds/);
});
