import { generateWebhookSecret, sampleEvent, signWebhook } from '@returns-pack/shared-client';
import { loadComponent } from '../harness';
import type { DeployedSource } from '../harness';
import { envelopes, sourceFixture } from './support/sources';

/** #18's trigger settings on a Pipedream instant source, through the harness against the mock. */
const returnCreated = loadComponent('sources/new-return-instant/new-return-instant.mjs');
const fixture = sourceFixture();

async function subscriptionInApi(id: string): Promise<{ conditions: unknown }> {
  const response = await fetch(`${fixture.backend.server.url}/external/v1/webhooks/${id}`, {
    headers: { 'x-api-key': fixture.backend.auth.api_key },
  });
  return (await response.json()) as { conditions: unknown };
}

const post = (source: DeployedSource, signed: { headers: Record<string, string>; body: string }) =>
  fetch(source.http!.endpoint, { method: 'POST', headers: signed.headers, body: signed.body });

it('Shipping Status and Return Type props become the subscription’s conditions', async () => {
  const source = await fixture.deploy(returnCreated, {
    shippingStatus: ['pre_transit'],
    returnType: ['exchange', 'refund'],
  });
  const { id } = source.db.get('subscription') as { id: string };
  expect((await subscriptionInApi(id)).conditions).toEqual({
    shipping_status: ['pre_transit'],
    return_type: ['exchange', 'refund'],
  });
});

it('a delivery signed with the Previous Secret is emitted; without it, refused', async () => {
  const previous = generateWebhookSecret('hmac-sha256');
  const event = sampleEvent('return.created');
  const signed = await signWebhook({ scheme: 'hmac-sha256', secret: previous, event });

  const without = await fixture.deploy(returnCreated);
  expect((await post(without, signed)).status).toBe(401);
  expect(without.emitted).toEqual([]);

  const withPrevious = await fixture.deploy(returnCreated, { previousSecret: previous });
  expect((await post(withPrevious, signed)).status).toBe(200);
  expect(envelopes(withPrevious.emitted).map((e) => e.id)).toContain(event.id);
});
