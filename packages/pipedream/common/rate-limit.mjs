import { RateLimitedError } from "../dist/returns-client.mjs";

/** Waits longer than this would outlast Pipedream's default step timeout: report instead. */
export const MAX_RETRY_AFTER_SECONDS = 20;
export const MAX_ATTEMPTS = 3;

/**
 * Runs `attempt` again after a 429, waiting the server's `Retry-After`, because the platform's
 * `axios` does not retry. A creation keeps its idempotency key across attempts, so a retry can never
 * create a second RMA.
 */
export async function retryAfterRateLimit(attempt, sleep) {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const waitable =
        error instanceof RateLimitedError &&
        tries < MAX_ATTEMPTS &&
        error.retryAfter <= MAX_RETRY_AFTER_SECONDS;
      if (!waitable) throw error;
      await sleep(Math.max(1, error.retryAfter) * 1000);
    }
  }
}
