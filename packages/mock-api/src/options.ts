import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { WebhookDeliveryOptions } from './delivery';
import type { Services, ServicesOptions } from './domain/services';
import { DEFAULT_AUTO_CLOSE_SECONDS, DEFAULT_SLA_SECONDS } from './domain/services';

export interface AppOptions extends ServicesOptions {
  /** The admin bearer token; random when not given. */
  adminToken?: string;
  /** Creations per window per API client; `false` switches the limit off. Default 30. */
  rateLimit?: number | false;
  rateLimitWindowSeconds?: number;
  /** Webhook replays and tests per window per API client, a budget apart; `false` switches it off. Default 10. */
  webhookSendRateLimit?: number | false;
  /** v1.1 integration transitions per window per API client, a budget apart; `false` switches it off. Default 120. */
  transitionRateLimit?: number | false;
  bodyLimitBytes?: number;
  /** How long an Idempotency-Key's answer is kept. Default 24 h, like Stripe. */
  idempotencyTtlSeconds?: number;
  /** Fastify's logger, with credentials redacted. Off by default. */
  logger?: boolean;
  /** Build on these services instead of new ones (then the services' own options apply). */
  services?: Services;
  /** Webhook delivery: URL policy (loopback on by default, `allowedHosts`), timeout, bounds. */
  webhooks?: WebhookDeliveryOptions;
  /**
   * Keep every piece of state in a SQLite database in this folder (made if missing), and resume what
   * it holds. Without it, state lives in memory and goes with the process.
   */
  dataDir?: string;
}

const positiveInt = z.number().int().positive();

/** The scalar options, checked so that a bad one fails at start-up naming itself. */
const ScalarOptions = z.object({
  adminToken: z.string().min(8).max(500).optional(),
  rateLimit: z.union([positiveInt, z.literal(false)]).optional(),
  rateLimitWindowSeconds: positiveInt.optional(),
  webhookSendRateLimit: z.union([positiveInt, z.literal(false)]).optional(),
  transitionRateLimit: z.union([positiveInt, z.literal(false)]).optional(),
  bodyLimitBytes: positiveInt.optional(),
  idempotencyTtlSeconds: positiveInt.optional(),
  slaSeconds: positiveInt.optional(),
  autoCloseSeconds: positiveInt.optional(),
  logger: z.boolean().optional(),
});

export const DEFAULTS = {
  rateLimit: 30,
  rateLimitWindowSeconds: 60,
  webhookSendRateLimit: 10,
  transitionRateLimit: 120,
  bodyLimitBytes: 256 * 1024,
  idempotencyTtlSeconds: 86_400,
  slaSeconds: DEFAULT_SLA_SECONDS,
  autoCloseSeconds: DEFAULT_AUTO_CLOSE_SECONDS,
} as const;

type ObjectOptions = 'services' | 'clock' | 'repositories' | 'storage' | 'webhooks' | 'dataDir';

export type ResolvedOptions = Required<Omit<AppOptions, ObjectOptions>> & Pick<AppOptions, ObjectOptions>;

export function resolveOptions(options: AppOptions): ResolvedOptions {
  const { services, clock, repositories, storage, webhooks, dataDir, ...scalars } = options;
  if (dataDir !== undefined && (typeof dataDir !== 'string' || dataDir.trim() === '')) {
    throw new TypeError('Invalid mock server option dataDir: must be the path of a folder');
  }
  const parsed = ScalarOptions.safeParse(scalars);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TypeError(`Invalid mock server option ${issue.path.join('.')}: ${issue.message}`);
  }
  return {
    ...DEFAULTS,
    adminToken: `adm_${randomBytes(24).toString('base64url')}`,
    logger: false,
    ...stripUndefined(parsed.data),
    services,
    clock,
    repositories,
    storage,
    webhooks,
    dataDir,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
