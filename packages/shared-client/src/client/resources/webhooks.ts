import { z } from 'zod';
import {
  CreateWebhookBody,
  CreatedWebhookSubscription,
  DeliveryAttempt,
  DeliveryListFilters,
  EventEnvelope,
  Page,
  ReplayBody,
  ReplayResult,
  RotateSecretBody,
  RotatedSecret,
  TestEventBody,
  UpdateWebhookBody,
  WebhookId,
  WebhookSubscription,
} from '../../contract';
import { Http } from '../http';
import { paginate } from '../paginate';
import { checkedQuery } from './rma-collection';

const SubscriptionPage = Page(WebhookSubscription);
const DeliveryPage = Page(DeliveryAttempt);
const Deleted = z.object({ id: z.string(), deleted: z.literal(true) });
const TestResult = z.object({ event: EventEnvelope });

const BASE = '/external/v1/webhooks';
const at = (id: string) => `${BASE}/${encodeURIComponent(Http.input(WebhookId, id, 'id'))}`;

export class Webhooks {
  constructor(private readonly http: Http) {}

  /** The answer holds the signing secret: it is shown this once. */
  async create(body: CreateWebhookBody): Promise<CreatedWebhookSubscription> {
    return this.http.post(CreatedWebhookSubscription, BASE, Http.input(CreateWebhookBody, body));
  }

  async list(filters: { limit?: number; cursor?: string } = {}): Promise<Page<WebhookSubscription>> {
    return this.http.get(SubscriptionPage, BASE, filters);
  }

  async get(id: string): Promise<WebhookSubscription> {
    return this.http.get(WebhookSubscription, at(id));
  }

  async update(id: string, body: UpdateWebhookBody): Promise<WebhookSubscription> {
    return this.http.patch(WebhookSubscription, at(id), Http.input(UpdateWebhookBody, body));
  }

  async delete(id: string): Promise<z.infer<typeof Deleted>> {
    return this.http.delete(Deleted, at(id));
  }

  /** v1.1: a new secret, shown in this answer only; the previous one verifies until `previous_secret_expires_at`. */
  async rotateSecret(id: string, body: RotateSecretBody = {}): Promise<RotatedSecret> {
    return this.http.post(RotatedSecret, `${at(id)}/rotate-secret`, Http.input(RotateSecretBody, body));
  }

  async replay(id: string, window: ReplayBody): Promise<z.infer<typeof ReplayResult>> {
    return this.http.post(ReplayResult, `${at(id)}/replay`, Http.input(ReplayBody, window));
  }

  async test(id: string, body: TestEventBody = {}): Promise<z.infer<typeof TestResult>> {
    return this.http.post(TestResult, `${at(id)}/test`, Http.input(TestEventBody, body));
  }

  async deliveries(id: string, filters: DeliveryListFilters = {}): Promise<Page<DeliveryAttempt>> {
    return this.http.get(DeliveryPage, `${at(id)}/deliveries`, checkedQuery(DeliveryListFilters, filters));
  }

  iterateDeliveries(id: string, filters: DeliveryListFilters = {}): AsyncGenerator<DeliveryAttempt> {
    return paginate((f: DeliveryListFilters) => this.deliveries(id, f), filters);
  }
}
