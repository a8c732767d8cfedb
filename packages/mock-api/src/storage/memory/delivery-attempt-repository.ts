import type { DeliveryAttempt, Page } from '@returns-pack/shared-client';
import { decodeCursor } from '../cursor';
import { OrderedLog } from './ordered-log';
import type { DeliveryAttemptQuery, DeliveryAttemptRepository } from '../repositories';

interface WebhookLog {
  attempts: OrderedLog<DeliveryAttempt>;
  dropped: number;
}

/** Every attempt per webhook, bounded: the events themselves stay replayable from the event log. */
export class MemoryDeliveryAttemptRepository implements DeliveryAttemptRepository {
  private readonly logs = new Map<string, WebhookLog>();

  append(attempt: DeliveryAttempt, keepPerWebhook: number): void {
    let log = this.logs.get(attempt.webhook_id);
    if (!log) {
      log = { attempts: new OrderedLog((a) => Date.parse(a.at)), dropped: 0 };
      this.logs.set(attempt.webhook_id, log);
    }
    log.attempts.append(attempt);
    if (log.attempts.size > keepPerWebhook) log.dropped += log.attempts.trimTo(keepPerWebhook);
  }

  list(webhookId: string, query: DeliveryAttemptQuery): Page<DeliveryAttempt> {
    const log = this.logs.get(webhookId);
    if (!log) {
      // A cursor is checked even where there is nothing to page: a bad one is always the caller's error.
      if (query.cursor !== undefined) decodeCursor(query.cursor);
      return { data: [], has_more: false, next_cursor: null };
    }
    const { event_id: eventId, outcome } = query;
    return log.attempts.page({
      limit: query.limit,
      cursor: query.cursor,
      keep:
        eventId === undefined && outcome === undefined
          ? undefined
          : (a) =>
              (eventId === undefined || a.event_id === eventId) &&
              (outcome === undefined || a.outcome === outcome),
    });
  }

  dropped(webhookId: string): number {
    return this.logs.get(webhookId)?.dropped ?? 0;
  }

  forget(webhookId: string): void {
    this.logs.delete(webhookId);
  }

  clear(): void {
    this.logs.clear();
  }
}
