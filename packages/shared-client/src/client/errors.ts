import type { ErrorBody, ErrorCode, ErrorDetail } from '../contract';

interface ApiErrorInit {
  status: number;
  code: ErrorCode | 'invalid_response' | 'network';
  message: string;
  details?: ErrorDetail[];
}

/** Any answer of the API that is not a success, with the contract's error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorInit['code'];
  readonly details: ErrorDetail[];

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
  }
}

export class AuthError extends ApiError {}
export class ForbiddenError extends ApiError {}
export class NotFoundError extends ApiError {}
export class ConflictError extends ApiError {}
export class InvalidTransitionError extends ConflictError {}
export class PayloadTooLargeError extends ApiError {}

/** A request the API (or the client, before sending) refused as invalid; `fields` name what to fix. */
export class ValidationError extends ApiError {
  get fields(): string[] {
    return this.details.map((d) => d.path);
  }
}

export class RateLimitedError extends ApiError {
  readonly retryAfter: number;

  constructor(init: ApiErrorInit & { retryAfter: number }) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}

/** The server answered 2xx with a body that does not match the contract: never handed on as `any`. */
export class ResponseValidationError extends ApiError {}

/** The request never got an HTTP answer (refused, reset, DNS, timeout). */
export class NetworkError extends ApiError {}

export function errorFromResponse(status: number, body: unknown, retryAfterHeader?: string): ApiError {
  const parsed = readErrorBody(body);
  const init: ApiErrorInit = {
    status,
    code: parsed?.code ?? codeForStatus(status),
    message: parsed ? withDetails(parsed.message, parsed.details) : `The API answered HTTP ${status}.`,
    details: parsed?.details,
  };
  switch (init.code) {
    case 'unauthorized':
      return new AuthError(init);
    case 'forbidden':
      return new ForbiddenError(init);
    case 'not_found':
      return new NotFoundError(init);
    case 'validation_failed':
      return new ValidationError(init);
    case 'rate_limited':
      return new RateLimitedError({ ...init, retryAfter: parseRetryAfter(retryAfterHeader) });
    case 'invalid_transition':
      return new InvalidTransitionError(init);
    case 'conflict':
      return new ConflictError(init);
    case 'payload_too_large':
      return new PayloadTooLargeError(init);
    default:
      return new ApiError(init);
  }
}

function readErrorBody(body: unknown): ErrorBody['error'] | undefined {
  const candidate = (body as Partial<ErrorBody> | undefined)?.error;
  if (candidate && typeof candidate.code === 'string' && typeof candidate.message === 'string')
    return candidate;
  return undefined;
}

export function withDetails(message: string, details?: ErrorDetail[]): string {
  if (!details?.length) return message;
  const fields = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
  return `${message} (${fields})`;
}

function codeForStatus(status: number): ErrorCode {
  const byStatus: Record<number, ErrorCode> = {
    400: 'validation_failed',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    409: 'conflict',
    413: 'payload_too_large',
    422: 'validation_failed',
    429: 'rate_limited',
  };
  return byStatus[status] ?? 'internal';
}

/** `Retry-After` is seconds or an HTTP date; unknown means "a minute", the contract's window. */
function parseRetryAfter(header: string | undefined): number {
  if (!header) return 60;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 60 : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
