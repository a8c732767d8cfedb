import type { DeliveryAttempt } from '@returns-pack/shared-client';
import { DeliveryAttempt as DeliveryAttemptSchema, DeliveryListFilters } from '@returns-pack/shared-client';
import { AttemptLog } from '../../src/delivery/attempt-log';
import { DomainError } from '../../src/domain/errors';
import { MemoryDeliveryAttemptRepository } from '../../src/storage/memory/delivery-attempt-repository';

const attempt = (n: number, overrides: Partial<DeliveryAttempt> = {}): Omit<DeliveryAttempt, 'id'> => ({
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
  ...overrides,
});

const filters = (input: Record<string, unknown> = {}) => DeliveryListFilters.parse(input);

describe('AttemptLog', () => {
  it('records contract-valid attempts and lists them newest first', () => {
    const log = new AttemptLog(new MemoryDeliveryAttemptRepository());
    for (let n = 1; n <= 3; n++) log.record(attempt(n));
    const page = log.list('wh_1', filters());
    expect(page.data.map((a) => a.event_id)).toEqual(['evt_3', 'evt_2', 'evt_1']);
    for (const a of page.data) expect(DeliveryAttemptSchema.parse(a)).toEqual(a);
    expect(page).toMatchObject({ has_more: false, next_cursor: null });
    expect(log.list('wh_other', filters()).data).toEqual([]);
  });

  it('pages with a cursor that stays stable while attempts keep arriving', () => {
    const log = new AttemptLog(new MemoryDeliveryAttemptRepository());
    for (let n = 1; n <= 5; n++) log.record(attempt(n));
    const first = log.list('wh_1', filters({ limit: '2' }));
    expect(first.data.map((a) => a.event_id)).toEqual(['evt_5', 'evt_4']);
    log.record(attempt(6));
    const second = log.list('wh_1', filters({ limit: 2, cursor: first.next_cursor }));
    expect(second.data.map((a) => a.event_id)).toEqual(['evt_3', 'evt_2']);
    const third = log.list('wh_1', filters({ limit: 2, cursor: second.next_cursor }));
    expect(third).toMatchObject({ has_more: false, next_cursor: null });
    expect(third.data.map((a) => a.event_id)).toEqual(['evt_1']);
  });

  it('filters by event id and by outcome', () => {
    const log = new AttemptLog(new MemoryDeliveryAttemptRepository());
    log.record(attempt(1, { outcome: 'failed', status_code: 500 }));
    log.record(attempt(1, { attempt: 2 }));
    log.record(attempt(2, { outcome: 'given_up', status_code: null, error: 'timed out' }));
    expect(log.list('wh_1', filters({ event_id: 'evt_1' })).data.map((a) => a.attempt)).toEqual([2, 1]);
    expect(log.list('wh_1', filters({ outcome: 'given_up' })).data.map((a) => a.event_id)).toEqual(['evt_2']);
  });

  it('keeps at most the configured number of attempts per subscription, dropping the oldest', () => {
    const log = new AttemptLog(new MemoryDeliveryAttemptRepository(), 3);
    for (let n = 1; n <= 5; n++) log.record(attempt(n));
    log.record(attempt(9, { webhook_id: 'wh_2' }));
    expect(log.list('wh_1', filters()).data.map((a) => a.event_id)).toEqual(['evt_5', 'evt_4', 'evt_3']);
    expect(log.dropped('wh_1')).toBe(2);
    expect(log.list('wh_2', filters()).data).toHaveLength(1);
  });

  it('refuses a cursor it did not hand out, naming the field', () => {
    const log = new AttemptLog(new MemoryDeliveryAttemptRepository());
    const call = () => log.list('wh_1', filters({ cursor: 'garbage' }));
    expect(call).toThrow(DomainError);
    expect(call).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        details: [expect.objectContaining({ path: 'cursor' })],
      }),
    );
  });
});
