import { performance } from 'node:perf_hooks';
import type { EventEnvelope } from '@returns-pack/shared-client';
import type { Clock } from '../domain/clock';
import { Fifo } from '../storage/fifo';
import { MemoryDeliveryQueueRepository } from '../storage/memory/delivery-queue-repository';
import type { DeliveryJob, DeliveryQueueRepository, QueuedLane } from '../storage/repositories';

export type { DeliveryJob } from '../storage/repositories';

export interface EnqueueOptions {
  ownerId?: string;
  replay?: boolean;
}

export interface OutboxOptions {
  clock: Clock;
  /** Where the jobs wait; in memory by default. */
  queue?: DeliveryQueueRepository;
  /**
   * Makes one attempt and logs it. Resolves with when to try again (clock milliseconds), or null once
   * the job is finished: delivered, or given up and logged. It must not reject.
   */
  attempt: (job: DeliveryJob) => Promise<number | null>;
  /** A job refused because its subscription or its client already has its cap waiting: log it. */
  overflow: (job: DeliveryJob, cap: 'subscription' | 'client') => void;
  /**
   * Attempts on the wire at once, over every client; a client with fewer than
   * `GUARANTEED_PER_CLIENT` running may always start one more, so a full outbox never stalls a client
   * that is not the cause of it.
   */
  maxConcurrency?: number;
  /** So that one slow or dead receiver cannot hold every connection. */
  maxConcurrencyPerSubscription?: number;
  /** One API client's share: its slow receivers hold at most this many slots. */
  maxConcurrencyPerClient?: number;
  maxPendingPerSubscription?: number;
  /** One API client's deliveries waiting (retries included), over all its subscriptions. */
  maxPendingPerClient?: number;
  /**
   * Attempts started in one turn of the event loop; the rest start on the next, after the loop has
   * polled for I/O, so a backlog draining at full speed never keeps API reads waiting long.
   */
  maxStartsPerTurn?: number;
  /**
   * Replayed deliveries a client may start per second (bursts up to as many): a replay is bulk
   * background work, and draining one at full speed would take the CPU from everything else.
   */
  replaysPerSecond?: number;
}

export const OUTBOX_DEFAULTS = {
  maxConcurrency: 256,
  maxConcurrencyPerSubscription: 32,
  maxConcurrencyPerClient: 64,
  maxPendingPerSubscription: 10_000,
  maxPendingPerClient: 100_000,
  maxStartsPerTurn: 16,
  replaysPerSecond: 500,
};

/** Attempts any client may start whatever the global bound: its floor under the others' load. */
export const GUARANTEED_PER_CLIENT = 4;

/** The events of one subject for one subscription, strictly one at a time, in the order enqueued. */
interface Lane {
  key: string;
  sub: SubscriptionQueue;
  state: 'ready' | 'running' | 'waiting';
  cancelRetry?: () => void;
  canceled: boolean;
}

interface SubscriptionQueue {
  id: string;
  client: ClientQueue;
  ready: Fifo<Lane>;
  inFlight: number;
  pending: number;
  runnable: boolean;
}

/** One API client's subscriptions with work, taken in turn, one lane each. */
interface ClientQueue {
  id: string;
  subs: Fifo<SubscriptionQueue>;
  subscriptions: number;
  inFlight: number;
  pending: number;
  /** In the outbox's round-robin, or waiting there for a global slot. */
  queued: boolean;
  /** Replay starts this client may make now (a token bucket refilled in wall time). */
  replayTokens: number;
  replayRefilledAt: number;
  /** Set while the client, out of replay tokens, sits out of the round-robin until its refill. */
  refill?: NodeJS.Timeout | undefined;
}

/**
 * The outbox: per (subscription, subject) lanes so event n+1 waits for n, while other subjects and
 * subscriptions proceed in parallel. Fair across API clients: clients take turns, each within its own
 * concurrency share and pending cap, so a client whose receivers trickle or whose replays flood slows
 * only itself. Retries wait on the clock, so a test advances time instead of sleeping. Nothing here
 * blocks the caller of `enqueue`.
 */
export class Outbox {
  private readonly lanes = new Map<string, Lane>();
  private readonly subs = new Map<string, SubscriptionQueue>();
  private readonly clients = new Map<string, ClientQueue>();
  private readonly runnable = new Fifo<ClientQueue>();
  /** Clients past their guaranteed floor, waiting for a global slot. */
  private readonly waitingForSlot = new Fifo<ClientQueue>();
  private readonly limits: typeof OUTBOX_DEFAULTS;
  private readonly queue: DeliveryQueueRepository;
  private inFlight = 0;
  private readyLanes = 0;
  private startedThisTurn = 0;
  private nextTurn: NodeJS.Immediate | undefined;
  private waiters: (() => void)[] = [];
  private stopped = false;

  constructor(private readonly options: OutboxOptions) {
    this.queue = options.queue ?? new MemoryDeliveryQueueRepository();
    this.limits = { ...OUTBOX_DEFAULTS };
    for (const key of Object.keys(OUTBOX_DEFAULTS) as (keyof typeof OUTBOX_DEFAULTS)[]) {
      this.limits[key] = options[key] ?? OUTBOX_DEFAULTS[key];
    }
  }

  /** How many more jobs the client may have waiting before new ones overflow. */
  room(ownerId: string): number {
    return this.limits.maxPendingPerClient - (this.clients.get(ownerId)?.pending ?? 0);
  }

  /** The per-client pending cap, for messages that name it. */
  get clientPendingCap(): number {
    return this.limits.maxPendingPerClient;
  }

  enqueue(subscriptionId: string, event: EventEnvelope, options: EnqueueOptions = {}): void {
    const ownerId = options.ownerId ?? '';
    const job: DeliveryJob = { subscriptionId, ownerId, event, replay: options.replay ?? false, attempt: 0 };
    const sub = this.queueOf(subscriptionId, ownerId);
    if (sub.pending >= this.limits.maxPendingPerSubscription)
      return this.options.overflow(job, 'subscription');
    if (sub.client.pending >= this.limits.maxPendingPerClient) return this.options.overflow(job, 'client');
    sub.pending++;
    sub.client.pending++;
    const key = `${subscriptionId}\u0000${event.subject.id}`;
    this.queue.push(key, job);
    if (this.lanes.has(key)) return;
    const created: Lane = { key, sub, state: 'ready', canceled: false };
    this.lanes.set(key, created);
    this.makeReady(created);
  }

  /**
   * Takes up the jobs a durable queue held when the server stopped, lane by lane in the order they
   * were queued: a lane whose first job was waiting for a retry waits until then (or runs now if that
   * time has passed); the others run now. Order within each lane is the queue's.
   */
  resume(lanes: Iterable<QueuedLane>): void {
    for (const queued of lanes) {
      const sub = this.queueOf(queued.subscriptionId, queued.ownerId);
      sub.pending += queued.jobs;
      sub.client.pending += queued.jobs;
      const lane: Lane = { key: queued.lane, sub, state: 'waiting', canceled: false };
      this.lanes.set(lane.key, lane);
      if (queued.dueAtMs !== null && queued.dueAtMs > this.options.clock.now()) {
        lane.cancelRetry = this.options.clock.schedule(queued.dueAtMs, () => {
          if (!lane.canceled) this.makeReady(lane);
        });
      } else {
        this.makeReady(lane);
      }
    }
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
      this.queue.drop(lane.key);
    }
    this.readyLanes -= sub.ready.length;
    sub.ready = new Fifo();
    sub.client.pending -= sub.pending;
    sub.pending = 0;
    this.subs.delete(subscriptionId);
    sub.client.subscriptions--;
    this.forgetIfIdle(sub.client);
    this.checkSettled();
  }

  /**
   * Shutdown: nothing more starts or is retried in this process, and the queue is left as it is: a
   * durable one hands its jobs to the next start.
   */
  stop(): void {
    this.stopped = true;
    for (const client of this.clients.values()) clearTimeout(client.refill);
    for (const lane of this.lanes.values()) lane.cancelRetry?.();
    if (this.nextTurn) clearImmediate(this.nextTurn);
    this.nextTurn = undefined;
    this.checkSettled();
  }

  /** Drops every job, queued or waiting: the sandbox is being reset. */
  cancelAll(): void {
    for (const client of this.clients.values()) clearTimeout(client.refill);
    for (const id of [...this.subs.keys()]) this.cancel(id);
    if (this.nextTurn) clearImmediate(this.nextTurn);
    this.nextTurn = undefined;
  }

  /** Jobs not yet finished, retries waiting on the clock included. */
  pending(): number {
    let total = 0;
    for (const client of this.clients.values()) total += client.pending;
    return total;
  }

  /** Resolves once nothing is on the wire or ready to go; what remains waits on the clock. */
  settled(): Promise<void> {
    if (this.inFlight === 0 && this.readyLanes === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private queueOf(id: string, ownerId: string): SubscriptionQueue {
    let sub = this.subs.get(id);
    if (!sub) {
      let client = this.clients.get(ownerId);
      if (!client) {
        client = {
          id: ownerId,
          subs: new Fifo(),
          subscriptions: 0,
          inFlight: 0,
          pending: 0,
          queued: false,
          replayTokens: this.limits.replaysPerSecond,
          replayRefilledAt: performance.now(),
        };
        this.clients.set(ownerId, client);
      }
      client.subscriptions++;
      sub = { id, client, ready: new Fifo(), inFlight: 0, pending: 0, runnable: false };
      this.subs.set(id, sub);
    }
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
    sub.client.subs.push(sub);
    this.offerClient(sub.client);
  }

  private offerClient(client: ClientQueue): void {
    if (client.queued || client.subs.length === 0) return;
    if (client.inFlight >= this.limits.maxConcurrencyPerClient) return;
    client.queued = true;
    this.runnable.push(client);
  }

  /**
   * Round-robin over clients with work, one lane each turn, and within a client over its
   * subscriptions. A client past its floor when every global slot is taken waits for a slot.
   */
  private pump(): void {
    if (this.stopped) return;
    while (this.runnable.length > 0) {
      if (this.startedThisTurn >= this.limits.maxStartsPerTurn) return;
      const client = this.runnable.shift()!;
      if (client.inFlight >= GUARANTEED_PER_CLIENT && this.inFlight >= this.limits.maxConcurrency) {
        this.waitingForSlot.push(client);
        continue;
      }
      const sub = client.subs.shift();
      const lane = sub?.ready.peek();
      if (sub && lane && this.queue.peek(lane.key)?.replay && !this.takeReplayToken(client)) {
        // Out of replay tokens: the client sits out (queued, so nobody re-offers it) until the refill.
        client.subs.push(sub);
        this.parkUntilRefill(client);
        continue;
      }
      client.queued = false;
      if (sub) {
        sub.runnable = false;
        if (lane) {
          sub.ready.shift();
          this.readyLanes--;
          this.run(lane);
        }
        this.offer(sub);
      }
      this.offerClient(client);
    }
  }

  private run(lane: Lane): void {
    const job = this.queue.peek(lane.key);
    if (!job) {
      // Its jobs are gone from the store (a reset, or a transaction rolled back): nothing to send.
      this.lanes.delete(lane.key);
      return;
    }
    lane.state = 'running';
    this.inFlight++;
    lane.sub.inFlight++;
    lane.sub.client.inFlight++;
    job.attempt++;
    this.startedThisTurn++;
    // The count starts again, and the pump goes on, once the loop has been round (setImmediate runs
    // after the poll phase).
    this.nextTurn ??= setImmediate(() => {
      this.nextTurn = undefined;
      this.startedThisTurn = 0;
      this.pump();
    });
    this.options
      .attempt(job)
      .catch(() => null)
      .then((retryAt) => this.finish(lane, retryAt));
  }

  private finish(lane: Lane, retryAt: number | null): void {
    this.inFlight--;
    lane.sub.inFlight--;
    const client = lane.sub.client;
    client.inFlight--;
    if (this.stopped) return this.checkSettled();
    // A slot is free: those waiting for one take their turns again.
    for (let waiting = this.waitingForSlot.shift(); waiting; waiting = this.waitingForSlot.shift()) {
      this.runnable.push(waiting);
    }
    if (lane.canceled) {
      this.forgetIfIdle(client);
    } else {
      if (retryAt !== null) {
        lane.state = 'waiting';
        this.queue.retryAt(lane.key, retryAt);
        lane.cancelRetry = this.options.clock.schedule(retryAt, () => {
          if (!lane.canceled) this.makeReady(lane);
        });
      } else {
        this.queue.shift(lane.key);
        lane.sub.pending--;
        client.pending--;
        if (this.queue.length(lane.key) > 0) this.makeReady(lane);
        else this.lanes.delete(lane.key);
      }
      this.offer(lane.sub);
    }
    this.offerClient(client);
    this.pump();
    this.checkSettled();
  }

  private takeReplayToken(client: ClientQueue): boolean {
    const now = performance.now();
    const rate = this.limits.replaysPerSecond;
    client.replayTokens = Math.min(
      rate,
      client.replayTokens + ((now - client.replayRefilledAt) * rate) / 1000,
    );
    client.replayRefilledAt = now;
    if (client.replayTokens < 1) return false;
    client.replayTokens--;
    return true;
  }

  private parkUntilRefill(client: ClientQueue): void {
    const waitMs = Math.max(1, ((1 - client.replayTokens) * 1000) / this.limits.replaysPerSecond);
    client.refill = setTimeout(() => {
      client.refill = undefined;
      client.queued = false;
      this.offerClient(client);
      this.pump();
    }, waitMs);
  }

  /** A client with no subscription left and nothing on the wire; a newer entry under its id stays. */
  private forgetIfIdle(client: ClientQueue): void {
    if (client.subscriptions === 0 && client.inFlight === 0 && this.clients.get(client.id) === client) {
      this.clients.delete(client.id);
    }
  }

  private checkSettled(): void {
    if (this.inFlight !== 0 || (this.readyLanes !== 0 && !this.stopped)) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
