import { REDO_SAMPLE_PAYLOAD, SWAP_SAMPLE_PAYLOAD } from '@returns-pack/shared-client';
import { TRIGGERS, generateWebhookSecret, sampleEvent, signWebhook } from '@returns-pack/shared-client';
import type { EventType, SignedWebhook, TriggerSpec } from '@returns-pack/shared-client';
import { loadComponent } from '../harness';
import type { DeployedSource } from '../harness';
import { envelopes, sourceFixture } from './support/sources';

/**
 * Every instant source × every sender the verifier knows: a genuine delivery of an event the source
 * serves emits it once, verified; the same delivery signed with a secret the source does not hold
 * is refused with 401 and emits nothing. Redo and SWAP can only say what their payloads express
 * (Redo: created; SWAP: created, processed): for the other sources their genuine delivery must be
 * verified and acknowledged, and not emitted.
 */
const fixture = sourceFixture();
const VENDOR_SECRET = 'vendor-shared-secret-0123456789';
const STANDARD_SECRET = generateWebhookSecret('standard-webhooks');
const SWAP_EVENTS: Partial<Record<EventType, string>> = {
  'return.created': 'returnCreated',
  'return.processed': 'returnProcessed',
};

/** The event a delivery to this source carries: its own, or a created return for New Event. */
const eventOf = (trigger: TriggerSpec): EventType =>
  trigger.events === 'chosen' ? 'return.created' : trigger.events[0]!;

interface Sender {
  id: string;
  props: Record<string, unknown>;
  /** The secret the source verifies with (undefined: the one of its own subscription). */
  secret?: string;
  /** A delivery of `type` signed with `secret`, and the event type it carries after normalizing. */
  deliver(type: EventType, secret: string): Promise<{ delivery: SignedWebhook; carries: EventType }>;
  forgedSecret: string;
}

const ours =
  (scheme: 'hmac-sha256' | 'standard-webhooks', extra = {}) =>
  async (type: EventType, secret: string) => ({
    delivery: await signWebhook({ scheme, secret, event: sampleEvent(type), ...extra }),
    carries: type,
  });

const SENDERS: Sender[] = [
  {
    id: 'returns_api',
    props: {},
    deliver: ours('hmac-sha256'),
    forgedSecret: 'guessed-secret-0123456789',
  },
  {
    id: 'returnflows',
    props: { signatureHeader: 'X-Returnflows-Signature', signatureEncoding: 'base64' },
    secret: VENDOR_SECRET,
    deliver: ours('hmac-sha256', { header: 'X-Returnflows-Signature', encoding: 'base64' }),
    forgedSecret: 'guessed-secret-0123456789',
  },
  {
    id: 'redo',
    props: {},
    secret: VENDOR_SECRET,
    deliver: async (_type, secret) => ({
      delivery: await signWebhook({ scheme: 'bearer', secret, event: REDO_SAMPLE_PAYLOAD }),
      carries: 'return.created',
    }),
    forgedSecret: 'guessed-secret-0123456789',
  },
  {
    id: 'swap',
    props: {},
    secret: VENDOR_SECRET,
    deliver: async (type, secret) => {
      const carries = SWAP_EVENTS[type] ? type : 'return.created';
      const claims = { event: SWAP_EVENTS[carries] };
      return {
        delivery: await signWebhook({ scheme: 'jwt', secret, event: SWAP_SAMPLE_PAYLOAD, claims }),
        carries,
      };
    },
    forgedSecret: 'guessed-secret-0123456789',
  },
  {
    id: 'standard_webhooks',
    props: {},
    secret: STANDARD_SECRET,
    deliver: ours('standard-webhooks'),
    forgedSecret: generateWebhookSecret('standard-webhooks'),
  },
];

async function post(source: DeployedSource, delivery: SignedWebhook) {
  const response = await fetch(source.http!.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...delivery.headers },
    body: delivery.body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const cases = TRIGGERS.flatMap((trigger) =>
  SENDERS.map((sender) => [trigger.key, sender.id, trigger, sender] as const),
);

describe.each(cases)('%s-instant from %s', (key, _id, trigger, sender) => {
  it('emits a genuine delivery once and refuses a forged one', async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const folder = `${key.replaceAll('_', '-')}-instant`;
    const source = await fixture.deploy(loadComponent(`sources/${folder}/${folder}.mjs`), {
      sender: sender.id,
      ...(sender.secret && { signingSecret: sender.secret }),
      ...sender.props,
    });
    source.emitted.splice(0); // the samples a Returns API source emits on deploy
    const secret = sender.secret ?? (source.db.get('subscription') as { secret: string }).secret;
    const { delivery, carries } = await sender.deliver(eventOf(trigger), secret);
    const forged = await sender.deliver(eventOf(trigger), sender.forgedSecret);

    expect((await post(source, forged.delivery)).status).toBe(401);
    const answer = await post(source, delivery);
    expect(answer.status).toBe(200);
    const served = trigger.events === 'chosen' || trigger.events.includes(carries);
    if (served) {
      expect(answer.body).toEqual({ received: expect.any(String) });
      expect(envelopes(source.emitted)).toEqual([
        expect.objectContaining({ id: answer.body.received, type: carries }),
      ]);
    } else {
      expect(answer.body).toEqual({ received: expect.any(String), ignored: 'other_event_type' });
      expect(source.emitted).toEqual([]);
    }
    jest.restoreAllMocks();
  });
});
