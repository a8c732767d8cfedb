import { ApiError, AuthError, RateLimitedError, userMessage } from '@returns-pack/shared-client';
import type { ZObject } from 'zapier-platform-core';

/**
 * The one Zapier error mapper: a 429 becomes `ThrottledError` (Zapier retries after the server's
 * Retry-After), a refused key an `AuthenticationError`, any other API answer an error whose message
 * names what to fix. Messages come from `userMessage`, which never contains the key.
 */
export function toZapierError(z: ZObject, error: unknown): unknown {
  if (error instanceof RateLimitedError)
    return new z.errors.ThrottledError(userMessage(error), error.retryAfter);
  if (error instanceof AuthError) return new z.errors.Error(userMessage(error), 'AuthenticationError', 401);
  if (error instanceof ApiError) {
    return new z.errors.Error(userMessage(error), errorCode(error.code), error.status || undefined);
  }
  return error;
}

/** Zapier shows the code beside the message; ours read as the API's own (`validation_failed` → `ValidationFailed`). */
function errorCode(code: string): string {
  return code.replace(/(?:^|_)([a-z])/g, (_m, c: string) => c.toUpperCase());
}
