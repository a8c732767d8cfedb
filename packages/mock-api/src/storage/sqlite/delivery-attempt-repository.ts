import type { DeliveryAttempt, Page } from '@returns-pack/shared-client';
import { decodeCursor } from '../cursor';
import type { DeliveryAttemptQuery, DeliveryAttemptRepository } from '../repositories';
import { pageRows, parse, where } from './paging';
import type { Condition } from './paging';
import type { SqliteSession } from './session';

/**
 * The attempt log is bookkeeping: written in the deferred batch (see session.ts), bounded per webhook
 * like the in-memory log. Dropping the oldest attempt at each new one cost a DELETE per attempt, the
 * dearest statement of a delivery: the oldest are dropped in chunks instead, once a webhook holds a
 * tenth more than it keeps, and always before that webhook's attempts are read, so that no page and
 * no count ever shows the excess. The cap is written beside the count of dropped attempts, in the
 * batch that first passes it, so that a start after a crash trims whatever excess the file holds.
 */
export class SqliteDeliveryAttemptRepository implements DeliveryAttemptRepository {
  /** Attempts held per webhook, counted once on first use. */
  private readonly held = new Map<string, number>();
  /** Webhooks that have held more attempts than they keep, and how many they keep. */
  private readonly overfull = new Map<string, number>();

  constructor(private readonly session: SqliteSession) {
    const capped = session
      .prepare('SELECT webhook_id, keep FROM delivery_attempts_dropped WHERE keep IS NOT NULL')
      .all() as { webhook_id: string; keep: number }[];
    for (const { webhook_id, keep } of capped) this.overfull.set(webhook_id, keep);
    const over = capped.filter(({ webhook_id, keep }) => this.heldBy(webhook_id) > keep);
    if (over.length > 0) session.transaction(() => over.forEach(({ webhook_id }) => this.trim(webhook_id)));
  }

  append(attempt: DeliveryAttempt, keepPerWebhook: number): void {
    const { session } = this;
    const webhookId = attempt.webhook_id;
    session.deferred(() => {
      // Counted before the insert, which a first count would otherwise include.
      const held = this.heldBy(webhookId) + 1;
      session
        .prepare('INSERT INTO delivery_attempts (webhook_id, event_id, outcome, json) VALUES (?, ?, ?, ?)')
        .run(webhookId, attempt.event_id, attempt.outcome, JSON.stringify(attempt));
      this.held.set(webhookId, held);
      if (held <= keepPerWebhook) return;
      if (this.overfull.get(webhookId) !== keepPerWebhook) {
        this.overfull.set(webhookId, keepPerWebhook);
        session
          .prepare(
            `INSERT INTO delivery_attempts_dropped (webhook_id, dropped, keep) VALUES (?, 0, ?)
             ON CONFLICT (webhook_id) DO UPDATE SET keep = excluded.keep`,
          )
          .run(webhookId, keepPerWebhook);
      }
      if (held - keepPerWebhook >= Math.ceil(keepPerWebhook / 10)) this.trim(webhookId);
    });
  }

  list(webhookId: string, query: DeliveryAttemptQuery): Page<DeliveryAttempt> {
    if (query.cursor !== undefined) decodeCursor(query.cursor);
    this.trimPending(webhookId);
    const conditions: Condition[] = [where('webhook_id = ?', webhookId)];
    if (query.event_id !== undefined) conditions.push(where('event_id = ?', query.event_id));
    if (query.outcome !== undefined) conditions.push(where('outcome = ?', query.outcome));
    return pageRows(this.session, 'delivery_attempts', conditions, query, parse<DeliveryAttempt>);
  }

  dropped(webhookId: string): number {
    this.trimPending(webhookId);
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
    this.overfull.delete(webhookId);
  }

  forgetCached(): void {
    this.held.clear();
    this.overfull.clear();
  }

  private trimPending(webhookId: string): void {
    const keep = this.overfull.get(webhookId);
    if (keep !== undefined && this.heldBy(webhookId) > keep)
      this.session.deferred(() => this.trim(webhookId));
  }

  /** Drops the webhook's oldest attempts down to what it keeps, and counts them. */
  private trim(webhookId: string): void {
    const keep = this.overfull.get(webhookId)!;
    const excess = this.heldBy(webhookId) - keep;
    this.session
      .prepare(
        `DELETE FROM delivery_attempts WHERE pos IN
           (SELECT pos FROM delivery_attempts WHERE webhook_id = ? ORDER BY pos LIMIT ?)`,
      )
      .run(webhookId, excess);
    this.session
      .prepare('UPDATE delivery_attempts_dropped SET dropped = dropped + ? WHERE webhook_id = ?')
      .run(excess, webhookId);
    this.held.set(webhookId, keep);
  }

  private heldBy(webhookId: string): number {
    let held = this.held.get(webhookId);
    if (held === undefined) {
      held = (
        this.session
          .prepare('SELECT count(*) AS n FROM delivery_attempts WHERE webhook_id = ?')
          .get(webhookId) as { n: number }
      ).n;
      this.held.set(webhookId, held);
    }
    return held;
  }
}
