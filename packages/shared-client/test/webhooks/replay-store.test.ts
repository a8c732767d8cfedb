import { createMemoryReplayStore } from '../../src';

describe('createMemoryReplayStore', () => {
  it('accepts a nonce once until it expires, then forgets it', () => {
    const store = createMemoryReplayStore();
    expect(store.recordIfNew('n1', 1_000, 0)).toBe(true);
    expect(store.recordIfNew('n1', 1_000, 999)).toBe(false);
    expect(store.recordIfNew('n1', 2_000, 1_000)).toBe(true);
  });

  it('drops expired nonces as time passes, so memory follows the live window', () => {
    const store = createMemoryReplayStore();
    for (let i = 0; i < 100; i++) store.recordIfNew(`n${i}`, 1_000 + i, 0);
    expect(store.size).toBe(100);
    store.recordIfNew('late', 10_000, 1_050);
    expect(store.size).toBe(50);
  });

  it('stays within its bound, forgetting the oldest nonce first', () => {
    const store = createMemoryReplayStore(2);
    store.recordIfNew('a', 10_000, 0);
    store.recordIfNew('b', 10_000, 0);
    store.recordIfNew('c', 10_000, 0);
    expect(store.size).toBe(2);
    expect(store.recordIfNew('c', 10_000, 1)).toBe(false);
    expect(store.recordIfNew('a', 10_000, 1)).toBe(true);
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => createMemoryReplayStore(0)).toThrow(/maxEntries/);
  });
});
