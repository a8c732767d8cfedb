import type { Page } from '@returns-pack/shared-client';
import { decodeCursor, encodeCursor } from '../cursor';

export interface LogPageQuery<T> {
  limit: number;
  cursor?: string | undefined;
  /** Walk only these positions (ascending), e.g. one kind's or one customer's. */
  index?: readonly number[] | undefined;
  keep?: ((item: T) => boolean) | undefined;
  createdAfterMs?: number | undefined;
  createdBeforeMs?: number | undefined;
}

/**
 * Entries in insertion order under positions 1, 2, 3… that never change, their creation times rising
 * with position. A page walks newest first from just below the cursor's position, and time bounds
 * are binary searches, so a page costs what it scans, not the size of the log; inserts only add
 * positions above every cursor already handed out. The one paging implementation of the mock's
 * stores: an entry may be removed (a deleted webhook) or the oldest trimmed (an attempt log past its
 * cap), leaving its position empty, so cursors handed out stay valid.
 */
export class OrderedLog<T> {
  private entries: (T | undefined)[] = [];
  /** Positions trimmed from the front: entries[i] holds position trimmed + i + 1. */
  private trimmed = 0;
  /** Every empty slot, removed or trimmed. */
  private holes = 0;
  /** Slots below this index were trimmed (and are empty). */
  private head = 0;

  constructor(private readonly createdAtMs: (item: T) => number) {}

  clear(): void {
    this.entries = [];
    this.trimmed = 0;
    this.holes = 0;
    this.head = 0;
  }

  /** Entries held (removed and trimmed ones not counted). */
  get size(): number {
    return this.entries.length - this.holes;
  }

  append(item: T): number {
    this.entries.push(item);
    return this.trimmed + this.entries.length;
  }

  at(position: number): T | undefined {
    return this.entries[position - 1 - this.trimmed];
  }

  replace(position: number, item: T): void {
    this.entries[position - 1 - this.trimmed] = item;
  }

  /** Empties one position; time-bounded pages assume a log without removals (RMAs and events have none). */
  remove(position: number): void {
    const i = position - 1 - this.trimmed;
    if (this.entries[i] === undefined) return;
    this.entries[i] = undefined;
    this.holes++;
  }

  /** Forgets the oldest entries until at most `keep` remain. Returns how many were dropped. */
  trimTo(keep: number): number {
    let dropped = 0;
    while (this.size > keep && this.head < this.entries.length) {
      if (this.entries[this.head] !== undefined) {
        this.entries[this.head] = undefined;
        this.holes++;
        dropped++;
      }
      this.head++;
    }
    // Every slot below head is empty: cut them off in one copy per many, not one per entry.
    if (this.head >= 1024 && this.head * 2 >= this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.holes -= this.head;
      this.trimmed += this.head;
      this.head = 0;
    }
    return dropped;
  }

  page(query: LogPageQuery<T>): Page<T> {
    const { index, keep, createdAfterMs } = query;
    const positionAt = index ? (i: number) => index[i]! : (i: number) => i + 1 + this.trimmed;
    const itemAt = (i: number) => this.entries[positionAt(i) - 1 - this.trimmed]!;
    let end = index ? index.length : this.entries.length;
    if (query.cursor !== undefined) {
      const before = decodeCursor(query.cursor);
      end = firstFailing(end, (i) => positionAt(i) < before);
    }
    const createdBefore = query.createdBeforeMs;
    if (createdBefore !== undefined)
      end = firstFailing(end, (i) => this.createdAtMs(itemAt(i)) < createdBefore);

    const data: T[] = [];
    let lastPosition = 0;
    for (let i = end - 1; i >= 0; i--) {
      const item = itemAt(i);
      if (item === undefined) continue;
      // Creation times rise with position: everything below this one is older still.
      if (createdAfterMs !== undefined && this.createdAtMs(item) <= createdAfterMs) break;
      if (keep && !keep(item)) continue;
      if (data.length === query.limit)
        return { data, has_more: true, next_cursor: encodeCursor(lastPosition) };
      data.push(item);
      lastPosition = positionAt(i);
    }
    return { data, has_more: false, next_cursor: null };
  }

  /** Every entry held, oldest first. */
  *values(): Iterable<T> {
    for (const item of this.entries) if (item !== undefined) yield item;
  }

  /** Oldest first, creation time within [startMs, endMs]. */
  between(startMs: number, endMs: number): T[] {
    const out: T[] = [];
    const entries = this.entries as T[];
    const from = firstFailing(entries.length, (i) => this.createdAtMs(entries[i]!) < startMs);
    for (let i = from; i < entries.length; i++) {
      const item = entries[i]!;
      if (this.createdAtMs(item) > endMs) break;
      out.push(item);
    }
    return out;
  }
}

/** The first i in [0, length) where `holds` turns false, for a predicate that is true then false. */
function firstFailing(length: number, holds: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The positions kept under `key`; undefined when there is nothing to filter on. */
export function positionsOf<K>(index: Map<K, number[]>, key: K | undefined): readonly number[] | undefined {
  return key === undefined ? undefined : (index.get(key) ?? []);
}

/** Of the indexes that apply, the shortest: walk it, and check the other conditions item by item. */
export function narrowest(...indexes: (readonly number[] | undefined)[]): readonly number[] | undefined {
  let best: readonly number[] | undefined;
  for (const index of indexes) if (index && (!best || index.length < best.length)) best = index;
  return best;
}

/** Appends `position` to the ascending list kept under `key`. */
export function addToIndex<K>(index: Map<K, number[]>, key: K, position: number): void {
  const list = index.get(key);
  if (list) list.push(position);
  else index.set(key, [position]);
}
