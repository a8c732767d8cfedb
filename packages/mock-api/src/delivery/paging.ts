import type { Page } from '@returns-pack/shared-client';
import { decodeCursor, encodeCursor } from '../storage/cursor';

/** An item with the private, ever-rising number its cursor is made of. */
export interface Sequenced<T> {
  seq: number;
  item: T;
}

/**
 * One page, newest first, from entries kept in ascending `seq` order, with the storage layer's
 * cursors. Unlike the storage log, entries here may be removed (a deleted webhook, an attempt past the
 * cap); a cursor names a `seq`, not a place in the array, so pages stay stable all the same.
 */
export function pageNewestFirst<T>(
  entries: readonly Sequenced<T>[],
  query: { limit: number; cursor?: string | undefined },
  keep: (item: T) => boolean = () => true,
): Page<T> {
  const before = query.cursor === undefined ? Infinity : decodeCursor(query.cursor);
  const data: T[] = [];
  let last = 0;
  for (let i = firstAtOrAbove(entries, before) - 1; i >= 0; i--) {
    const { seq, item } = entries[i]!;
    if (!keep(item)) continue;
    if (data.length === query.limit) return { data, has_more: true, next_cursor: encodeCursor(last) };
    data.push(item);
    last = seq;
  }
  return { data, has_more: false, next_cursor: null };
}

/** Binary search: a deep page starts where its cursor points instead of scanning down to it. */
function firstAtOrAbove(entries: readonly Sequenced<unknown>[], seq: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries[mid]!.seq < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
