import {
  NEW_EVENT_TRIGGER,
  createMemoryReplayStore,
  TRIGGERS,
  memorySeenEvents,
  readTriggerSettings,
  receiveDelivery,
  sampleEvent,
  signWebhook,
} from '../../src';
import type { SignatureScheme } from '../../src';
import { NOW_MS, SCHEMES, SECRETS } from '../webhooks/helpers';

const newReturn = TRIGGERS.find((t) => t.key === 'new_return')!;
const now = () => NOW_MS;
/** What every trigger hands the receive path; a fresh nonce store each time. */
const stores = (extra = {}) => ({ replayStore: createMemoryReplayStore(), now, ...extra });

async function delivery(scheme: SignatureScheme, type = 'return.created' as const, id?: string) {
  const event = { ...sampleEvent(type), ...(id ? { id } : {}) };
  const signed = await signWebhook({ scheme, secret: SECRETS[scheme], event, now });
  return { headers: signed.headers, rawBody: signed.body };
}

describe('receiveDelivery: the one receive path of every trigger', () => {
  it.each(SCHEMES)('accepts a %s delivery from the Returns API, once', async (scheme) => {
    const settings = readTriggerSettings(newReturn, { sender: 'returns_api', scheme });
    const kept = stores({ seen: memorySeenEvents() });
    const first = await receiveDelivery(await delivery(scheme), settings, [SECRETS[scheme]], kept);
    expect(first).toMatchObject({ outcome: 'accepted', status: 200, event: { type: 'return.created' } });
    const again = await receiveDelivery(await delivery(scheme), settings, [SECRETS[scheme]], kept);
    expect(again).toMatchObject({ outcome: 'ignored', reason: 'duplicate' });
  });

  it.each(SCHEMES)('refuses a forged %s delivery with the verifier’s reason', async (scheme) => {
    const settings = readTriggerSettings(newReturn, { sender: 'returns_api', scheme });
    // Signed by someone who does not hold the subscription's secret.
    const other =
      scheme === 'standard-webhooks'
        ? `whsec_${Buffer.alloc(32, 9).toString('base64')}`
        : 'not-the-secret-0123456789';
    const forged = await signWebhook({ scheme, secret: other, event: sampleEvent('return.created'), now });
    const receipt = await receiveDelivery(
      { headers: forged.headers, rawBody: forged.body },
      settings,
      [SECRETS[scheme]],
      stores(),
    );
    expect(receipt.outcome).toBe('refused');
    expect(receipt.status).toBeGreaterThanOrEqual(400);
  });

  it('fails closed without a secret', async () => {
    const settings = readTriggerSettings(newReturn, {});
    const receipt = await receiveDelivery(await delivery('hmac-sha256'), settings, ['', undefined], stores());
    expect(receipt).toMatchObject({ outcome: 'refused', status: 401, reason: 'missing_secret' });
  });

  it('acknowledges, without starting anything, an event of another type', async () => {
    const settings = readTriggerSettings(newReturn, {});
    const receipt = await receiveDelivery(
      await delivery('hmac-sha256', 'rma.breach' as never),
      settings,
      [SECRETS['hmac-sha256']],
      stores(),
    );
    expect(receipt).toMatchObject({ outcome: 'ignored', status: 200, reason: 'other_event_type' });
  });

  it('New Event takes the chosen types, or every type when none is chosen', async () => {
    const breach = await delivery('hmac-sha256', 'rma.breach' as never);
    const secrets = [SECRETS['hmac-sha256']];
    const all = readTriggerSettings(NEW_EVENT_TRIGGER, { event_types: [] });
    expect(all.events).toEqual(['*']);
    expect((await receiveDelivery(breach, all, secrets, stores())).outcome).toBe('accepted');
    const some = readTriggerSettings(NEW_EVENT_TRIGGER, { event_types: ['return.created'] });
    expect((await receiveDelivery(breach, some, secrets, stores())).outcome).toBe('ignored');
  });
});

describe('readTriggerSettings', () => {
  it('takes the scheme from the sender for vendors, and the chosen one for the Returns API', () => {
    expect(readTriggerSettings(newReturn, { sender: 'redo', scheme: 'jwt' })).toMatchObject({
      sender: 'redo',
      scheme: 'bearer',
      payloadFormat: 'redo',
    });
    expect(
      readTriggerSettings(newReturn, { sender: 'returns_api', scheme: 'jwt', retry: 'false' }),
    ).toMatchObject({
      scheme: 'jwt',
      retry: false,
      events: ['return.created'],
    });
    expect(
      readTriggerSettings(newReturn, {
        sender: 'returnflows',
        signature_header: 'X-Sig',
        signature_encoding: 'base64',
      }),
    ).toMatchObject({ scheme: 'hmac-sha256', header: 'X-Sig', encoding: 'base64' });
  });
});
