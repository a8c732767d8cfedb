export { createDeliveryService, DEFAULT_USER_AGENT } from './delivery-service';
export type {
  DeliveryRepositories,
  DeliveryService,
  DeliveryServiceOptions,
  EventsBetween,
  PageQuery,
} from './delivery-service';
export type { WebhookDeliveryOptions } from './delivery-service';
export type { ApiClientWebhook, CreateWebhookInput, UpdateWebhookInput } from './subscriptions';
export { UrlRefusedError } from './url-policy';
export type { UrlPolicyOptions, ResolveHost } from './url-policy';
export { DEFAULT_TIMEOUT_MS } from './http-sender';
