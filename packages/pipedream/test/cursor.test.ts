import { advanceCursor, createdAfterFor, isNewSince } from './support/cursor';

const at = (id: string, created_at: string) => ({ id, created_at });

describe("a polling source's cursor", () => {
  it('starts from the beginning of the log and stays there while nothing is emitted', () => {
    expect(createdAfterFor(null)).toBeUndefined();
    expect(advanceCursor(null, [])).toBeNull();
  });

  it('asks from one millisecond before the newest event, so events sharing its millisecond come back', () => {
    const cursor = advanceCursor(null, [
      at('evt_a', '2025-03-14T09:30:00.000Z'),
      at('evt_b', '2025-03-14T09:30:01.500Z'),
    ]);
    expect(cursor).toEqual({ after: '2025-03-14T09:30:01.500Z', boundaryIds: ['evt_b'] });
    expect(createdAfterFor(cursor)).toBe('2025-03-14T09:30:01.499Z');
  });

  it('skips the ids it already emitted at that millisecond, and only those', () => {
    const cursor = advanceCursor(null, [at('evt_a', '2025-03-14T09:30:01.500Z')]);
    expect(isNewSince(cursor, at('evt_a', '2025-03-14T09:30:01.500Z'))).toBe(false);
    // Appended in the same millisecond after the last poll read the log: new, and must be emitted.
    expect(isNewSince(cursor, at('evt_late', '2025-03-14T09:30:01.500Z'))).toBe(true);
  });

  it('keeps earlier ids of the same millisecond when more arrive in it', () => {
    const first = advanceCursor(null, [at('evt_a', '2025-03-14T09:30:01.500Z')]);
    const second = advanceCursor(first, [at('evt_late', '2025-03-14T09:30:01.500Z')]);
    expect(second).toEqual({ after: '2025-03-14T09:30:01.500Z', boundaryIds: ['evt_a', 'evt_late'] });
    const third = advanceCursor(second, [at('evt_next', '2025-03-14T09:30:02.000Z')]);
    expect(third).toEqual({ after: '2025-03-14T09:30:02.000Z', boundaryIds: ['evt_next'] });
  });

  it('compares instants, not spellings of them', () => {
    const cursor = advanceCursor(null, [at('evt_a', '2025-03-14T09:30:01.5Z')]);
    const next = advanceCursor(cursor, [at('evt_b', '2025-03-14T10:30:01.500+01:00')]);
    expect(next?.boundaryIds).toEqual(['evt_a', 'evt_b']);
  });
});
