import type { z } from 'zod';
import type { DeliveryAttempt, DeliveryListFilters, Page } from '@returns-pack/shared-client';
import { newId } from '../domain/ids';
import { pageNewestFirst } from './paging';
import type { Sequenced } from './paging';

interface SubscriptionLog {
  entries: Sequenced<DeliveryAttempt>[];
  dropped: number;
}

export const DEFAULT_ATTEMPTS_KEPT = 1000;

/**
 * Every delivery attempt, per subscription. Memory is bounded: past `maxPerSubscription` the oldest
 * attempts are dropped (and counted); the events themselves stay replayable from the event log.
 */
export class AttemptLog {
  private readonly logs = new Map<string, SubscriptionLog>();
  private seq = 0;

  constructor(private readonly maxPerSubscription = DEFAULT_ATTEMPTS_KEPT) {}

  record(fields: Omit<DeliveryAttempt, 'id'>): DeliveryAttempt {
    const attempt: DeliveryAttempt = { id: newId('dlv'), ...fields };
    let log = this.logs.get(fields.webhook_id);
    if (!log) this.logs.set(fields.webhook_id, (log = { entries: [], dropped: 0 }));
    log.entries.push({ seq: ++this.seq, item: attempt });
    if (log.entries.length > this.maxPerSubscription) {
      log.entries.shift();
      log.dropped++;
    }
    return attempt;
  }

  list(webhookId: string, filters: z.output<typeof DeliveryListFilters>): Page<DeliveryAttempt> {
    return pageNewestFirst(
      this.logs.get(webhookId)?.entries ?? [],
      filters,
      (a) =>
        (filters.event_id === undefined || a.event_id === filters.event_id) &&
        (filters.outcome === undefined || a.outcome === filters.outcome),
    );
  }

  /** How many attempts of this subscription fell out of the log. */
  dropped(webhookId: string): number {
    return this.logs.get(webhookId)?.dropped ?? 0;
  }

  forget(webhookId: string): void {
    this.logs.delete(webhookId);
  }
}
