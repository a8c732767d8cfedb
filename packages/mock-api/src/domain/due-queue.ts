import type { Clock } from './clock';
import { warnBackgroundFailure } from './warn';

interface Entry<K> {
  at: number;
  key: K;
}

/**
 * Work keyed by due time behind one clock timer, armed for the earliest entry, instead of a timer
 * per RMA. Entries mostly arrive in due order (a fixed delay on a rising clock), so adding one is
 * O(1) at the tail; stale entries are the caller's to ignore when they come due.
 */
export class DueQueue<K> {
  private entries: Entry<K>[] = [];
  private head = 0;
  private armedAt = Infinity;
  private cancelTimer: (() => void) | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly onDue: (key: K) => void,
    private readonly name: string,
  ) {}

  get size(): number {
    return this.entries.length - this.head;
  }

  add(at: number, key: K): void {
    let i = this.entries.length;
    while (i > this.head && this.entries[i - 1]!.at > at) i--;
    this.entries.splice(i, 0, { at, key });
    if (at < this.armedAt) this.arm(at);
  }

  private arm(at: number): void {
    this.cancelTimer?.();
    this.armedAt = at;
    this.cancelTimer = this.clock.schedule(at, () => this.fire(at));
  }

  private fire(at: number): void {
    this.cancelTimer = undefined;
    this.armedAt = Infinity;
    // Only what was due by this timer's time: later entries wait for their own turn in the clock's
    // order, so that after a long advance an auto-close due first still closes an RMA before its SLA check.
    while (this.head < this.entries.length && this.entries[this.head]!.at <= at) {
      const { key } = this.entries[this.head]!;
      this.head++;
      try {
        this.onDue(key);
      } catch (error) {
        warnBackgroundFailure(`${this.name} failed`, error);
      }
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    const next = this.entries[this.head];
    if (next && next.at < this.armedAt) this.arm(next.at);
  }
}
