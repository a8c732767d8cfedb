export { verifyWebhook } from './verify';
export { signWebhook } from './sign';
export type { SignWebhookInput, SignedWebhook } from './sign';
export { WebhookVerificationError, WEBHOOK_VERIFICATION_REASONS } from './errors';
export type { WebhookVerificationReason } from './errors';
export { generateWebhookSecret } from './secrets';
export {
  createMemoryReplayStore,
  DEFAULT_REPLAY_STORE_SCOPES,
  DEFAULT_REPLAY_STORE_SIZE,
} from './memory-replay-store';
export type { MemoryReplayStore, MemoryReplayStoreOptions } from './memory-replay-store';
export {
  createKeyValueReplayStore,
  createObjectReplayStore,
  DEFAULT_KEY_VALUE_NONCES,
  DEFAULT_KEY_VALUE_PREFIX,
} from './key-value-replay-store';
export type { JsonKeyValue, KeyValueReplayStoreOptions } from './key-value-replay-store';
export type {
  AnyReplayStore,
  LegacyReplayStore,
  NonceEntry,
  NonceVerdict,
  ReplayStore,
} from './replay-store';
export { secretFingerprint } from './nonce-scope';
export type { PayloadFormat, SignatureEncoding, VerifyWebhookInput, VerifyWebhookOptions } from './options';
export type { WebhookHeaders } from './headers';
export type { RawBody } from './body';
export { DEFAULT_MAX_BODY_BYTES } from './body';
export { DEFAULT_TOLERANCE_SECONDS } from './context';
export { DEFAULT_SIGNATURE_HEADER } from './schemes/hmac-sha256';
export { JWT_LIFETIME_SECONDS } from './schemes/jwt';
export type { DeliveryJwtClaims } from './schemes/jwt';
export { SWAP_EVENTS } from './normalize';
export { VENDOR_SLA_DAYS } from './normalize/vendor-envelope';
export { UNKNOWN_EMAIL } from './normalize/vendor-values';
