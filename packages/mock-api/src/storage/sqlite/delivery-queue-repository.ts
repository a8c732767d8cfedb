import type { EventEnvelope } from '@returns-pack/shared-client';
import { Fifo } from '../fifo';
import type { DeliveryJob, DeliveryQueueRepository, QueuedLane } from '../repositories';
import type { SqliteSession } from './session';

interface JobRow {
  lane: string;
  subscription_id: string;
  owner_id: string;
  replay: number;
  attempt: number;
  event_id: string;
  /** Only for an event that is not in the log (a test event). */
  event_json: string | null;
}

/** Events kept loaded for the jobs that name them: one event object, so one serialisation, per event. */
const RECENT_EVENTS = 10_000;

/**
 * The outbox's jobs. A job is queued in the transaction of the change that caused its event, so the
 * two commit together. Finishing a job is bookkeeping (deferred): lost in a crash, the job is simply
 * made again.
 *
 * Which jobs each lane holds, in order, is kept here (read once at start; no other process writes
 * the file), and a job is read by its `seq` alone: the table has no index on the lane. An event's
 * jobs go to as many lanes as it has subscriptions, and each lane's index entry would be another
 * page for its commit to write; without it a commit writes about half the pages. Each lane's first
 * job is kept loaded, since the outbox asks for it on every turn.
 */
export class SqliteDeliveryQueueRepository implements DeliveryQueueRepository {
  /** Every lane with jobs: their seqs, oldest first. */
  private readonly queued = new Map<string, Fifo<number>>();
  private readonly heads = new Map<string, { seq: number; job: DeliveryJob }>();
  private readonly recent = new Map<string, EventEnvelope>();
  private lastLogged: string | undefined;

  constructor(private readonly session: SqliteSession) {
    const rows = session.prepare('SELECT seq, lane FROM delivery_queue ORDER BY seq').all() as {
      seq: number;
      lane: string;
    }[];
    for (const { seq, lane } of rows) this.seqsOf(lane).push(seq);
  }

  push(lane: string, job: DeliveryJob): void {
    // A logged event is named by id; one that is not in the log (a test event) is kept whole.
    const eventJson = this.isLogged(job.event) ? null : JSON.stringify(job.event);
    this.remember(job.event);
    const { lastInsertRowid } = this.session.run(
      `INSERT INTO delivery_queue (lane, subscription_id, owner_id, event_id, event_json, replay, attempt)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      lane,
      job.subscriptionId,
      job.ownerId,
      job.event.id,
      eventJson,
      job.replay ? 1 : 0,
      job.attempt,
    );
    this.seqsOf(lane).push(Number(lastInsertRowid));
  }

  peek(lane: string): DeliveryJob | undefined {
    const cached = this.heads.get(lane);
    if (cached) return cached.job;
    const seqs = this.queued.get(lane);
    for (let seq = seqs?.peek(); seq !== undefined; seq = seqs!.peek()) {
      const row = this.session
        .prepare(
          `SELECT lane, subscription_id, owner_id, replay, attempt, event_id, event_json
           FROM delivery_queue WHERE seq = ?`,
        )
        .get(seq) as JobRow | undefined;
      if (row?.lane === lane) {
        const job: DeliveryJob = {
          subscriptionId: row.subscription_id,
          ownerId: row.owner_id,
          event: this.recent.get(row.event_id) ?? this.remember(this.loadEvent(row)),
          replay: row.replay === 1,
          attempt: row.attempt,
        };
        this.heads.set(lane, { seq, job });
        return job;
      }
      // Queued by a transaction that rolled back: gone, and its seq perhaps given to another job since.
      seqs!.shift();
    }
    this.queued.delete(lane);
    return undefined;
  }

  shift(lane: string): void {
    const head = this.heads.get(lane) ?? (this.peek(lane) && this.heads.get(lane));
    if (!head) return;
    this.heads.delete(lane);
    this.session.deferred(() => {
      this.session.prepare('DELETE FROM delivery_queue WHERE seq = ?').run(head.seq);
    });
    const seqs = this.queued.get(lane)!;
    seqs.shift();
    if (seqs.length === 0) this.queued.delete(lane);
  }

  length(lane: string): number {
    return this.queued.get(lane)?.length ?? 0;
  }

  drop(lane: string): void {
    const seqs = this.queued.get(lane);
    if (seqs) {
      this.session.transaction(() => {
        const remove = this.session.prepare('DELETE FROM delivery_queue WHERE seq = ? AND lane = ?');
        for (let seq = seqs.shift(); seq !== undefined; seq = seqs.shift()) remove.run(seq, lane);
      });
    }
    this.heads.delete(lane);
    this.queued.delete(lane);
  }

  retryAt(lane: string, atMs: number): void {
    const head = this.heads.get(lane);
    if (!head) return;
    this.session.deferred(() => {
      this.session
        .prepare('UPDATE delivery_queue SET attempt = ?, due_ms = ? WHERE seq = ?')
        .run(head.job.attempt, atMs, head.seq);
    });
  }

  /** From the lanes read at start, which were set in the order of their first jobs. */
  *lanes(): Iterable<QueuedLane> {
    const first = this.session.prepare(
      'SELECT subscription_id, owner_id, due_ms FROM delivery_queue WHERE seq = ?',
    );
    for (const [lane, seqs] of this.queued) {
      const row = first.get(seqs.peek()) as
        { subscription_id: string; owner_id: string; due_ms: number | null } | undefined;
      if (!row) continue;
      yield {
        lane,
        subscriptionId: row.subscription_id,
        ownerId: row.owner_id,
        jobs: seqs.length,
        dueAtMs: row.due_ms,
      };
    }
  }

  forgetCached(): void {
    this.queued.clear();
    this.heads.clear();
    this.recent.clear();
    this.lastLogged = undefined;
  }

  private seqsOf(lane: string): Fifo<number> {
    let seqs = this.queued.get(lane);
    if (!seqs) this.queued.set(lane, (seqs = new Fifo()));
    return seqs;
  }

  /** The job's event: kept whole with the job if it is not in the log, else read from the log. */
  private loadEvent(row: JobRow): EventEnvelope {
    const json =
      row.event_json ??
      (this.session.prepare('SELECT json FROM events WHERE id = ?').get(row.event_id) as { json: string })
        .json;
    return JSON.parse(json) as EventEnvelope;
  }

  private isLogged(event: EventEnvelope): boolean {
    if (event.test) return false;
    // An event goes to each of its subscriptions in turn: one look-up for them all.
    if (this.lastLogged === event.id) return true;
    const logged = this.session.prepare('SELECT 1 FROM events WHERE id = ?').get(event.id) !== undefined;
    if (logged) this.lastLogged = event.id;
    return logged;
  }

  private remember(event: EventEnvelope): EventEnvelope {
    this.recent.delete(event.id);
    this.recent.set(event.id, event);
    if (this.recent.size > RECENT_EVENTS) this.recent.delete(this.recent.keys().next().value!);
    return event;
  }
}
