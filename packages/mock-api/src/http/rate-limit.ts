import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../domain/clock';
import { clockRateLimitStore } from './clock-rate-limit-store';
import { HttpError } from './errors';

/**
 * The budgets a client draws on, each apart: creations (30 a minute), integration transitions (120),
 * webhook replays and tests (10).
 */
export type RateBudget = 'creation' | 'transitions' | 'webhook-sends';

const BUDGET_REQUESTS: Record<RateBudget, string> = {
  creation: 'creation requests',
  transitions: 'status transition requests',
  'webhook-sends': 'webhook replay and test requests',
};

/**
 * @fastify/rate-limit, off by default (`global: false`) and switched on per route by the config
 * below: the draft-spec `RateLimit-*` headers, `Retry-After`, and the contract's error body.
 */
export async function registerRateLimit(app: FastifyInstance, clock: Clock): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    enableDraftSpec: true,
    store: clockRateLimitStore(clock),
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        'rate_limited',
        `Too many creation requests: at most ${context.max} per window per API client; retry in ${Math.ceil(context.ttl / 1000)} s`,
      ),
  });
}

/** The per-route config: keyed by budget and API client (auth has run by then), not by IP. */
export const rateLimitRouteConfig = (budget: RateBudget, max: number, windowSeconds: number) => ({
  max,
  timeWindow: windowSeconds * 1000,
  keyGenerator: (request: FastifyRequest) => `${budget}:${request.apiClient?.id ?? request.ip}`,
  errorResponseBuilder: (_request: FastifyRequest, context: { max: number; ttl: number }) =>
    new HttpError(
      429,
      'rate_limited',
      `Too many ${BUDGET_REQUESTS[budget]}: at most ${context.max} per window per API client; retry in ${Math.ceil(context.ttl / 1000)} s`,
    ),
});
