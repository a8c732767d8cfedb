import type { Page, WebhookSubscription } from '@returns-pack/shared-client';
import { DomainError, notFound } from '../domain/errors';
import { newId } from '../domain/ids';
import { pageNewestFirst } from './paging';
import type { Sequenced } from './paging';

/** A subscription as kept: the public fields, the API client that owns it, and its signing secret. */
export type StoredSubscription = WebhookSubscription & { owner_id: string; secret: string };

export type NewSubscription = Omit<StoredSubscription, 'id' | 'created_at' | 'updated_at'>;
export type SubscriptionChanges = Partial<
  Pick<
    WebhookSubscription,
    'url' | 'events' | 'retry_policy' | 'retry_schedule' | 'conditions' | 'description' | 'enabled'
  >
>;

export const MAX_SUBSCRIPTIONS_PER_CLIENT = 100;

/** Subscriptions by id. Another client's subscription answers `not_found`, as if it did not exist. */
export class SubscriptionStore {
  private readonly byId = new Map<string, Sequenced<StoredSubscription>>();
  private seq = 0;

  add(fields: NewSubscription, now: string): StoredSubscription {
    const owned = [...this.byId.values()].filter((e) => e.item.owner_id === fields.owner_id).length;
    if (owned >= MAX_SUBSCRIPTIONS_PER_CLIENT) {
      throw new DomainError(
        'conflict',
        `An API client may hold at most ${MAX_SUBSCRIPTIONS_PER_CLIENT} webhooks`,
      );
    }
    const sub: StoredSubscription = { id: newId('wh'), ...fields, created_at: now, updated_at: now };
    this.byId.set(sub.id, { seq: ++this.seq, item: sub });
    return sub;
  }

  get(ownerId: string, id: string): StoredSubscription {
    const sub = this.byId.get(id)?.item;
    if (!sub || sub.owner_id !== ownerId) throw notFound('webhook subscription', id);
    return sub;
  }

  /** For the delivery worker, which acts for no client in particular. */
  find(id: string): StoredSubscription | undefined {
    return this.byId.get(id)?.item;
  }

  list(ownerId: string, query: { limit: number; cursor?: string | undefined }): Page<WebhookSubscription> {
    const page = pageNewestFirst([...this.byId.values()], query, (s) => s.owner_id === ownerId);
    return { ...page, data: page.data.map(publicView) };
  }

  update(ownerId: string, id: string, changes: SubscriptionChanges, now: string): StoredSubscription {
    const sub = this.get(ownerId, id);
    Object.assign(sub, changes, { updated_at: now });
    return sub;
  }

  remove(ownerId: string, id: string): void {
    this.get(ownerId, id);
    this.byId.delete(id);
  }

  *all(): IterableIterator<StoredSubscription> {
    for (const entry of this.byId.values()) yield entry.item;
  }
}

/** What reads answer: never the secret, never the owner. */
export function publicView(sub: StoredSubscription): WebhookSubscription {
  const { owner_id: _owner, secret: _secret, ...view } = sub;
  return view;
}
