import { createKeyValueReplayStore, createMemoryReplayStore, createObjectReplayStore } from '../../src';
import type { NonceEntry, ReplayStore } from '../../src';

const entry = (nonce: string, expiresAtMs: number, nowMs: number, scope = 's1'): NonceEntry => ({
  scope,
  nonce,
  expiresAtMs,
  nowMs,
});

/** Every store keeps the same promises; the platform adapters differ only in where the JSON lives. */
function contract(name: string, make: (maxPerScope: number) => ReplayStore) {
  describe(`${name}: the replay store contract`, () => {
    it('accepts a nonce once until it expires, then forgets it', async () => {
      const store = make(10);
      expect(await store.record(entry('n1', 1_000, 0))).toBe('recorded');
      expect(await store.record(entry('n1', 1_000, 999))).toBe('replayed');
      expect(await store.record(entry('n1', 2_000, 1_000))).toBe('recorded');
    });

    it('keeps scopes apart: the same nonce under another secret is another nonce', async () => {
      const store = make(10);
      expect(await store.record(entry('n1', 1_000, 0, 'a'))).toBe('recorded');
      expect(await store.record(entry('n1', 1_000, 0, 'b'))).toBe('recorded');
      expect(await store.record(entry('n1', 1_000, 0, 'a'))).toBe('replayed');
    });

    it('answers full rather than forgetting an unexpired nonce, and only for the full scope', async () => {
      const store = make(2);
      await store.record(entry('a', 10_000, 0));
      await store.record(entry('b', 10_000, 0));
      expect(await store.record(entry('c', 10_000, 1))).toBe('full');
      expect(await store.record(entry('a', 10_000, 1))).toBe('replayed');
      expect(await store.record(entry('x', 10_000, 1, 'other'))).toBe('recorded');
      // Once the scope's nonces expire there is room again.
      expect(await store.record(entry('c', 20_000, 10_000))).toBe('recorded');
    });
  });
}

contract('memory', (maxPerScope) => createMemoryReplayStore({ maxPerScope }));
contract('key-value (Pipedream db)', (maxPerScope) => {
  const db = new Map<string, unknown>();
  // Values go through JSON, as a platform's persisted store does.
  return createKeyValueReplayStore(
    { get: (k) => db.get(k), set: (k, v) => db.set(k, JSON.parse(JSON.stringify(v))) },
    { maxPerScope },
  );
});
contract('object (n8n static data)', (maxPerScope) => createObjectReplayStore({}, { maxPerScope }));

describe('createMemoryReplayStore', () => {
  it('drops expired nonces as time passes, so memory follows the live window', () => {
    const store = createMemoryReplayStore();
    for (let i = 0; i < 100; i++) store.record(entry(`n${i}`, 1_000 + i, 0));
    expect(store.size).toBe(100);
    store.record(entry('late', 10_000, 1_050));
    expect(store.size).toBe(50);
  });

  it('bounds the number of scopes, reusing those whose nonces all expired', () => {
    const store = createMemoryReplayStore({ maxScopes: 1 });
    expect(store.record(entry('n', 1_000, 0, 'a'))).toBe('recorded');
    expect(store.record(entry('n', 1_000, 0, 'b'))).toBe('full');
    expect(store.record(entry('n', 5_000, 2_000, 'b'))).toBe('recorded');
  });

  it('still answers the 1.0 recordIfNew, and takes the 1.0 bound as a number', () => {
    const store = createMemoryReplayStore(1);
    expect(store.recordIfNew('a', 10_000, 0)).toBe(true);
    expect(store.recordIfNew('a', 10_000, 1)).toBe(false);
    expect(() => store.recordIfNew('b', 10_000, 1)).toThrow(/full/);
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => createMemoryReplayStore(0)).toThrow(/maxPerScope/);
    expect(() => createMemoryReplayStore({ maxScopes: 1.5 })).toThrow(/maxScopes/);
  });
});

describe('the platform adapters', () => {
  it('keep one JSON value per secret scope, holding no secret, under a prefix', async () => {
    const db: Record<string, unknown> = {};
    const store = createObjectReplayStore(db);
    await store.record(entry('n1', 5_000, 0, 'scopeA'));
    expect(db).toEqual({ 'returns-pack:nonces:scopeA': { n1: 5_000 } });
  });

  it('store a nonce named __proto__ as itself', async () => {
    const store = createObjectReplayStore({});
    expect(await store.record(entry('__proto__', 5_000, 0))).toBe('recorded');
    expect(await store.record(entry('__proto__', 5_000, 1))).toBe('replayed');
  });

  it('refuse what is not a store, naming what is needed', () => {
    expect(() => createKeyValueReplayStore({} as never)).toThrow(/get\(key\) and set\(key, value\)/);
  });
});
