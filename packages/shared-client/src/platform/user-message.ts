import {
  ApiError,
  AuthError,
  InvalidTransitionError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from '../client/errors';

/**
 * One sentence a workflow builder can act on, for any error the client throws. Platforms wrap it
 * in their own error type; none of them needs to know the API's error codes.
 */
export function userMessage(error: unknown): string {
  if (error instanceof AuthError) {
    return 'The returns API refused the API key (wrong, or revoked). Generate a new key under Settings → External API and reconnect.';
  }
  if (error instanceof RateLimitedError) {
    // Creations are the budget most steps meet; the others (status moves, webhook replays and tests)
    // are named by the server's own message, which says which budget ran out.
    if (/^Too many (?!creation)/.test(error.message)) return error.message;
    return `The returns API allows 30 creations a minute per API client; try again in ${error.retryAfter} s.`;
  }
  if (error instanceof ValidationError) {
    const fields = error.details.map((d) => `${d.path}: ${d.message}`).join('; ');
    return fields ? `Some fields are not valid: ${fields}.` : error.message;
  }
  if (error instanceof InvalidTransitionError) return error.message;
  if (error instanceof NotFoundError) return 'Not found: check the id (RMA ids start with "rma_").';
  if (error instanceof NetworkError) return error.message;
  if (error instanceof ApiError) return `The returns API answered HTTP ${error.status}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
