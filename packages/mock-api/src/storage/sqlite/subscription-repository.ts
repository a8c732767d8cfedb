import type { Page } from '@returns-pack/shared-client';
import type { PageQuery, StoredSubscription, SubscriptionRepository } from '../repositories';
import { pageRows, parse, where } from './paging';
import type { SqliteSession } from './session';

/**
 * Every event is matched against every subscription (at most 100 per client), so they are read once
 * at start and kept beside the table, which each write updates; pages are read from the table.
 */
export class SqliteSubscriptionRepository implements SubscriptionRepository {
  private readonly byId = new Map<string, StoredSubscription>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly session: SqliteSession) {
    const rows = session.prepare('SELECT json FROM subscriptions ORDER BY pos').all() as { json: string }[];
    for (const row of rows) this.remember(parse<StoredSubscription>(row.json));
  }

  insert(sub: StoredSubscription): void {
    this.session.run(
      'INSERT INTO subscriptions (id, owner_id, json) VALUES (?, ?, ?)',
      sub.id,
      sub.owner_id,
      JSON.stringify(sub),
    );
    this.remember(sub);
  }

  get(id: string): StoredSubscription | undefined {
    return this.byId.get(id);
  }

  update(sub: StoredSubscription): void {
    if (!this.byId.has(sub.id)) return;
    this.session.run('UPDATE subscriptions SET json = ? WHERE id = ?', JSON.stringify(sub), sub.id);
    this.byId.set(sub.id, sub);
  }

  remove(id: string): void {
    const sub = this.byId.get(id);
    if (!sub) return;
    this.session.run('DELETE FROM subscriptions WHERE id = ?', id);
    this.byId.delete(id);
    this.counts.set(sub.owner_id, this.countByOwner(sub.owner_id) - 1);
  }

  countByOwner(ownerId: string): number {
    return this.counts.get(ownerId) ?? 0;
  }

  listByOwner(ownerId: string, query: PageQuery): Page<StoredSubscription> {
    return pageRows(this.session, 'subscriptions', [where('owner_id = ?', ownerId)], query, (json) =>
      // The kept object, so that a page and `get` agree on what a subscription is.
      this.byId.get(parse<StoredSubscription>(json).id)!,
    );
  }

  all(): Iterable<StoredSubscription> {
    return this.byId.values();
  }

  forgetCached(): void {
    this.byId.clear();
    this.counts.clear();
  }

  private remember(sub: StoredSubscription): void {
    this.byId.set(sub.id, sub);
    this.counts.set(sub.owner_id, this.countByOwner(sub.owner_id) + 1);
  }
}
