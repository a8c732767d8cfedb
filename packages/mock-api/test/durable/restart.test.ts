import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, tradeReturnBody } from '../helpers/harness';
import type { Api, Harness } from '../helpers/harness';
import { startReceiver } from '../delivery/helpers/receiver';
import type { Receiver } from '../delivery/helpers/receiver';

/**
 * A graceful stop and a start on the same data folder: everything time-driven picks up where it was.
 * (test/durable/crash-recovery.test.ts does the same through `kill -9`.)
 */
const HOUR = 3600;
let dataDir: string;
let receiver: Receiver;
let healthy = false;
const running: Harness[] = [];

const start = async () => {
  const h = await startHarness({ dataDir, slaSeconds: 2 * HOUR, autoCloseSeconds: 3 * HOUR });
  running.push(h);
  return h;
};

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'returns-mock-restart-'));
  healthy = false;
  receiver = await startReceiver(() => (healthy ? 200 : 503));
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.close()));
  await receiver.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function restart(h: Harness): Promise<Harness> {
  await h.close();
  running.splice(running.indexOf(h), 1);
  return start();
}

const advance = (admin: Api, seconds: number) => admin.post('/admin/v1/clock/advance', { seconds });

test('a retry waiting on the clock resumes on its schedule, with the attempts logged before the stop', async () => {
  let h = await start();
  const { body: sub } = await h.api.post('/external/v1/webhooks', {
    url: receiver.url,
    events: ['return.created'],
    retry_policy: 'exponential',
    retry_schedule: [60, 600],
  });
  const { body: rma } = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
  await receiver.waitFor(1);
  await h.server.delivery.settled();

  const owner = { 'x-api-key': h.client.api_key };
  h = await restart(h);
  const client = h.api.as(owner);
  healthy = true;
  expect(h.server.delivery.pending()).toBe(1);
  expect(receiver.received).toHaveLength(1);

  await advance(h.admin, 61);
  const [first, second] = await receiver.waitFor(2);
  expect(second!.event).toMatchObject({
    id: first!.event.id,
    type: 'return.created',
    subject: { id: rma.id },
  });
  await h.server.delivery.settled();
  expect(h.server.delivery.pending()).toBe(0);
  const log = await client.get(`/external/v1/webhooks/${sub.id}/deliveries`);
  expect(log.body.data.map((a: { attempt: number; outcome: string }) => [a.attempt, a.outcome])).toEqual([
    [2, 'delivered'],
    [1, 'failed'],
  ]);
});

test('the clock offset, the SLA checks, the auto-close countdowns and the admin token survive', async () => {
  let h = await start();
  const token = h.server.adminToken;
  const { body: breaching } = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
  const { body: closing } = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
  for (const to of ['APPROVED', 'LABEL_CREATED', 'IN_TRANSIT', 'DELIVERED']) {
    expect((await h.admin.post(`/admin/v1/rmas/${closing.id}/transitions`, { to })).status).toBe(200);
  }
  await advance(h.admin, HOUR);

  h = await restart(h);
  expect(h.server.adminToken).toBe(token);
  expect((await h.admin.get('/admin/v1/clock')).body.offset_seconds).toBe(HOUR);
  await advance(h.admin, HOUR + 1);
  expect((await h.api.get(`/external/v1/rmas/${breaching.id}`)).body.sla.breached_at).not.toBeNull();
  await advance(h.admin, HOUR);
  expect((await h.api.get(`/external/v1/rmas/${closing.id}`)).body.status).toBe('CLOSED');
  const events = await h.api.get(`/external/v1/events?subject_id=${closing.id}&limit=100`);
  expect(events.body.data.map((e: { type: string }) => e.type)).toContain('autoclose.completed');
});

test('an Idempotency-Key answered before the stop is answered the same after it', async () => {
  let h = await start();
  const key = { headers: { 'Idempotency-Key': 'before-restart' } };
  const made = await h.api.post('/external/v1/trade-returns', tradeReturnBody(), key);
  const clientKey = { 'x-api-key': h.client.api_key };
  h = await restart(h);
  const again = await h.api.as(clientKey).post('/external/v1/trade-returns', tradeReturnBody(), key);
  expect(again.status).toBe(201);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect(again.body.id).toBe(made.body.id);
});
