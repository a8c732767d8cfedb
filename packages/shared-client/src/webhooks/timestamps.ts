import { refuse } from './errors';

/** Refuses a send time further in the future than the tolerance: the sender's clock, or a forgery. */
export function checkNotFuture(
  sentAtSeconds: number,
  nowMs: number,
  toleranceSeconds: number,
  what: string,
): void {
  const ahead = sentAtSeconds - Math.floor(nowMs / 1000);
  if (ahead > toleranceSeconds) {
    refuse(
      'future_timestamp',
      `The ${what} is ${ahead} seconds in the future, more than the ${toleranceSeconds} s allowed: check the clocks of the sender and of this server.`,
    );
  }
}

/** Refuses a send time outside the tolerance either way, before any HMAC is computed. */
export function checkWithinTolerance(
  sentAtSeconds: number,
  nowMs: number,
  toleranceSeconds: number,
  what: string,
): void {
  const age = Math.floor(nowMs / 1000) - sentAtSeconds;
  if (age > toleranceSeconds) {
    refuse(
      'expired',
      `The ${what} is ${age} seconds old, more than the ${toleranceSeconds} s allowed: the delivery may be a replay, or this server's clock is wrong.`,
    );
  }
  checkNotFuture(sentAtSeconds, nowMs, toleranceSeconds, what);
}
