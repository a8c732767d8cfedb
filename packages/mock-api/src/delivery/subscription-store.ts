import type { Page, WebhookSubscription } from '@returns-pack/shared-client';
import { DomainError, notFound } from '../domain/errors';
import { newId } from '../domain/ids';
import type { StoredSubscription, SubscriptionRepository } from '../storage/repositories';

export type { StoredSubscription } from '../storage/repositories';

export type NewSubscription = Omit<StoredSubscription, 'id' | 'created_at' | 'updated_at'>;
export type SubscriptionChanges = Partial<
  Pick<
    WebhookSubscription,
    'url' | 'events' | 'retry_policy' | 'retry_schedule' | 'conditions' | 'description' | 'enabled'
  >
>;

export const MAX_SUBSCRIPTIONS_PER_CLIENT = 100;

/**
 * Subscriptions by id, over the storage seam. Another client's subscription answers `not_found`, as
 * if it did not exist.
 */
export class SubscriptionStore {
  constructor(private readonly repository: SubscriptionRepository) {}

  add(fields: NewSubscription, now: string): StoredSubscription {
    if (this.repository.countByOwner(fields.owner_id) >= MAX_SUBSCRIPTIONS_PER_CLIENT) {
      throw new DomainError(
        'conflict',
        `An API client may hold at most ${MAX_SUBSCRIPTIONS_PER_CLIENT} webhooks`,
      );
    }
    const sub: StoredSubscription = { id: newId('wh'), ...fields, created_at: now, updated_at: now };
    this.repository.insert(sub);
    return sub;
  }

  get(ownerId: string, id: string): StoredSubscription {
    const sub = this.repository.get(id);
    if (!sub || sub.owner_id !== ownerId) throw notFound('webhook subscription', id);
    return sub;
  }

  /** For the delivery worker, which acts for no client in particular. */
  find(id: string): StoredSubscription | undefined {
    return this.repository.get(id);
  }

  list(ownerId: string, query: { limit: number; cursor?: string | undefined }): Page<WebhookSubscription> {
    const page = this.repository.listByOwner(ownerId, query);
    return { ...page, data: page.data.map(publicView) };
  }

  update(ownerId: string, id: string, changes: SubscriptionChanges, now: string): StoredSubscription {
    const updated = { ...this.get(ownerId, id), ...changes, updated_at: now };
    this.repository.update(updated);
    return updated;
  }

  /** A new signing secret; the one it replaces is kept, with when it stops being used. */
  rotate(
    ownerId: string,
    id: string,
    secret: string,
    previousExpiresAt: string,
    now: string,
  ): StoredSubscription {
    const current = this.get(ownerId, id);
    const previous_secret = { secret: current.secret, expires_at: previousExpiresAt };
    const updated: StoredSubscription = { ...current, secret, previous_secret, updated_at: now };
    this.repository.update(updated);
    return updated;
  }

  remove(ownerId: string, id: string): void {
    this.get(ownerId, id);
    this.repository.remove(id);
  }

  all(): Iterable<StoredSubscription> {
    return this.repository.all();
  }
}

/** What reads answer: never the secret, never the owner. */
export function publicView(sub: StoredSubscription): WebhookSubscription {
  const { owner_id: _owner, secret: _secret, previous_secret: _previous, ...view } = sub;
  return view;
}
