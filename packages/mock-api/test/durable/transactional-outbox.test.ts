import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStorage } from '../../src/storage/sqlite';
import type { DeliveryQueueRepository, Storage } from '../../src/storage/repositories';
import { startHarness, tradeReturnBody } from '../helpers/harness';
import type { Harness } from '../helpers/harness';
import { startReceiver } from '../delivery/helpers/receiver';
import type { Receiver } from '../delivery/helpers/receiver';

/**
 * The transactional outbox on the durable store: an RMA, its events and their delivery jobs commit
 * together or not at all. Here the job cannot be queued (a write that fails, as on a full disk): the
 * creation must fail whole, leaving no RMA and no event behind, and a retry with the same
 * Idempotency-Key, once writes work again, makes it once and delivers it once.
 */
let dataDir: string;
let storage: Storage;
let harness: Harness;
let receiver: Receiver;
let failing = false;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'returns-mock-outbox-'));
  storage = sqliteStorage(dataDir);
  const queue = storage.deliveryQueue;
  const flaky: DeliveryQueueRepository = Object.create(queue) as DeliveryQueueRepository;
  flaky.push = (lane, job) => {
    if (failing) throw new Error('SQLITE_FULL: database or disk is full');
    queue.push(lane, job);
  };
  harness = await startHarness({ storage, repositories: { deliveryQueue: flaky } });
  receiver = await startReceiver();
  await harness.api.post('/external/v1/webhooks', { url: receiver.url, events: ['return.created'] });
});

afterEach(async () => {
  await harness.close();
  await receiver.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a creation whose delivery job cannot be queued leaves nothing behind, and its retry makes it once', async () => {
  const key = { headers: { 'Idempotency-Key': 'outbox-1' } };
  failing = true;
  const refused = await harness.api.post('/external/v1/trade-returns', tradeReturnBody(), key);
  expect(refused.status).toBe(500);
  expect(JSON.stringify(refused.body)).not.toMatch(/SQLITE|\n\s+at /);
  expect((await harness.api.get('/external/v1/rmas')).body.data).toEqual([]);
  expect((await harness.api.get('/external/v1/events')).body.data).toEqual([]);

  failing = false;
  const made = await harness.api.post('/external/v1/trade-returns', tradeReturnBody(), key);
  expect(made.status).toBe(201);
  const again = await harness.api.post('/external/v1/trade-returns', tradeReturnBody(), key);
  expect(again.body.id).toBe(made.body.id);
  expect((await harness.api.get('/external/v1/rmas')).body.data).toHaveLength(1);
  const [delivered] = await receiver.waitFor(1);
  expect(delivered!.event).toMatchObject({ type: 'return.created', subject: { id: made.body.id } });
  await harness.server.delivery.settled();
  expect(receiver.received).toHaveLength(1);
});

test('the database file is readable by its owner only: it holds the webhook secrets', () => {
  const file = storage.describe().file!;
  expect(file).toBe(join(dataDir, 'returns-mock.sqlite'));
  expect(statSync(file).mode & 0o777).toBe(0o600);
});
