import type { z } from 'zod';
import {
  DEFAULT_GRACE_SECONDS,
  DEFAULT_RETRY_SCHEDULE,
  generateWebhookSecret,
  signWebhook,
} from '@returns-pack/shared-client';
import type {
  CreateWebhookBody,
  CreatedWebhookSubscription,
  Page,
  RotatedSecret,
  SignatureScheme,
  UpdateWebhookBody,
  WebhookSubscription,
} from '@returns-pack/shared-client';
import type { WebhookProvisioner } from '../domain/api-clients';
import type { Clock } from '../domain/clock';
import { invalid } from '../domain/errors';
import type { SubscriptionStore, StoredSubscription } from './subscription-store';
import { publicView } from './subscription-store';
import type { UrlPolicy } from './url-policy';
import { UrlRefusedError } from './url-policy';

export type CreateWebhookInput = z.output<typeof CreateWebhookBody>;
export type UpdateWebhookInput = z.output<typeof UpdateWebhookBody>;

/** A new API client, as the admin API hands it over for its seed-000 default subscription. */
export type ApiClientWebhook = Parameters<WebhookProvisioner>[0];

/** Subscription management: the rules the schemas cannot express (URL policy, secret forms, defaults). */
export class Subscriptions {
  constructor(
    private readonly store: SubscriptionStore,
    private readonly policy: UrlPolicy,
    private readonly clock: Clock,
  ) {}

  async create(ownerId: string, body: CreateWebhookInput): Promise<CreatedWebhookSubscription> {
    await this.checkUrl(body.url, 'url');
    const scheme = body.scheme ?? 'hmac-sha256';
    const secret = body.secret ?? generateWebhookSecret(scheme);
    await checkSecretForm(scheme, secret);
    return { ...publicView(this.add(ownerId, secret, { ...body, scheme })), secret };
  }

  /** Seed 000: a client created with a webhook URL gets every event, HMAC-signed with its secret, no retries. */
  async createDefault(client: ApiClientWebhook): Promise<StoredSubscription> {
    await this.checkUrl(client.webhook_url, 'webhook_url');
    return this.add(client.id, client.webhook_secret, {
      url: client.webhook_url,
      events: ['*'],
      description: "The API client's webhook_url",
    });
  }

  /** The seed defaults: HMAC signing, no retries (seed 000), the default backoff kept for a switch to retries. */
  private add(ownerId: string, secret: string, body: Omit<CreateWebhookInput, 'secret'>): StoredSubscription {
    return this.store.add(
      {
        owner_id: ownerId,
        secret,
        url: body.url,
        events: body.events,
        scheme: body.scheme ?? 'hmac-sha256',
        retry_policy: body.retry_policy ?? 'none',
        retry_schedule: body.retry_schedule ?? [...DEFAULT_RETRY_SCHEDULE],
        conditions: body.conditions ?? null,
        description: body.description ?? null,
        enabled: true,
      },
      this.nowIso(),
    );
  }

  get(ownerId: string, id: string): WebhookSubscription {
    return publicView(this.store.get(ownerId, id));
  }

  list(ownerId: string, query: { limit: number; cursor?: string | undefined }): Page<WebhookSubscription> {
    return this.store.list(ownerId, query);
  }

  async update(ownerId: string, id: string, body: UpdateWebhookInput): Promise<WebhookSubscription> {
    this.store.get(ownerId, id);
    if (body.url !== undefined) await this.checkUrl(body.url, 'url');
    const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    return publicView(this.store.update(ownerId, id, changes, this.nowIso()));
  }

  /**
   * v1.1: a new secret, shown once. The previous one signs on until `grace_seconds` have passed (see
   * signed-request.ts), so a receiver can add the new secret before dropping the old one.
   */
  rotateSecret(ownerId: string, id: string, graceSeconds = DEFAULT_GRACE_SECONDS): RotatedSecret {
    const sub = this.store.get(ownerId, id);
    const secret = generateWebhookSecret(sub.scheme);
    const now = this.clock.now();
    const expiresAt = new Date(now + graceSeconds * 1000).toISOString();
    this.store.rotate(ownerId, id, secret, expiresAt, new Date(now).toISOString());
    return { secret, previous_secret_expires_at: expiresAt };
  }

  private async checkUrl(url: string, field: string): Promise<void> {
    try {
      await this.policy.check(url);
    } catch (error) {
      if (error instanceof UrlRefusedError) throw invalid(field, error.message);
      throw error;
    }
  }

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }
}

/** A chosen secret must be one the signer takes: asking it keeps one definition of each scheme's form. */
async function checkSecretForm(scheme: SignatureScheme, secret: string): Promise<void> {
  try {
    await signWebhook({ scheme, secret, event: '{}' });
  } catch (error) {
    const reason =
      error instanceof Error ? error.message.replace(/^secret /, '') : 'is not usable with this scheme';
    throw invalid('secret', reason);
  }
}
