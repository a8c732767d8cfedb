import type { Page } from '@returns-pack/shared-client';
import { OrderedLog, addToIndex } from './ordered-log';
import type { PageQuery, StoredSubscription, SubscriptionRepository } from '../repositories';

export class MemorySubscriptionRepository implements SubscriptionRepository {
  private readonly log = new OrderedLog<StoredSubscription>((sub) => Date.parse(sub.created_at));
  private readonly positions = new Map<string, number>();
  private readonly byOwner = new Map<string, number[]>();
  private readonly counts = new Map<string, number>();

  insert(sub: StoredSubscription): void {
    const position = this.log.append(sub);
    this.positions.set(sub.id, position);
    addToIndex(this.byOwner, sub.owner_id, position);
    this.counts.set(sub.owner_id, this.countByOwner(sub.owner_id) + 1);
  }

  get(id: string): StoredSubscription | undefined {
    const position = this.positions.get(id);
    return position === undefined ? undefined : this.log.at(position);
  }

  update(sub: StoredSubscription): void {
    const position = this.positions.get(sub.id);
    if (position !== undefined) this.log.replace(position, sub);
  }

  remove(id: string): void {
    const position = this.positions.get(id);
    const sub = position === undefined ? undefined : this.log.at(position);
    if (position === undefined || !sub) return;
    this.log.remove(position);
    this.positions.delete(id);
    this.counts.set(sub.owner_id, this.countByOwner(sub.owner_id) - 1);
    // The owner's index keeps the empty position: pages skip it, and a client holds at most 100.
  }

  countByOwner(ownerId: string): number {
    return this.counts.get(ownerId) ?? 0;
  }

  listByOwner(ownerId: string, query: PageQuery): Page<StoredSubscription> {
    return this.log.page({ ...query, index: this.byOwner.get(ownerId) ?? [] });
  }

  clear(): void {
    this.log.clear();
    for (const map of [this.positions, this.byOwner, this.counts]) map.clear();
  }

  *all(): Iterable<StoredSubscription> {
    for (const position of this.positions.values()) yield this.log.at(position)!;
  }
}
