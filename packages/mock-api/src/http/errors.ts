import type { FastifyInstance, FastifyReply } from 'fastify';
import { ErrorCode } from '@returns-pack/shared-client';
import type { ErrorBody, ErrorDetail } from '@returns-pack/shared-client';
import { DomainError } from '../domain/errors';

/** A refusal whose status is not the one its code implies (415 is `validation_failed`, not 400). */
export class HttpError extends DomainError {
  constructor(
    readonly statusCode: number,
    code: ErrorCode,
    message: string,
    details?: ErrorDetail[],
  ) {
    super(code, message, details);
  }
}

export const STATUS_OF: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  validation_failed: 400,
  rate_limited: 429,
  conflict: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  internal: 500,
};

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

export interface ErrorReply {
  status: number;
  body: ErrorBody;
}

const reply = (status: number, code: ErrorCode, message: string, details?: ErrorDetail[]): ErrorReply => ({
  status,
  body: { error: details ? { code, message, details } : { code, message } },
});

/**
 * Every failure as the contract's error body. Errors that carry a contract code (the domain's, the
 * delivery engine's) keep it; Fastify's own body-parsing errors get theirs; anything else is
 * `internal` with a fixed message, never the error's text or stack.
 */
export function toErrorReply(error: unknown, bodyLimit: number): ErrorReply {
  const e = error as { code?: unknown; message?: string; statusCode?: number; details?: ErrorDetail[] };
  const contractCode = ErrorCode.safeParse(e?.code);
  if (contractCode.success) {
    const status = e.statusCode ?? STATUS_OF[contractCode.data];
    return reply(status, contractCode.data, e.message ?? contractCode.data, e.details);
  }
  switch (e?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply(413, 'payload_too_large', `Request body exceeds the limit of ${bodyLimit} bytes`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply(415, 'validation_failed', 'Content-Type must be application/json', [
        { path: 'Content-Type', message: 'must be application/json' },
      ]);
    // The router refuses these before any route runs; every route's only parameter is `id`.
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return reply(400, 'validation_failed', 'Path parameter id is too long', [
        { path: 'id', message: 'is longer than 100 characters' },
      ]);
    case 'FST_ERR_BAD_URL':
      return reply(400, 'validation_failed', 'The URL path is not validly percent-encoded', [
        { path: 'url', message: 'is not validly percent-encoded' },
      ]);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply(400, 'validation_failed', 'Request body is not valid JSON', [
        { path: 'body', message: 'is not valid JSON' },
      ]);
  }
  const status = e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's client-error messages describe the request, never server state.
    return reply(status, CODE_OF_STATUS[status] ?? 'validation_failed', e.message ?? 'Bad request');
  }
  return reply(500, 'internal', 'Internal server error');
}

/** Fastify's `frameworkErrors`: the router's own refusals, which never reach the error handler. */
export function frameworkErrors(bodyLimit: number) {
  return (error: unknown, _request: unknown, res: FastifyReply): void => {
    const { status, body } = toErrorReply(error, bodyLimit);
    void res.code(status).type('application/json; charset=utf-8').send(body);
  };
}

export function installErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error, request, res) => {
    const { status, body } = toErrorReply(error, bodyLimit);
    if (status >= 500) request.log.error({ err: { type: (error as Error)?.name } }, 'request failed');
    return res.code(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, res) => {
    const path = request.url.split('?')[0];
    const { status, body } = reply(404, 'not_found', `No route ${request.method} ${path}`);
    return res.code(status).send(body);
  });
}
