import type { Clock } from './clock';

/**
 * Stamps from the clock that never go backwards, even when wall time does: lists and replay windows
 * rely on creation times rising with insertion order.
 */
export function monotonicStamps(clock: Clock): () => number {
  let last = -Infinity;
  return () => (last = Math.max(last, clock.now()));
}

let lastMs = NaN;
let lastIso = '';

/** ISO 8601 UTC; many stamps fall in the same millisecond, so the last one is reused. */
export function iso(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}
