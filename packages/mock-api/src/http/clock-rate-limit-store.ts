import type { Clock } from '../domain/clock';

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit (its `store` option) whose fixed windows run on the mock's clock,
 * so a test advances past a window instead of waiting a minute. The plugin keeps the counting
 * decisions and the headers; this only remembers counts. Every route shares the one map, so both
 * creation routes draw on the same budget per API client.
 */
export function clockRateLimitStore(clock: Clock) {
  const windows = new Map<string, { count: number; startedAt: number }>();
  return class ClockRateLimitStore {
    incr(key: string, callback: IncrCallback, timeWindow: number): void {
      const now = clock.now();
      let window = windows.get(key);
      if (!window || window.startedAt + timeWindow <= now) {
        window = { count: 0, startedAt: now };
        windows.set(key, window);
      }
      window.count++;
      callback(null, { current: window.count, ttl: window.startedAt + timeWindow - now });
    }

    child(): this {
      return this;
    }
  };
}
