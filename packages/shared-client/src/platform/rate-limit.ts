import type { PacerOptions } from '../client/pacer';

/**
 * The one answer to a 429, on every platform: the client's pacer keeps bulk creations under the
 * limit and waits out a `Retry-After` of up to 20 s (a platform step's time budget leaves room for
 * no more), at most three times. A longer wait surfaces as a RateLimitedError the platform reports
 * (Zapier turns it into its own ThrottledError and retries the step later).
 */
export const RATE_LIMIT_POLICY = {
  maxAttempts: 3,
  maxWaitSeconds: 20,
} as const satisfies PacerOptions;
