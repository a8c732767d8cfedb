import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sampleEvent } from '@returns-pack/shared-client';
import type { EventEnvelope } from '@returns-pack/shared-client';
import { DATABASE_FILE } from '../../src/storage/sqlite';
import type { DeliveryJob } from '../../src/storage/repositories';
import { dataFolder } from './helpers';

const event = (id: string): EventEnvelope => ({ ...sampleEvent('return.updated'), id });
const job = (subscriptionId: string, e: EventEnvelope): DeliveryJob => ({
  subscriptionId,
  ownerId: 'cli_1',
  event: e,
  replay: false,
  attempt: 0,
});

let folder: ReturnType<typeof dataFolder>;
beforeEach(() => (folder = dataFolder()));
afterEach(() => folder.remove());

test('each lane hands out its jobs in order, and a restart resumes the lanes in the order they were queued', () => {
  const storage = folder.open();
  const [e1, e2, e3] = [event('evt_1'), event('evt_2'), event('evt_3')];
  for (const e of [e1, e2, e3]) storage.events.append(e);
  storage.deliveryQueue.push('A', job('wh_a', e1));
  storage.deliveryQueue.push('B', job('wh_b', e2));
  storage.deliveryQueue.push('A', job('wh_a', e3));
  storage.deliveryQueue.peek('A')!.attempt = 2;
  storage.deliveryQueue.retryAt('A', 5_000);
  storage.close();

  const again = folder.open();
  expect([...again.deliveryQueue.lanes()]).toEqual([
    { lane: 'A', subscriptionId: 'wh_a', ownerId: 'cli_1', jobs: 2, dueAtMs: 5_000 },
    { lane: 'B', subscriptionId: 'wh_b', ownerId: 'cli_1', jobs: 1, dueAtMs: null },
  ]);
  expect(again.deliveryQueue.peek('A')).toMatchObject({ event: e1, attempt: 2 });
  again.deliveryQueue.shift('A');
  expect(again.deliveryQueue.length('A')).toBe(1);
  expect(again.deliveryQueue.peek('A')).toMatchObject({ event: e3, attempt: 0 });
  again.deliveryQueue.shift('A');
  expect(again.deliveryQueue.length('A')).toBe(0);
  expect(again.deliveryQueue.peek('A')).toBeUndefined();
  expect(again.deliveryQueue.peek('B')).toMatchObject({ subscriptionId: 'wh_b', event: e2 });
});

test('a job queued by a transaction that rolled back is never handed out, even once its seq is reused', () => {
  const storage = folder.open();
  const [e1, e2] = [event('evt_1'), event('evt_2')];
  expect(() =>
    storage.transaction(() => {
      storage.events.append(e1);
      storage.deliveryQueue.push('A', job('wh_a', e1));
      throw new Error('the change failed');
    }),
  ).toThrow('the change failed');
  storage.transaction(() => {
    storage.events.append(e2);
    storage.deliveryQueue.push('B', job('wh_b', e2));
  });
  expect(storage.deliveryQueue.peek('A')).toBeUndefined();
  expect(storage.deliveryQueue.length('A')).toBe(0);
  expect(storage.deliveryQueue.peek('B')).toMatchObject({ event: e2 });
});

test('a lane emptied and queued again counts one job (its count once included the job being queued)', () => {
  const storage = folder.open();
  const [e1, e2] = [event('evt_1'), event('evt_2')];
  for (const e of [e1, e2]) storage.events.append(e);
  storage.deliveryQueue.push('A', job('wh_a', e1));
  storage.deliveryQueue.shift('A');
  storage.deliveryQueue.push('A', job('wh_a', e2));
  expect(storage.deliveryQueue.length('A')).toBe(1);
});

test('dropping a lane removes its jobs and no other', () => {
  const storage = folder.open();
  const e1 = event('evt_1');
  storage.events.append(e1);
  storage.deliveryQueue.push('A', job('wh_a', e1));
  storage.deliveryQueue.push('A', job('wh_a', e1));
  storage.deliveryQueue.push('B', job('wh_b', e1));
  storage.deliveryQueue.drop('A');
  storage.close();
  const again = folder.open();
  expect([...again.deliveryQueue.lanes()].map((l) => [l.lane, l.jobs])).toEqual([['B', 1]]);
});

test('a folder written by schema 1 (a lane index, no attempt caps) is migrated and its queue resumed', () => {
  const storage = folder.open();
  const e1 = event('evt_1');
  storage.events.append(e1);
  storage.deliveryQueue.push('A', job('wh_a', e1));
  storage.close();
  const db = new Database(join(folder.dir, DATABASE_FILE));
  db.exec(`
    DROP INDEX rmas_by_status;
    CREATE INDEX delivery_queue_by_lane ON delivery_queue (lane, seq);
    ALTER TABLE delivery_attempts_dropped DROP COLUMN keep;
    PRAGMA user_version = 1;
  `);
  db.close();

  const again = folder.open();
  expect(again.deliveryQueue.peek('A')).toMatchObject({ event: e1 });
  again.close();
  const migrated = new Database(join(folder.dir, DATABASE_FILE));
  expect(migrated.pragma('user_version', { simple: true })).toBe(2);
  const indexes = migrated.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all();
  expect(indexes).toContain('rmas_by_status');
  expect(indexes).not.toContain('delivery_queue_by_lane');
  migrated.close();
});
