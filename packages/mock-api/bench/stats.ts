import { performance } from 'node:perf_hooks';

/** Wall time in milliseconds with sub-millisecond resolution, comparable across worker threads. */
export const epochMs = () => performance.timeOrigin + performance.now();

/** The p-quantile (0..1) of values sorted ascending. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** The median; of an even count, the mean of the middle two. */
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
