import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DeliveryListFilters } from '@returns-pack/shared-client';
import type { DeliveryAttempt } from '@returns-pack/shared-client';
import { DATABASE_FILE } from '../../src/storage/sqlite';
import { dataFolder } from './helpers';

const attempt = (n: number): DeliveryAttempt => ({
  id: `dlv_${n}`,
  webhook_id: 'wh_1',
  event_id: `evt_${n}`,
  event_type: 'return.created',
  attempt: 1,
  status_code: 200,
  duration_ms: 1.5,
  error: null,
  outcome: 'delivered',
  response_snippet: 'ok',
  at: '2025-01-01T00:00:00.000Z',
  next_attempt_at: null,
});
const all = DeliveryListFilters.parse({ limit: 100 });

let folder: ReturnType<typeof dataFolder>;
beforeEach(() => (folder = dataFolder()));
afterEach(() => folder.remove());

test('a webhook keeps exactly its cap at every read (not one fewer: its first count included the new attempt), though the oldest go in chunks', () => {
  const log = folder.open().deliveryAttempts;
  for (let n = 1; n <= 45; n++) {
    log.append(attempt(n), 20);
    const page = log.list('wh_1', all);
    expect(page.data).toHaveLength(Math.min(n, 20));
    expect(page.data[0]!.event_id).toBe(`evt_${n}`);
    expect(log.dropped('wh_1')).toBe(Math.max(0, n - 20));
  }
});

test('a start trims what the file holds past a webhook cap (left by a crash before the chunk was dropped)', () => {
  const storage = folder.open();
  for (let n = 1; n <= 21; n++) storage.deliveryAttempts.append(attempt(n), 20);
  storage.close();
  const rows = () => {
    const db = new Database(join(folder.dir, DATABASE_FILE));
    const count = db.prepare('SELECT count(*) FROM delivery_attempts').pluck().get();
    db.close();
    return count;
  };
  // One over the cap, a tenth of it not reached yet and nothing read: not trimmed yet.
  expect(rows()).toBe(21);

  const again = folder.open();
  again.close();
  expect(rows()).toBe(20);
  const log = folder.open().deliveryAttempts;
  expect(log.dropped('wh_1')).toBe(1);
  expect(log.list('wh_1', all).data.at(-1)!.event_id).toBe('evt_2');
});
