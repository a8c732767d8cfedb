import type { EventEnvelope } from '@returns-pack/shared-client';
import type { Clock } from '../domain/clock';
import { Fifo } from './fifo';

/** One event on its way to one subscription. `attempt` counts the attempts started so far. */
export interface DeliveryJob {
  subscriptionId: string;
  event: EventEnvelope;
  attempt: number;
}

export interface OutboxOptions {
  clock: Clock;
  /**
   * Makes one attempt and logs it. Resolves with when to try again (clock milliseconds), or null once
   * the job is finished: delivered, or given up and logged. It must not reject.
   */
  attempt: (job: DeliveryJob) => Promise<number | null>;
  /** A job refused because its subscription already has `maxPendingPerSubscription` waiting: log it. */
  overflow: (job: DeliveryJob) => void;
  maxConcurrency?: number;
  /** So that one slow or dead receiver cannot hold every connection. */
  maxConcurrencyPerSubscription?: number;
  maxPendingPerSubscription?: number;
}

export const OUTBOX_DEFAULTS = {
  maxConcurrency: 128,
  maxConcurrencyPerSubscription: 32,
  maxPendingPerSubscription: 10_000,
};

/** The events of one subject for one subscription, strictly one at a time, in the order enqueued. */
interface Lane {
  key: string;
  sub: SubscriptionQueue;
  jobs: Fifo<DeliveryJob>;
  state: 'ready' | 'running' | 'waiting';
  cancelRetry?: () => void;
  canceled: boolean;
}

interface SubscriptionQueue {
  id: string;
  ready: Fifo<Lane>;
  inFlight: number;
  pending: number;
  runnable: boolean;
}

/**
 * The outbox: per (subscription, subject) lanes so event n+1 waits for n, while other subjects and
 * subscriptions proceed in parallel under a global and a per-subscription concurrency bound. Retries wait
 * on the clock, so a test advances time instead of sleeping. Nothing here blocks the caller of `enqueue`.
 */
export class Outbox {
  private readonly lanes = new Map<string, Lane>();
  private readonly subs = new Map<string, SubscriptionQueue>();
  private readonly runnable = new Fifo<SubscriptionQueue>();
  private readonly limits: typeof OUTBOX_DEFAULTS;
  private inFlight = 0;
  private readyLanes = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly options: OutboxOptions) {
    this.limits = {
      maxConcurrency: options.maxConcurrency ?? OUTBOX_DEFAULTS.maxConcurrency,
      maxConcurrencyPerSubscription:
        options.maxConcurrencyPerSubscription ?? OUTBOX_DEFAULTS.maxConcurrencyPerSubscription,
      maxPendingPerSubscription:
        options.maxPendingPerSubscription ?? OUTBOX_DEFAULTS.maxPendingPerSubscription,
    };
  }

  enqueue(subscriptionId: string, event: EventEnvelope): void {
    const job: DeliveryJob = { subscriptionId, event, attempt: 0 };
    const sub = this.queueOf(subscriptionId);
    if (sub.pending >= this.limits.maxPendingPerSubscription) return this.options.overflow(job);
    sub.pending++;
    const key = `${subscriptionId}\u0000${event.subject.id}`;
    const lane = this.lanes.get(key);
    if (lane) return lane.jobs.push(job);
    const created: Lane = { key, sub, jobs: new Fifo(), state: 'ready', canceled: false };
    created.jobs.push(job);
    this.lanes.set(key, created);
    this.makeReady(created);
  }

  /** Forgets a deleted subscription's queue; attempts already on the wire finish but are not retried. */
  cancel(subscriptionId: string): void {
    const sub = this.subs.get(subscriptionId);
    if (!sub) return;
    for (const lane of this.lanes.values()) {
      if (lane.sub !== sub) continue;
      lane.canceled = true;
      lane.cancelRetry?.();
      this.lanes.delete(lane.key);
    }
    this.readyLanes -= sub.ready.length;
    sub.ready = new Fifo();
    this.subs.delete(subscriptionId);
    this.checkSettled();
  }

  /** Stops everything: for shutdown, when nobody will read the log any more. */
  cancelAll(): void {
    for (const id of [...this.subs.keys()]) this.cancel(id);
  }

  /** Jobs not yet finished, retries waiting on the clock included. */
  pending(): number {
    let total = 0;
    for (const sub of this.subs.values()) total += sub.pending;
    return total;
  }

  /** Resolves once nothing is on the wire or ready to go; what remains waits on the clock. */
  settled(): Promise<void> {
    if (this.inFlight === 0 && this.readyLanes === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private queueOf(id: string): SubscriptionQueue {
    let sub = this.subs.get(id);
    if (!sub) this.subs.set(id, (sub = { id, ready: new Fifo(), inFlight: 0, pending: 0, runnable: false }));
    return sub;
  }

  private makeReady(lane: Lane): void {
    lane.state = 'ready';
    lane.sub.ready.push(lane);
    this.readyLanes++;
    this.offer(lane.sub);
    this.pump();
  }

  private offer(sub: SubscriptionQueue): void {
    if (sub.runnable || sub.ready.length === 0) return;
    if (sub.inFlight >= this.limits.maxConcurrencyPerSubscription) return;
    sub.runnable = true;
    this.runnable.push(sub);
  }

  /** Round-robin over subscriptions with work, one lane each turn. */
  private pump(): void {
    while (this.inFlight < this.limits.maxConcurrency) {
      const sub = this.runnable.shift();
      if (!sub) return;
      sub.runnable = false;
      const lane = sub.ready.shift();
      if (!lane) continue;
      this.readyLanes--;
      this.run(lane);
      this.offer(sub);
    }
  }

  private run(lane: Lane): void {
    const job = lane.jobs.peek()!;
    lane.state = 'running';
    this.inFlight++;
    lane.sub.inFlight++;
    job.attempt++;
    this.options
      .attempt(job)
      .catch(() => null)
      .then((retryAt) => this.finish(lane, retryAt));
  }

  private finish(lane: Lane, retryAt: number | null): void {
    this.inFlight--;
    lane.sub.inFlight--;
    if (!lane.canceled) {
      if (retryAt !== null) {
        lane.state = 'waiting';
        lane.cancelRetry = this.options.clock.schedule(retryAt, () => {
          if (!lane.canceled) this.makeReady(lane);
        });
      } else {
        lane.jobs.shift();
        lane.sub.pending--;
        if (lane.jobs.length > 0) this.makeReady(lane);
        else this.lanes.delete(lane.key);
      }
      this.offer(lane.sub);
    }
    this.pump();
    this.checkSettled();
  }

  private checkSettled(): void {
    if (this.inFlight !== 0 || this.readyLanes !== 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
