import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import {
  ApiError,
  NetworkError,
  RateLimitedError,
  ResponseValidationError,
  ValidationError,
  errorFromResponse,
} from './errors';
import { headerValue } from './transport';
import type { Transport, TransportRequest } from './transport';
import type { Pacer } from './pacer';

export interface HttpOptions {
  baseUrl: string;
  apiKey: string;
  transport: Transport;
  userAgent: string;
  /** Applied to creation calls only: the contract limits creations, not reads. */
  pacer?: Pacer;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface CallOptions {
  /** Defaults to a fresh UUID on creation calls, reused on the client's own retries. */
  idempotencyKey?: string;
}

/** One request pipeline: build → send → map errors → validate the answer against the contract. */
export class Http {
  private readonly baseUrl: string;

  constructor(private readonly options: HttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** Parses `input` with the contract's request schema, so bad input fails here, naming the field. */
  static input<S extends z.ZodType>(schema: S, input: unknown, where = 'body'): z.output<S> {
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    const details = result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || where,
      message: issue.message,
    }));
    throw new ValidationError({
      status: 0,
      code: 'validation_failed',
      message: `Invalid ${where}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
      details,
    });
  }

  get<S extends z.ZodType>(schema: S, path: string, query?: Query): Promise<z.output<S>> {
    return this.send(schema, { method: 'GET', path, query });
  }

  delete<S extends z.ZodType>(schema: S, path: string): Promise<z.output<S>> {
    return this.send(schema, { method: 'DELETE', path });
  }

  patch<S extends z.ZodType>(schema: S, path: string, body: unknown): Promise<z.output<S>> {
    return this.send(schema, { method: 'PATCH', path, body });
  }

  post<S extends z.ZodType>(schema: S, path: string, body: unknown): Promise<z.output<S>> {
    return this.send(schema, { method: 'POST', path, body });
  }

  /** A creation: idempotent by key, paced when a pacer is set, waiting out a 429 only under the pacer. */
  async create<S extends z.ZodType>(
    schema: S,
    path: string,
    body: unknown,
    call: CallOptions = {},
  ): Promise<z.output<S>> {
    const idempotencyKey = call.idempotencyKey ?? randomUUID();
    const pacer = this.options.pacer;
    for (let attempt = 1; ; attempt++) {
      await pacer?.acquire();
      try {
        return await this.send(schema, { method: 'POST', path, body, idempotencyKey });
      } catch (error) {
        const waitable =
          pacer &&
          error instanceof RateLimitedError &&
          attempt < pacer.maxAttempts &&
          error.retryAfter <= pacer.maxWaitSeconds;
        if (!waitable) throw error;
        await pacer.backOff(error.retryAfter);
      }
    }
  }

  private async send<S extends z.ZodType>(
    schema: S,
    call: {
      method: TransportRequest['method'];
      path: string;
      query?: Query;
      body?: unknown;
      idempotencyKey?: string;
    },
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-api-key': this.options.apiKey,
      'user-agent': this.options.userAgent,
    };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
    const request: TransportRequest = {
      method: call.method,
      url: this.baseUrl + call.path + queryString(call.query),
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    };

    let response;
    try {
      response = await this.options.transport(request);
    } catch (error) {
      // The transport's own error may carry the request config, API key included: keep only its message.
      throw new NetworkError({
        status: 0,
        code: 'network',
        message: `Could not reach the returns API at ${this.baseUrl}: ${safeMessage(error, this.options.apiKey)}`,
      });
    }

    const body = parseBody(response.body);
    if (response.status < 200 || response.status >= 300) {
      throw errorFromResponse(response.status, body, headerValue(response.headers, 'retry-after'));
    }
    const result = schema.safeParse(body);
    if (!result.success) {
      const details = result.error.issues
        .slice(0, 5)
        .map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      throw new ResponseValidationError({
        status: response.status,
        code: 'invalid_response',
        message: `The API answered ${call.method} ${call.path} with a body that does not match the contract.`,
        details,
      });
    }
    return result.data;
  }
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  if (body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function safeMessage(error: unknown, secret: string): string {
  const text = error instanceof Error ? error.message : String(error);
  return secret ? text.split(secret).join('[redacted]') : text;
}

export { ApiError };
