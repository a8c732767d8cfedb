/**
 * Keeps bulk creations under the contract's per-client creation limit instead of failing on the
 * 31st. Sleep and clock are injected: n8n's node rules forbid `setTimeout` in node code and hand in
 * their own `sleep`, and tests drive it without waiting.
 */
export interface PacerOptions {
  /** Creations allowed per window; the contract's default is 30 a minute. */
  limit?: number;
  windowMs?: number;
  /** How many times one creation may meet a 429 before the error surfaces. */
  maxAttempts?: number;
  /** A 429 asking for a longer wait than this surfaces at once instead of being waited out. */
  maxWaitSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface Pacer {
  readonly maxAttempts: number;
  readonly maxWaitSeconds: number;
  /** Resolves when one more creation fits in the window. */
  acquire(): Promise<void>;
  /** Waits out a server's `Retry-After`, for when other clients share the budget we cannot see. */
  backOff(retryAfterSeconds: number): Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPacer(options: PacerOptions = {}): Pacer {
  const limit = options.limit ?? 30;
  const windowMs = options.windowMs ?? 60_000;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const sent: number[] = [];
  let queue: Promise<void> = Promise.resolve();

  async function takeSlot(): Promise<void> {
    for (;;) {
      const t = now();
      while (sent.length > 0 && sent[0]! <= t - windowMs) sent.shift();
      if (sent.length < limit) {
        sent.push(t);
        return;
      }
      await sleep(sent[0]! + windowMs - t);
    }
  }

  return {
    maxAttempts: options.maxAttempts ?? 5,
    maxWaitSeconds: options.maxWaitSeconds ?? Infinity,
    acquire() {
      // Serialise callers so that concurrent creations take slots in order, never all at once.
      const turn = queue.then(takeSlot);
      queue = turn.catch(() => undefined);
      return turn;
    },
    backOff: (seconds) => sleep(Math.max(1, seconds) * 1000),
  };
}
