import { sampleEvent, signWebhook } from '@returns-pack/shared-client';
import { loadComponent } from '../harness';
import type { DeployedSource, Emitted } from '../harness';
import { envelopes, sourceFixture } from './support/sources';

const returnCreated = loadComponent('sources/new-return-instant/new-return-instant.mjs');
const shipmentDelivered = loadComponent('sources/shipment-delivered-instant/shipment-delivered-instant.mjs');
const rmaBreached = loadComponent('sources/rma-breach-instant/rma-breach-instant.mjs');
const eventReceived = loadComponent('sources/new-event-instant/new-event-instant.mjs');

interface Subscription {
  id: string;
  url: string;
  events: string[];
  secret: string;
  scheme: string;
}

const fixture = sourceFixture();
const createReturn = (email = 'jane.doe@example.com') => fixture.createReturn(email);

async function listSubscriptions(): Promise<{ id: string; url: string; events: string[] }[]> {
  const response = await fetch(`${fixture.backend.server.url}/external/v1/webhooks`, {
    headers: { 'x-api-key': fixture.backend.auth.api_key },
  });
  return ((await response.json()) as { data: { id: string; url: string; events: string[] }[] }).data;
}

async function deleteByHand(webhookId: string): Promise<void> {
  const response = await fetch(`${fixture.backend.server.url}/external/v1/webhooks/${webhookId}`, {
    method: 'DELETE',
    headers: { 'x-api-key': fixture.backend.auth.api_key },
  });
  expect(response.status).toBe(200);
}

const subscriptionOf = (source: DeployedSource) => source.db.get('subscription') as Subscription;
const http = (source: DeployedSource) => source.http!;

async function post(source: DeployedSource, body: string, headers: Record<string, string>) {
  const response = await fetch(http(source).endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, body: await response.text() };
}

describe('instant sources', () => {
  it('subscribe on activate and emit one verified event per delivery, with id, summary and ts', async () => {
    const source = await fixture.deploy(returnCreated);
    const subscription = subscriptionOf(source);
    expect(subscription).toMatchObject({ id: expect.stringMatching(/^wh_/), secret: expect.any(String) });
    expect(await listSubscriptions()).toEqual([
      expect.objectContaining({
        id: subscription.id,
        url: http(source).endpoint,
        events: ['return.created'],
      }),
    ]);

    const rmaId = await createReturn();
    await http(source).untilAnswered(1);
    expect(http(source).responses).toEqual([
      { status: 200, body: { received: expect.stringMatching(/^evt_/) } },
    ]);
    expect(subscription.scheme).toBe('hmac-sha256');
    const [{ meta }] = source.emitted as [Emitted];
    const [envelope] = envelopes(source.emitted);
    expect(envelope).toMatchObject({ type: 'return.created', data: { rma: { id: rmaId } } });
    expect(meta).toEqual({
      id: envelope!.id,
      summary: `Return Created: ${rmaId} (jane.doe@example.com)`,
      ts: Date.parse(envelope!.created_at),
    });
  });

  it('emit the latest events on deploy, before any webhook arrives', async () => {
    const earlier = [await createReturn('a@example.com'), await createReturn('b@example.com')];
    const source = await fixture.deploy(returnCreated);
    expect(envelopes(source.emitted).map((e) => e.data.rma.id)).toEqual(earlier);
  });

  it('answer a forged delivery with 401, emit nothing, and log only the reason', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const source = await fixture.deploy(returnCreated);
    const forged = await signWebhook({
      scheme: 'hmac-sha256',
      secret: 'whsec_not_the_subscription_secret',
      event: sampleEvent('return.created'),
    });
    expect(await post(source, forged.body, forged.headers)).toEqual({
      status: 401,
      body: JSON.stringify({ error: 'bad_signature' }),
    });
    expect(await post(source, forged.body, {})).toMatchObject({ status: 401 });
    expect(source.emitted).toEqual([]);
    expect(http(source).errors).toEqual([]);
    expect(log.mock.calls).toEqual([
      ['Refused a webhook delivery: bad_signature'],
      ['Refused a webhook delivery: missing_signature'],
    ]);
    log.mockRestore();
  });

  it('refuse a genuine delivery whose body was changed after signing', async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const source = await fixture.deploy(returnCreated);
    const { secret } = subscriptionOf(source);
    const signed = await signWebhook({ scheme: 'hmac-sha256', secret, event: sampleEvent('return.created') });
    const tampered = signed.body.replace('jane.doe@example.com', 'mallory@example.com');
    expect((await post(source, tampered, signed.headers)).status).toBe(401);
    // Re-serialising the parsed body would change the bytes: only the raw body verifies.
    expect(
      (await post(source, JSON.stringify(JSON.parse(signed.body), null, 2), signed.headers)).status,
    ).toBe(401);
    expect((await post(source, signed.body, signed.headers)).status).toBe(200);
    expect(source.emitted).toHaveLength(1);
    jest.restoreAllMocks();
  });

  it('emit a delivery seen twice only once (dedupe on the event id, kept in db)', async () => {
    const source = await fixture.deploy(returnCreated);
    const { secret } = subscriptionOf(source);
    const signed = await signWebhook({ scheme: 'hmac-sha256', secret, event: sampleEvent('return.created') });
    expect(await post(source, signed.body, signed.headers)).toMatchObject({ status: 200 });
    expect(await post(source, signed.body, signed.headers)).toEqual({
      status: 200,
      body: JSON.stringify({ received: sampleEvent('return.created').id, ignored: 'duplicate' }),
    });
    expect(source.emitted).toHaveLength(1);
    // Recognised before $emit, so Pipedream's own dedupe (the last 100 ids) had nothing to drop.
    expect(source.duplicates).toEqual([]);
    expect(source.db.get('seenEvents')).toEqual([sampleEvent('return.created').id]);
  });

  it('acknowledge an event of another type without emitting it', async () => {
    const source = await fixture.deploy(returnCreated);
    const { secret } = subscriptionOf(source);
    const signed = await signWebhook({ scheme: 'hmac-sha256', secret, event: sampleEvent('rma.breach') });
    expect(await post(source, signed.body, signed.headers)).toEqual({
      status: 200,
      body: JSON.stringify({ received: sampleEvent('rma.breach').id, ignored: 'other_event_type' }),
    });
    expect(source.emitted).toEqual([]);
  });

  it('refuse to deploy with a sender the catalogue does not know, naming the field', async () => {
    await expect(fixture.deploy(returnCreated, { sender: 'acme' })).rejects.toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringContaining(
        'sender: must be one of returns_api, returnflows, redo, swap, standard_webhooks',
      ),
    });
  });

  it('fail closed when no subscription secret is stored', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const source = await fixture.deploy(returnCreated);
    const { secret } = subscriptionOf(source);
    source.db.set('subscription', null);
    const signed = await signWebhook({ scheme: 'hmac-sha256', secret, event: sampleEvent('return.created') });
    expect(await post(source, signed.body, signed.headers)).toEqual({
      status: 401,
      body: JSON.stringify({ error: 'missing_secret' }),
    });
    expect(source.emitted).toEqual([]);
    expect(log.mock.calls).toEqual([['Refused a webhook delivery: missing_secret']]);
    log.mockRestore();
  });

  it('delete the subscription on deactivate, and survive one that is already gone or never made', async () => {
    const kept = await fixture.deploy(returnCreated);
    const removed = await fixture.deploy(returnCreated);
    const gone = await fixture.deploy(returnCreated);
    const neverMade = await fixture.deploy(returnCreated);
    await deleteByHand(subscriptionOf(neverMade).id);
    neverMade.db.set('subscription', null);
    await deleteByHand(subscriptionOf(gone).id);

    await fixture.remove(removed);
    await fixture.remove(gone);
    await fixture.remove(neverMade);
    expect((await listSubscriptions()).map((s) => s.id)).toEqual([subscriptionOf(kept).id]);
    expect(removed.db.get('subscription')).toBeNull();
    expect(gone.db.get('subscription')).toBeNull();
  });

  it('emit a shipment delivered when the return arrives', async () => {
    const rmaId = await createReturn();
    const source = await fixture.deploy(shipmentDelivered);
    for (const to of ['APPROVED', 'LABEL_CREATED', 'IN_TRANSIT', 'DELIVERED']) {
      await fixture.backend.admin.transition(rmaId, to);
    }
    await http(source).untilAnswered(1);
    expect(envelopes(source.emitted).map((e) => e.type)).toEqual(['shipment.delivered']);
    expect(source.emitted[0]!.meta.summary).toBe(`Shipment Delivered: ${rmaId} (jane.doe@example.com)`);
    expect(source.component.key).toBe('returns_pack-shipment-delivered-instant');
  });

  it('emit a breach when the SLA passes on the server clock', async () => {
    const rmaId = await createReturn();
    const source = await fixture.deploy(rmaBreached);
    await fixture.backend.admin.advanceClock(15 * 86_400);
    await http(source).untilAnswered(1);
    expect(source.emitted.map((e) => e.meta.summary)).toEqual([
      `RMA Breach: ${rmaId} (jane.doe@example.com)`,
    ]);
  });

  it('subscribe to the chosen types, or to every event when none is chosen', async () => {
    const chosen = await fixture.deploy(eventReceived, { eventTypes: ['return.ready', 'return.canceled'] });
    const every = await fixture.deploy(eventReceived);
    expect(await listSubscriptions()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: subscriptionOf(chosen).id,
          events: ['return.ready', 'return.canceled'],
        }),
        expect.objectContaining({ id: subscriptionOf(every).id, events: ['*'] }),
      ]),
    );
    const rmaId = await createReturn();
    await fixture.backend.admin.transition(rmaId, 'APPROVED');
    await http(chosen).untilAnswered(1);
    await http(every).untilAnswered(2);
    expect(envelopes(chosen.emitted).map((e) => e.type)).toEqual(['return.ready']);
    expect(envelopes(every.emitted).map((e) => e.type)).toEqual(['return.created', 'return.ready']);
  });
});
