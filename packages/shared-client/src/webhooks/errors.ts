/** Why a delivery was refused: machine-readable, stable, safe to log and to branch on. */
export const WEBHOOK_VERIFICATION_REASONS = [
  'missing_signature',
  'bad_signature',
  'expired',
  'future_timestamp',
  'replayed',
  'claim_mismatch',
  'malformed',
  'too_large',
  'unknown_payload',
  'store_unavailable',
] as const;
export type WebhookVerificationReason = (typeof WEBHOOK_VERIFICATION_REASONS)[number];

/**
 * The HTTP status a receiver should answer with: 413 for an oversized body, 400 for a body that can
 * never be accepted, 401 for anything that casts doubt on who sent it.
 */
const STATUS_BY_REASON: Record<WebhookVerificationReason, number> = {
  missing_signature: 401,
  bad_signature: 401,
  expired: 401,
  future_timestamp: 401,
  replayed: 401,
  claim_mismatch: 401,
  malformed: 400,
  too_large: 413,
  unknown_payload: 400,
  // The sender should retry later: nothing was wrong with the delivery itself.
  store_unavailable: 503,
};

/**
 * The one error every refusal raises, whatever the scheme or the cause (bad JSON included), so a
 * receiver needs a single `catch`. Messages are written for the person configuring the webhook and
 * never contain a secret or an expected signature.
 */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  readonly reason: WebhookVerificationReason;
  /** Suggested HTTP status for the answer to the sender. */
  readonly status: number;

  constructor(reason: WebhookVerificationReason, message: string) {
    super(message);
    this.reason = reason;
    this.status = STATUS_BY_REASON[reason];
  }
}

export function refuse(reason: WebhookVerificationReason, message: string): never {
  throw new WebhookVerificationError(reason, message);
}
