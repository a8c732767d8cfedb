import { z } from 'zod';

const positiveInt = z.number().int().positive();

/** The operator's settings, checked at start-up so that a bad one fails naming itself, not at the first delivery. */
const DeliveryOptionsCheck = z.looseObject({
  timeoutMs: positiveInt.max(60_000).optional(),
  userAgent: z.string().min(1).max(200).optional(),
  attemptsKept: positiveInt.optional(),
  maxConcurrency: positiveInt.optional(),
  maxConcurrencyPerSubscription: positiveInt.optional(),
  maxPendingPerSubscription: positiveInt.optional(),
  maxConcurrencyPerClient: positiveInt.optional(),
  maxPendingPerClient: positiveInt.optional(),
  maxStartsPerTurn: positiveInt.optional(),
  replaysPerSecond: positiveInt.optional(),
  urlPolicy: z
    .looseObject({
      allowLoopback: z.boolean().optional(),
      allowedHosts: z.array(z.string()).optional(),
      resolveTimeoutMs: positiveInt.optional(),
    })
    .optional(),
});

export function checkDeliveryOptions(options: unknown): void {
  const result = DeliveryOptionsCheck.safeParse(options);
  if (result.success) return;
  const issue = result.error.issues[0]!;
  throw new TypeError(`Invalid webhooks option ${issue.path.join('.')}: ${issue.message}`);
}
