import type { Db } from './types';

/**
 * `$.service.db`: a key-value store that outlives runs. Values round-trip through JSON as in
 * Pipedream, so a component that stores something JSON cannot keep (a Date, a Map) fails here too.
 */
export function createDb(): Db & { keys(): string[] } {
  const store = new Map<string, string>();
  return {
    get: (key) => {
      const text = store.get(key);
      return text === undefined ? undefined : JSON.parse(text);
    },
    set: (key, value) => {
      if (value === undefined) store.delete(key);
      else store.set(key, JSON.stringify(value));
    },
    keys: () => [...store.keys()],
  };
}
