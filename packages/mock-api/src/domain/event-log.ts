import type { EventEnvelope, EventType, Page, Rma, RmaStatus } from '@returns-pack/shared-client';
import type { EventQuery, EventRepository } from '../storage/repositories';
import { newId } from './ids';
import { iso } from './time';
import { warnBackgroundFailure } from './warn';

export type EventListener = (event: EventEnvelope) => void;

export interface AppendEvent {
  type: EventType;
  rma: Rma;
  previousStatus?: RmaStatus | null;
  test?: boolean;
  replay?: boolean;
}

/**
 * The event log and its bus. Every append gets an id and the subject's next `sequence`, is stored,
 * then handed synchronously to each listener (the delivery engine attaches here). An event appended
 * from inside a listener waits until the current one has reached every listener, so all listeners
 * see the log's order.
 */
export class EventLog {
  private readonly listeners = new Set<EventListener>();
  private readonly undelivered: EventEnvelope[] = [];
  private dispatching = false;
  private outbox: EventListener | undefined;

  constructor(
    private readonly repository: EventRepository,
    private readonly stamp: () => number,
  ) {}

  append(input: AppendEvent): EventEnvelope {
    const subjectId = input.rma.id;
    const event: EventEnvelope = {
      id: newId('evt'),
      type: input.type,
      created_at: iso(this.stamp()),
      api_version: 'v1',
      subject: { type: 'rma', id: subjectId },
      sequence: this.repository.lastSequence(subjectId) + 1,
      test: input.test ?? false,
      replay: input.replay ?? false,
      data: { rma: input.rma, previous_status: input.previousStatus ?? null },
    };
    this.repository.append(event);
    // Part of the append, unlike the listeners: if the delivery jobs cannot be queued, the append
    // fails with them, and the transaction around it takes back the change and its event.
    this.outbox?.(event);
    this.dispatch(event);
    return event;
  }

  /** The transactional outbox: queues each event's deliveries in the same unit of work as its append. */
  setOutbox(outbox: EventListener): void {
    this.outbox = outbox;
  }

  subscribe(listener: EventListener): () => void {
    // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
    const entry: EventListener = (event) => listener(event);
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  get(id: string): EventEnvelope | undefined {
    return this.repository.get(id);
  }

  list(query: EventQuery): Page<EventEnvelope> {
    return this.repository.list(query);
  }

  /** Oldest first, every event created within [start, end] (inclusive): the window a replay re-sends. */
  listBetween(start: Date | number | string, end: Date | number | string): EventEnvelope[] {
    return this.repository.listBetween(toMs(start), toMs(end));
  }

  private dispatch(event: EventEnvelope): void {
    this.undelivered.push(event);
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      for (let next = this.undelivered.shift(); next; next = this.undelivered.shift()) {
        for (const listener of [...this.listeners]) {
          try {
            listener(next);
          } catch (error) {
            // One failing listener must not fail the request that caused the event, nor starve the others.
            warnBackgroundFailure(`event listener failed on ${next.type} ${next.id}`, error);
          }
        }
      }
    } finally {
      this.dispatching = false;
    }
  }
}

function toMs(value: Date | number | string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : value;
  if (!Number.isFinite(ms)) throw new TypeError(`not a time: ${String(value)}`);
  return ms;
}
