import type { DeliveryAttempt, Page } from '@returns-pack/shared-client';
import { decodeCursor } from '../cursor';
import type { DeliveryAttemptQuery, DeliveryAttemptRepository } from '../repositories';
import { pageRows, parse, where } from './paging';
import type { Condition } from './paging';
import type { SqliteSession } from './session';

/**
 * The attempt log is bookkeeping: written in the deferred batch (see session.ts), bounded per webhook
 * like the in-memory log.
 */
export class SqliteDeliveryAttemptRepository implements DeliveryAttemptRepository {
  /** Attempts held per webhook, counted once on first use. */
  private readonly held = new Map<string, number>();

  constructor(private readonly session: SqliteSession) {}

  append(attempt: DeliveryAttempt, keepPerWebhook: number): void {
    const { session } = this;
    session.deferred(() => {
      session
        .prepare('INSERT INTO delivery_attempts (webhook_id, event_id, outcome, json) VALUES (?, ?, ?, ?)')
        .run(attempt.webhook_id, attempt.event_id, attempt.outcome, JSON.stringify(attempt));
      const held = this.heldBy(attempt.webhook_id) + 1;
      if (held <= keepPerWebhook) {
        this.held.set(attempt.webhook_id, held);
        return;
      }
      const excess = held - keepPerWebhook;
      session
        .prepare(
          `DELETE FROM delivery_attempts WHERE pos IN
             (SELECT pos FROM delivery_attempts WHERE webhook_id = ? ORDER BY pos LIMIT ?)`,
        )
        .run(attempt.webhook_id, excess);
      session
        .prepare(
          `INSERT INTO delivery_attempts_dropped (webhook_id, dropped) VALUES (?, ?)
           ON CONFLICT (webhook_id) DO UPDATE SET dropped = dropped + excluded.dropped`,
        )
        .run(attempt.webhook_id, excess);
      this.held.set(attempt.webhook_id, keepPerWebhook);
    });
  }

  list(webhookId: string, query: DeliveryAttemptQuery): Page<DeliveryAttempt> {
    if (query.cursor !== undefined) decodeCursor(query.cursor);
    const conditions: Condition[] = [where('webhook_id = ?', webhookId)];
    if (query.event_id !== undefined) conditions.push(where('event_id = ?', query.event_id));
    if (query.outcome !== undefined) conditions.push(where('outcome = ?', query.outcome));
    return pageRows(this.session, 'delivery_attempts', conditions, query, parse<DeliveryAttempt>);
  }

  dropped(webhookId: string): number {
    const row = this.session
      .prepare('SELECT dropped FROM delivery_attempts_dropped WHERE webhook_id = ?')
      .get(webhookId) as { dropped: number } | undefined;
    return row?.dropped ?? 0;
  }

  forget(webhookId: string): void {
    this.session.transaction(() => {
      this.session.prepare('DELETE FROM delivery_attempts WHERE webhook_id = ?').run(webhookId);
      this.session.prepare('DELETE FROM delivery_attempts_dropped WHERE webhook_id = ?').run(webhookId);
    });
    this.held.delete(webhookId);
  }

  forgetCached(): void {
    this.held.clear();
  }

  private heldBy(webhookId: string): number {
    let held = this.held.get(webhookId);
    if (held === undefined) {
      held = (
        this.session
          .prepare('SELECT count(*) AS n FROM delivery_attempts WHERE webhook_id = ?')
          .get(webhookId) as { n: number }
      ).n;
    }
    return held;
  }
}
