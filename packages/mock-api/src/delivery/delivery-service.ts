import type { z } from 'zod';
import { sampleEvent } from '@returns-pack/shared-client';
import type {
  CreatedWebhookSubscription,
  DeliveryAttempt,
  DeliveryListFilters,
  EventEnvelope,
  EventType,
  Page,
  ReplayBody,
  RotatedSecret,
  WebhookSubscription,
} from '@returns-pack/shared-client';
import type { WebhookProvisioner } from '../domain/api-clients';
import type { Clock } from '../domain/clock';
import { DomainError, notFound } from '../domain/errors';
import { newId } from '../domain/ids';
import { AttemptLog } from './attempt-log';
import { createAttemptRunner } from './attempt-runner';
import { wantsEvent } from './event-filter';
import { createHttpSender } from './http-sender';
import { checkDeliveryOptions } from './options';
import { Outbox } from './outbox';
import { memoryStorage } from '../storage/memory';
import type { Storage } from '../storage/repositories';
import type { DeliveryJob } from './outbox';
import { SubscriptionStore } from './subscription-store';
import type { StoredSubscription } from './subscription-store';
import { Subscriptions } from './subscriptions';
import type { CreateWebhookInput, UpdateWebhookInput } from './subscriptions';
import { createUrlPolicy } from './url-policy';
import type { UrlPolicyOptions } from './url-policy';

/** Where replays read past events from: the server's event log, oldest first. */
export type EventsBetween = (startMs: number, endMs: number) => Iterable<EventEnvelope>;

export interface DeliveryServiceOptions {
  clock: Clock;
  eventsBetween: EventsBetween;
  /** Subscriptions, the attempt log and the outbox's queue; in memory unless given. */
  repositories?: DeliveryRepositories;
  /**
   * Whether the API client owning a subscription may still receive: a revoked one gets nothing from
   * the moment it is revoked (seed 000: no grace period), and what it had waiting is given up and logged.
   */
  isClientActive?: (clientId: string) => boolean;
  urlPolicy?: UrlPolicyOptions;
  /** One deadline over each attempt (connect, headers and body); 5 s by default, as the contract says. */
  timeoutMs?: number;
  userAgent?: string;
  /** Attempts kept per subscription in the delivery log; older ones are dropped. */
  attemptsKept?: number;
  maxConcurrency?: number;
  maxConcurrencyPerSubscription?: number;
  /** One API client's share of the attempts on the wire, so its slow receivers slow only it. */
  maxConcurrencyPerClient?: number;
  /** Deliveries waiting per subscription before new ones are given up (and logged) at once. */
  maxPendingPerSubscription?: number;
  /** Deliveries waiting per API client; a replay that would pass it is refused (409). */
  maxPendingPerClient?: number;
  /** Attempts started per turn of the event loop, so that draining a backlog leaves room for reads. */
  maxStartsPerTurn?: number;
  /** Replayed deliveries started per second per API client: replays drain in the background. */
  replaysPerSecond?: number;
}

export type DeliveryRepositories = Pick<
  Storage,
  'subscriptions' | 'deliveryAttempts' | 'deliveryQueue' | 'transaction'
>;

/** What a server's operator sets: everything but what the app itself supplies. */
export type WebhookDeliveryOptions = Omit<
  DeliveryServiceOptions,
  'clock' | 'eventsBetween' | 'isClientActive' | 'repositories'
>;

export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}

export interface DeliveryService {
  /** Hands an event to every subscription that wants it; returns at once, delivery runs behind. */
  publish(event: EventEnvelope): void;
  createSubscription(ownerId: string, body: CreateWebhookInput): Promise<CreatedWebhookSubscription>;
  listSubscriptions(ownerId: string, query: PageQuery): Page<WebhookSubscription>;
  getSubscription(ownerId: string, id: string): WebhookSubscription;
  updateSubscription(ownerId: string, id: string, body: UpdateWebhookInput): Promise<WebhookSubscription>;
  deleteSubscription(ownerId: string, id: string): { id: string; deleted: true };
  /** v1.1: a new secret; the previous one keeps signing for `graceSeconds` (default a day). */
  rotateSecret(ownerId: string, id: string, graceSeconds?: number): RotatedSecret;
  /** Re-sends the window's matching events, same ids, flagged `replay: true`. */
  replay(ownerId: string, id: string, window: z.output<typeof ReplayBody>): { replayed: number };
  /** Re-sends one event of the log, same id, flagged `replay: true`: `conflict` if the subscription does not want it. */
  resend(ownerId: string, id: string, event: EventEnvelope): { event: EventEnvelope };
  /** The API client a subscription belongs to: the admin console acts for every client. */
  ownerOf(id: string): string;
  /** Sends one `test: true` event with a sample RMA, whatever the subscription filters. */
  sendTest(ownerId: string, id: string, body: { type?: EventType | undefined }): { event: EventEnvelope };
  listDeliveries(
    ownerId: string,
    id: string,
    filters: z.output<typeof DeliveryListFilters>,
  ): Page<DeliveryAttempt>;
  /**
   * The admin API's hook (`apiClients.setWebhookProvisioner`): the seed-000 default subscription of a
   * client created with a `webhook_url`. A refused URL is `validation_failed` naming `webhook_url`.
   */
  provisionDefaultWebhook: WebhookProvisioner;
  /** Resolves once no attempt is on the wire or ready to start; retries may still wait on the clock. */
  settled(): Promise<void>;
  /** Deliveries not finished yet (retries waiting on the clock included). */
  pending(): number;
  /** Drops every queued delivery without sending it: the sandbox is being reset. */
  clear(): void;
  close(): Promise<void>;
}

export const DEFAULT_USER_AGENT = 'returns-mock-webhooks/0.1';

export function createDeliveryService(options: DeliveryServiceOptions): DeliveryService {
  checkDeliveryOptions(options);
  const { clock } = options;
  const isClientActive = options.isClientActive ?? (() => true);
  const policy = createUrlPolicy(options.urlPolicy);
  const repositories = options.repositories ?? memoryStorage();
  const transact = repositories.transaction;
  const store = new SubscriptionStore(repositories.subscriptions);
  const subscriptions = new Subscriptions(store, policy, clock);
  const log = new AttemptLog(repositories.deliveryAttempts, options.attemptsKept);
  const sender = createHttpSender({
    policy,
    timeoutMs: options.timeoutMs,
    connectionsPerOrigin: options.maxConcurrencyPerSubscription,
  });
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;

  const outbox = new Outbox({
    clock,
    queue: repositories.deliveryQueue,
    attempt: createAttemptRunner({ clock, store, log, sender, userAgent, isClientActive }),
    overflow: (job: DeliveryJob, cap) => logOverflow(log, job, cap, clock.now()),
    maxConcurrency: options.maxConcurrency,
    maxConcurrencyPerSubscription: options.maxConcurrencyPerSubscription,
    maxConcurrencyPerClient: options.maxConcurrencyPerClient,
    maxPendingPerSubscription: options.maxPendingPerSubscription,
    maxPendingPerClient: options.maxPendingPerClient,
    maxStartsPerTurn: options.maxStartsPerTurn,
    replaysPerSecond: options.replaysPerSecond,
  });
  const enqueue = (sub: StoredSubscription, event: EventEnvelope, replay = false) =>
    outbox.enqueue(sub.id, event, { ownerId: sub.owner_id, replay });
  // What a durable queue held when the server stopped goes out again, on its schedule.
  outbox.resume(repositories.deliveryQueue.lanes());

  return {
    publish(event) {
      for (const sub of store.all()) {
        if (sub.enabled && isClientActive(sub.owner_id) && wantsEvent(sub, event)) enqueue(sub, event);
      }
    },
    createSubscription: (ownerId, body) => subscriptions.create(ownerId, body),
    listSubscriptions: (ownerId, query) => subscriptions.list(ownerId, query),
    getSubscription: (ownerId, id) => subscriptions.get(ownerId, id),
    updateSubscription: (ownerId, id, body) => subscriptions.update(ownerId, id, body),
    rotateSecret: (ownerId, id, graceSeconds) => subscriptions.rotateSecret(ownerId, id, graceSeconds),
    deleteSubscription(ownerId, id) {
      transact(() => {
        store.remove(ownerId, id);
        outbox.cancel(id);
        log.forget(id);
      });
      return { id, deleted: true };
    },
    replay(ownerId, id, window) {
      const sub = store.get(ownerId, id);
      const start = Date.parse(window.start_time);
      const end = Date.parse(window.end_time);
      const due: EventEnvelope[] = [];
      for (const event of options.eventsBetween(start, end)) {
        if (!event.test && wantsEvent(sub, event)) due.push(event);
      }
      // All or nothing: a window that does not fit is refused before anything is queued.
      const room = outbox.room(ownerId);
      if (due.length > room) {
        throw new DomainError(
          'conflict',
          `Replaying this window would queue ${due.length} deliveries, past this API client's cap of ${outbox.clientPendingCap} waiting deliveries (${Math.max(0, room)} free): replay a shorter window, or once earlier deliveries have gone out`,
        );
      }
      transact(() => {
        for (const event of due) enqueue(sub, event, true);
      });
      return { replayed: due.length };
    },
    resend(ownerId, id, event) {
      const sub = store.get(ownerId, id);
      if (event.test || !wantsEvent(sub, event)) {
        throw new DomainError('conflict', `Webhook ${id} does not receive event ${event.id} (${event.type})`);
      }
      transact(() => enqueue(sub, event, true));
      return { event: { ...event, replay: true } };
    },
    ownerOf(id) {
      const sub = store.find(id);
      if (!sub) throw notFound('webhook subscription', id);
      return sub.owner_id;
    },
    sendTest(ownerId, id, body) {
      const sub = store.get(ownerId, id);
      // The shared sample, under a fresh id so that receivers which dedupe still see each test.
      const event: EventEnvelope = {
        ...sampleEvent(body.type ?? 'return.created'),
        id: newId('evt'),
        created_at: new Date(clock.now()).toISOString(),
        test: true,
      };
      transact(() => enqueue(sub, event));
      return { event };
    },
    listDeliveries(ownerId, id, filters) {
      store.get(ownerId, id);
      return log.list(id, filters);
    },
    async provisionDefaultWebhook(client) {
      const sub = await subscriptions.createDefault(client);
      return { id: sub.id };
    },
    settled: () => outbox.settled(),
    pending: () => outbox.pending(),
    clear: () => outbox.cancelAll(),
    async close() {
      outbox.stop();
      await sender.close();
    },
  };
}

const OVERFLOW_ERRORS = {
  subscription:
    'too many deliveries waiting for this subscription: given up without sending; replay it later',
  client:
    "too many deliveries waiting for this API client's subscriptions: given up without sending; replay it later",
};

function logOverflow(
  log: AttemptLog,
  job: DeliveryJob,
  cap: keyof typeof OVERFLOW_ERRORS,
  now: number,
): void {
  log.record({
    webhook_id: job.subscriptionId,
    event_id: job.event.id,
    event_type: job.event.type,
    attempt: 1,
    status_code: null,
    duration_ms: 0,
    error: OVERFLOW_ERRORS[cap],
    outcome: 'given_up',
    response_snippet: null,
    at: new Date(now).toISOString(),
    next_attempt_at: null,
  });
}
