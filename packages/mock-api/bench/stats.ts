import { performance } from 'node:perf_hooks';

/** Wall time in milliseconds with sub-millisecond resolution, comparable across worker threads. */
export const epochMs = () => performance.timeOrigin + performance.now();

/** The p-quantile (0..1) of values sorted ascending. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
