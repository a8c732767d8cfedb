import type { EventEnvelope } from '@returns-pack/shared-client';
import type { DeliveryJob, DeliveryQueueRepository, QueuedLane } from '../repositories';
import type { SqliteSession } from './session';

interface JobRow {
  seq: number;
  subscription_id: string;
  owner_id: string;
  replay: number;
  attempt: number;
  event_id: string;
  event: string | null;
}

/** Events kept loaded for the jobs that name them: one event object, so one serialisation, per event. */
const RECENT_EVENTS = 10_000;

/**
 * The outbox's jobs. A job is queued in the transaction of the change that caused its event, so the
 * two commit together. Finishing a job is bookkeeping (deferred): lost in a crash, the job is simply
 * made again. Each lane's first job is kept loaded, since the outbox asks for it on every turn.
 */
export class SqliteDeliveryQueueRepository implements DeliveryQueueRepository {
  private readonly heads = new Map<string, { seq: number; job: DeliveryJob }>();
  private readonly lengths = new Map<string, number>();
  private readonly recent = new Map<string, EventEnvelope>();
  private lastLogged: string | undefined;

  constructor(private readonly session: SqliteSession) {}

  push(lane: string, job: DeliveryJob): void {
    // A logged event is named by id; one that is not in the log (a test event) is kept whole.
    const eventJson = this.isLogged(job.event) ? null : JSON.stringify(job.event);
    this.remember(job.event);
    this.session.run(
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
    this.lengths.set(lane, this.length(lane) + 1);
  }

  peek(lane: string): DeliveryJob | undefined {
    const cached = this.heads.get(lane);
    if (cached) return cached.job;
    const row = this.session
      .prepare(
        `SELECT q.seq, q.subscription_id, q.owner_id, q.replay, q.attempt, q.event_id,
                coalesce(q.event_json, e.json) AS event
         FROM delivery_queue q LEFT JOIN events e ON e.id = q.event_id
         WHERE q.lane = ? ORDER BY q.seq LIMIT 1`,
      )
      .get(lane) as JobRow | undefined;
    if (!row) return undefined;
    const job: DeliveryJob = {
      subscriptionId: row.subscription_id,
      ownerId: row.owner_id,
      event: this.recent.get(row.event_id) ?? this.remember(JSON.parse(row.event ?? 'null') as EventEnvelope),
      replay: row.replay === 1,
      attempt: row.attempt,
    };
    this.heads.set(lane, { seq: row.seq, job });
    return job;
  }

  shift(lane: string): void {
    const head = this.heads.get(lane) ?? (this.peek(lane) && this.heads.get(lane));
    if (!head) return;
    this.heads.delete(lane);
    this.session.deferred(() => {
      this.session.prepare('DELETE FROM delivery_queue WHERE seq = ?').run(head.seq);
    });
    const left = this.length(lane) - 1;
    if (left > 0) this.lengths.set(lane, left);
    else this.lengths.delete(lane);
  }

  length(lane: string): number {
    let length = this.lengths.get(lane);
    if (length === undefined) {
      length = (
        this.session.prepare('SELECT count(*) AS n FROM delivery_queue WHERE lane = ?').get(lane) as {
          n: number;
        }
      ).n;
      if (length > 0) this.lengths.set(lane, length);
    }
    return length;
  }

  drop(lane: string): void {
    this.session.run('DELETE FROM delivery_queue WHERE lane = ?', lane);
    this.heads.delete(lane);
    this.lengths.delete(lane);
  }

  retryAt(lane: string, attempt: number, atMs: number): void {
    const head = this.heads.get(lane);
    if (!head) return;
    head.job.attempt = attempt;
    this.session.deferred(() => {
      this.session
        .prepare('UPDATE delivery_queue SET attempt = ?, due_ms = ? WHERE seq = ?')
        .run(attempt, atMs, head.seq);
    });
  }

  *lanes(): Iterable<QueuedLane> {
    const rows = this.session
      .prepare(
        `SELECT q.lane, q.subscription_id, q.owner_id, q.due_ms, counts.jobs
         FROM (SELECT lane, min(seq) AS first, count(*) AS jobs FROM delivery_queue GROUP BY lane) counts
         JOIN delivery_queue q ON q.seq = counts.first
         ORDER BY q.seq`,
      )
      .all() as {
      lane: string;
      subscription_id: string;
      owner_id: string;
      due_ms: number | null;
      jobs: number;
    }[];
    for (const row of rows) {
      this.lengths.set(row.lane, row.jobs);
      yield {
        lane: row.lane,
        subscriptionId: row.subscription_id,
        ownerId: row.owner_id,
        jobs: row.jobs,
        dueAtMs: row.due_ms,
      };
    }
  }

  forgetCached(): void {
    this.heads.clear();
    this.lengths.clear();
    this.recent.clear();
    this.lastLogged = undefined;
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
