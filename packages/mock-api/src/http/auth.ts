import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { ApiClient } from '@returns-pack/shared-client';
import { DomainError } from '../domain/errors';
import { constantTimeEqual } from '../domain/secrets';
import type { Services } from '../domain/services';
import type { AuthMode } from './route';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the `api-key` auth hook: the live client the key belongs to. */
    apiClient: ApiClient | null;
  }
}

const unauthorized = (message: string) => new DomainError('unauthorized', message);

/** The onRequest hook for a route's auth mode; runs before rate limiting, parsing and validation. */
export function authHook(
  mode: AuthMode,
  services: Services,
  adminToken: string,
): onRequestAsyncHookHandler[] {
  if (mode === 'api-key') {
    return [
      async (request: FastifyRequest) => {
        const key = request.headers['x-api-key'];
        if (typeof key !== 'string' || key.length === 0) throw unauthorized('Missing X-Api-Key header');
        // Looked up on every request, so a revocation takes effect on the very next one.
        const client = services.apiClients.authenticate(key);
        if (!client) throw unauthorized('Unknown or revoked API key');
        request.apiClient = client;
      },
    ];
  }
  if (mode === 'admin') {
    return [
      async (request: FastifyRequest) => {
        const match = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '');
        if (!match) throw unauthorized('Missing admin bearer token (Authorization: Bearer <token>)');
        if (!constantTimeEqual(match[1]!, adminToken)) throw unauthorized('Invalid admin token');
      },
    ];
  }
  return [];
}
