import { warnBackgroundFailure } from './warn';

/**
 * The server's clock: wall time plus everything advanced so far. Every time-based behaviour (SLA,
 * auto-close, retry backoff, timestamps, JWT `iat`) reads it and schedules on it, so a test that
 * advances it makes due work happen at once instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch, as the server sees it. */
  now(): number;
  /** Runs `task` once `now()` reaches `at`, by wall time or by `advance`. Returns a cancel function. */
  schedule(at: number, task: () => void): () => void;
  /** Moves the clock forward and runs, in due order, every task that became due. */
  advance(seconds: number): void;
  offsetSeconds(): number;
  /** Stops the wall-time timer; pending tasks stay queued but never fire on their own. */
  stop(): void;
}

interface Timer {
  at: number;
  seq: number;
  task: () => void;
  canceled: boolean;
}

const before = (a: Timer, b: Timer) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** A binary min-heap on (at, seq): a store of 100,000 RMAs each with an SLA timer stays O(log n) a timer. */
class TimerHeap {
  private items: Timer[] = [];

  push(t: Timer): void {
    const a = this.items;
    a.push(t);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }

  peek(): Timer | undefined {
    while (this.items[0]?.canceled) this.pop();
    return this.items[0];
  }

  pop(): Timer | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

export interface ClockOptions {
  wallTime?: () => number;
  startOffsetMs?: number;
  /** Told each new offset before due tasks run: a durable store keeps it, so a restart keeps the time. */
  onOffsetChange?: (offsetMs: number) => void;
}

export function createClock(options: ClockOptions = {}): Clock {
  const wall = options.wallTime ?? Date.now;
  let offsetMs = options.startOffsetMs ?? 0;
  let seq = 0;
  const heap = new TimerHeap();
  let wallTimer: NodeJS.Timeout | undefined;
  let armedFor = Infinity;
  let stopped = false;

  const now = () => wall() + offsetMs;

  function runDue(): void {
    // A task may schedule more work that is already due (a retry due "now"): it joins this loop.
    for (let t = heap.peek(); t && t.at <= now(); t = heap.peek()) {
      heap.pop();
      try {
        t.task();
      } catch (error) {
        // One failing task must not strand the tasks behind it, nor leave the wall timer unarmed.
        warnBackgroundFailure('clock task failed', error);
      }
    }
    armWallTimer(true);
  }

  function armWallTimer(force = false): void {
    if (stopped) return;
    const next = heap.peek()?.at ?? Infinity;
    if (!force && next >= armedFor) return;
    if (wallTimer) clearTimeout(wallTimer);
    wallTimer = undefined;
    armedFor = next;
    if (next === Infinity) return;
    // Node caps timeouts at ~24.8 days; a later task just re-arms when this one fires.
    const delay = Math.min(Math.max(0, next - now()), 2 ** 31 - 1);
    wallTimer = setTimeout(runDue, delay);
    wallTimer.unref();
  }

  return {
    now,
    schedule(at, task) {
      const timer: Timer = { at, seq: seq++, task, canceled: false };
      heap.push(timer);
      armWallTimer();
      return () => {
        timer.canceled = true;
      };
    },
    advance(seconds) {
      offsetMs += seconds * 1000;
      options.onOffsetChange?.(offsetMs);
      runDue();
    },
    offsetSeconds: () => offsetMs / 1000,
    stop() {
      stopped = true;
      if (wallTimer) clearTimeout(wallTimer);
      wallTimer = undefined;
      armedFor = Infinity;
    },
  };
}
