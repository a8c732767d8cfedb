// What the components use from the shared client: everything else stays out of the bundle.
import { ReturnType, RmaKind, RmaStatus } from '@returns-pack/shared-client';

export {
  ApiError,
  AuthError,
  ConflictError,
  EVENT_CATALOGUE,
  EVENT_TYPES,
  NetworkError,
  NotFoundError,
  PRIMARY_TRIGGER_EVENTS,
  RateLimitedError,
  ValidationError,
  WebhookVerificationError,
  collect,
  createReturnsClient,
  eventTypeOptions,
  sampleEvent,
  SAMPLE_OFFLINE_REPAIR,
  SAMPLE_TRADE_RETURN,
  userMessage,
  verifyWebhook,
} from '@returns-pack/shared-client';

export const RMA_STATUSES = RmaStatus.options;
export const RMA_KINDS = RmaKind.options;
export const RETURN_TYPES = ReturnType.options;
