import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { ApiClient, CreateApiClientBody, CreatedApiClient } from '@returns-pack/shared-client';
import type { ApiClientRepository, StoredApiClient } from '../storage/repositories';
import { notFound } from './errors';
import { newId, newSecret } from './ids';
import { sha256Hex } from './secrets';
import { iso } from './time';

export type CreateApiClientInput = z.output<typeof CreateApiClientBody>;

/**
 * Seed 000: a client created with a webhook URL gets a subscription to every event. Delivery owns
 * subscriptions and plugs that in with `setWebhookProvisioner`; it gets the secret in clear, once,
 * because it must sign with it, and answers the subscription's id.
 */
export type WebhookProvisioner = (client: {
  id: string;
  webhook_url: string;
  webhook_secret: string;
}) => Promise<{ id: string } | null>;

const KEY_PREFIX_LENGTH = 12;

export class ApiClientService {
  private provisioner: WebhookProvisioner | undefined;

  constructor(
    private readonly repository: ApiClientRepository,
    private readonly stamp: () => number,
  ) {}

  setWebhookProvisioner(provisioner: WebhookProvisioner): void {
    this.provisioner = provisioner;
  }

  /** The key and webhook secret are in this answer only; the store keeps their hashes. */
  async create(input: CreateApiClientInput): Promise<CreatedApiClient> {
    const apiKey = newSecret('rmk');
    // The same form as the shared client's `hmac-sha256` secrets: hex of 32 random bytes.
    const webhookSecret = randomBytes(32).toString('hex');
    const client: StoredApiClient = {
      id: newId('cli'),
      name: input.name,
      webhook_url: input.webhook_url ?? null,
      key_prefix: apiKey.slice(0, KEY_PREFIX_LENGTH),
      created_at: iso(this.stamp()),
      revoked_at: null,
      key_hash: sha256Hex(apiKey),
      webhook_secret_hash: sha256Hex(webhookSecret),
    };
    // Provision first: a refused webhook URL then leaves no half-made client behind.
    const webhook =
      client.webhook_url !== null && this.provisioner
        ? await this.provisioner({
            id: client.id,
            webhook_url: client.webhook_url,
            webhook_secret: webhookSecret,
          })
        : null;
    this.repository.insert(client);
    return {
      ...publicView(client),
      api_key: apiKey,
      webhook_secret: webhookSecret,
      webhook_id: webhook?.id ?? null,
    };
  }

  list(): ApiClient[] {
    return this.repository.list().map(publicView);
  }

  get(id: string): ApiClient {
    const client = this.repository.get(id);
    if (!client) throw notFound('API client', id);
    return publicView(client);
  }

  /** Takes effect on the very next request: `authenticate` reads the stored state every time. */
  revoke(id: string): ApiClient {
    const client = this.repository.get(id);
    if (!client) throw notFound('API client', id);
    if (client.revoked_at !== null) return publicView(client);
    const revoked = { ...client, revoked_at: iso(this.stamp()) };
    this.repository.update(revoked);
    return publicView(revoked);
  }

  /** The live client this key belongs to, or undefined for an unknown or revoked key. */
  authenticate(apiKey: string): ApiClient | undefined {
    const client = this.repository.findByKeyHash(sha256Hex(apiKey));
    return client && client.revoked_at === null ? publicView(client) : undefined;
  }
}

function publicView(client: StoredApiClient): ApiClient {
  const { key_hash: _key, webhook_secret_hash: _secret, ...view } = client;
  return view;
}
