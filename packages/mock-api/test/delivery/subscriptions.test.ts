import { createHmac } from 'node:crypto';
import {
  CreatedWebhookSubscription,
  DEFAULT_RETRY_SCHEDULE,
  WebhookSubscription,
} from '@returns-pack/shared-client';
import { MAX_SUBSCRIPTIONS_PER_CLIENT } from '../../src/delivery/subscription-store';
import { deliveryHarness, OWNER } from './helpers/harness';
import { startReceiver } from './helpers/receiver';
import type { Receiver } from './helpers/receiver';

let r: Receiver;
let h: ReturnType<typeof deliveryHarness>;

beforeEach(async () => {
  r = await startReceiver();
  h = deliveryHarness();
});

afterEach(async () => {
  await h.service.close();
  await r.close();
});

/** The refusal a call ends with, as the HTTP layer would see it. */
async function refusal(call: () => unknown) {
  try {
    await call();
  } catch (error) {
    return error as { code: string; message: string; details?: { path: string; message: string }[] };
  }
  throw new Error('expected a refusal');
}

describe('creating a subscription', () => {
  it('applies the seed defaults and shows the secret once', async () => {
    const created = await h.subscribe({ url: r.url });
    expect(CreatedWebhookSubscription.parse(created)).toEqual(created);
    expect(created).toMatchObject({
      events: ['*'],
      scheme: 'hmac-sha256',
      retry_policy: 'none',
      retry_schedule: [...DEFAULT_RETRY_SCHEDULE],
      conditions: null,
      enabled: true,
      secret: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const read = h.service.getSubscription(OWNER, created.id);
    expect(WebhookSubscription.strict().parse(read)).toEqual(read);
    expect(read).not.toHaveProperty('secret');
    expect(JSON.stringify(h.service.listSubscriptions(OWNER, { limit: 25 }))).not.toContain(created.secret);
  });

  it('generates a secret of the form each scheme needs', async () => {
    const sw = await h.subscribe({ url: r.url, scheme: 'standard-webhooks' });
    expect(sw.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(sw.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    const bearer = await h.subscribe({ url: r.url, scheme: 'bearer', secret: 'my-own-redo-secret-123' });
    expect(bearer.secret).toBe('my-own-redo-secret-123');
  });

  it('refuses a Standard Webhooks secret of the wrong form, naming `secret`', async () => {
    const error = await refusal(() =>
      h.subscribe({ url: r.url, scheme: 'standard-webhooks', secret: 'not-a-whsec-secret-at-all' }),
    );
    expect(error).toMatchObject({ code: 'validation_failed', details: [{ path: 'secret' }] });
  });

  it.each(['https://10.0.0.1/hooks', 'http://hooks.example.com/in', 'https://169.254.169.254/'])(
    'refuses %s as validation_failed naming `url`',
    async (url) => {
      const error = await refusal(() => h.subscribe({ url }));
      expect(error.code).toBe('validation_failed');
      expect(error.details).toEqual([{ path: 'url', message: expect.any(String) }]);
    },
  );

  it(`holds at most ${MAX_SUBSCRIPTIONS_PER_CLIENT} subscriptions per client`, async () => {
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_CLIENT; i++) await h.subscribe({ url: r.url });
    expect(await refusal(() => h.subscribe({ url: r.url }))).toMatchObject({ code: 'conflict' });
    await expect(
      h.service.createSubscription('cli_other', { url: r.url, events: ['*'] }),
    ).resolves.toBeDefined();
  });
});

describe('managing subscriptions', () => {
  it('lists newest first with cursor paging', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await h.subscribe({ url: r.url })).id);
    const first = h.service.listSubscriptions(OWNER, { limit: 3 });
    const second = h.service.listSubscriptions(OWNER, { limit: 3, cursor: first.next_cursor! });
    expect([...first.data, ...second.data].map((s) => s.id)).toEqual(ids.reverse());
    expect(second).toMatchObject({ has_more: false, next_cursor: null });
  });

  it('updates fields, checks a new URL and clears conditions with null', async () => {
    const sub = await h.subscribe({ url: r.url, conditions: { return_type: ['refund'] } });
    h.clock.advance(1);
    const updated = await h.service.updateSubscription(OWNER, sub.id, {
      events: ['return.created'],
      retry_policy: 'exponential',
      retry_schedule: [1, 2],
      conditions: null,
      description: 'ERP',
    });
    expect(updated).toMatchObject({
      events: ['return.created'],
      retry_policy: 'exponential',
      retry_schedule: [1, 2],
      conditions: null,
      description: 'ERP',
    });
    expect(updated.updated_at > sub.updated_at).toBe(true);
    const error = await refusal(() =>
      h.service.updateSubscription(OWNER, sub.id, { url: 'https://192.168.0.10/' }),
    );
    expect(error).toMatchObject({ code: 'validation_failed', details: [{ path: 'url' }] });
    expect(h.service.getSubscription(OWNER, sub.id).url).toBe(r.url);
  });

  it('deletes a subscription and stops its deliveries', async () => {
    const sub = await h.subscribe({ url: r.url });
    expect(h.service.deleteSubscription(OWNER, sub.id)).toEqual({ id: sub.id, deleted: true });
    h.emit('rma_1');
    await h.service.settled();
    expect(r.received).toHaveLength(0);
    expect(await refusal(() => h.service.getSubscription(OWNER, sub.id))).toMatchObject({
      code: 'not_found',
    });
  });

  it("answers not_found for another client's subscription, whatever the call", async () => {
    const sub = await h.subscribe({ url: r.url });
    const other = 'cli_other';
    const calls = [
      () => h.service.getSubscription(other, sub.id),
      () => h.service.updateSubscription(other, sub.id, { enabled: false }),
      () => h.service.deleteSubscription(other, sub.id),
      () =>
        h.service.replay(other, sub.id, {
          start_time: '2020-01-01T00:00:00Z',
          end_time: '2030-01-01T00:00:00Z',
        }),
      () => h.service.sendTest(other, sub.id, {}),
      () => h.service.listDeliveries(other, sub.id, { limit: 25 }),
    ];
    for (const call of calls) expect(await refusal(call)).toMatchObject({ code: 'not_found' });
    expect(h.service.listSubscriptions(other, { limit: 25 }).data).toEqual([]);
    expect(h.service.getSubscription(OWNER, sub.id).enabled).toBe(true);
  });
});

describe('the API-client hook (seed 000)', () => {
  it('gives a client created with a webhook_url a default subscription signed with its webhook secret', async () => {
    const client = { id: 'cli_erp', webhook_url: r.url, webhook_secret: 'whk_the-clients-own-secret' };
    const provisioned = await h.service.provisionDefaultWebhook(client);
    expect(h.service.getSubscription(client.id, provisioned!.id)).toMatchObject({
      url: r.url,
      events: ['*'],
      scheme: 'hmac-sha256',
      retry_policy: 'none',
    });
    h.emit('rma_1', 'rma.breach');
    await h.service.settled();
    const [got] = r.received;
    const expected = createHmac('sha256', client.webhook_secret).update(got!.body).digest('hex');
    expect(got!.headers['x-webhook-signature']).toBe(expected);
  });

  it('refuses a private webhook_url, naming `webhook_url`', async () => {
    const error = await refusal(() =>
      h.service.provisionDefaultWebhook({
        id: 'cli_b',
        webhook_url: 'https://10.9.8.7/',
        webhook_secret: 's',
      }),
    );
    expect(error).toMatchObject({ code: 'validation_failed', details: [{ path: 'webhook_url' }] });
  });
  it('stops delivering to a revoked client at once, giving up (and logging) what was waiting', async () => {
    const revoked = new Set<string>();
    const failing = await startReceiver(() => 500);
    const h2 = deliveryHarness({ isClientActive: (id) => !revoked.has(id) });
    try {
      const sub = await h2.subscribe({
        url: failing.url,
        retry_policy: 'exponential',
        retry_schedule: [5, 5, 5],
      });
      h2.emit('rma_1');
      await h2.service.settled();
      revoked.add(OWNER);
      h2.emit('rma_2');
      await h2.advance(5);
      await h2.advance(5);
      expect(h2.attempts(sub.id).map((a) => [a.event_id, a.attempt, a.outcome, a.error])).toEqual([
        [h2.events.all[0]!.id, 1, 'failed', 'answered 500'],
        [h2.events.all[0]!.id, 2, 'given_up', 'the API client was revoked'],
      ]);
      expect(failing.received).toHaveLength(1);
    } finally {
      await h2.service.close();
      await failing.close();
    }
  });
});
