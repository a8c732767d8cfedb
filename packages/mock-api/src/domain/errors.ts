import type { ErrorCode, ErrorDetail } from '@returns-pack/shared-client';

/**
 * A refusal in the contract's own terms. The HTTP layer picks the status from `code`, so the domain
 * never speaks HTTP; any error carrying a contract `code` (delivery's included) is answered the same way.
 */
export class DomainError extends Error {
  override name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) => new DomainError('not_found', `No ${what} ${id}`);

export const invalid = (path: string, message: string) =>
  new DomainError('validation_failed', `Invalid ${path}: ${message}`, [{ path, message }]);
