import { performance } from 'node:perf_hooks';
import type { EventEnvelope } from '@returns-pack/shared-client';
import type { DeliveryService } from '../src/delivery';
import type { Services } from '../src/domain/services';
import { startBenchReceivers } from './delivery-receivers';

/** The RMAs whose updates the state changes emit, taken in turn. */
export const SUBJECTS = 1000;

export interface DeliveryRig {
  urls: string[];
  /** One state change: `return.updated` for the next subject, delivered to every subscriber. */
  stateChange(): EventEnvelope;
  /** Receipts are counted from here again. */
  resetReceipts(): void;
  /** Resolves once `count` receipts have arrived since the last reset. */
  receiptsReach(count: number): Promise<void>;
  /** Also called for every receipt: the event id and when it arrived (epoch ms, sub-millisecond). */
  onReceipt(handler: (eventId: string, atMs: number) => void): void;
  /** Makes `events` state changes at once; signed deliveries per second up to the last receipt. */
  burst(events: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * What the delivery benches send with: `subscribers` receivers in a worker thread, a subscription to
 * each (every event, hmac-sha256) owned by `ownerId`, and the subjects, whose creations (and their
 * deliveries, waited for) warm the pipeline up. Works on any services and delivery service, so the
 * same rig measures the in-memory and the durable store.
 */
export async function startDeliveryRig(
  services: Services,
  delivery: DeliveryService,
  { subscribers, ownerId }: { subscribers: number; ownerId: string },
): Promise<DeliveryRig> {
  const receivers = await startBenchReceivers(subscribers);
  for (const url of receivers.urls) {
    await delivery.createSubscription(ownerId, { url, events: ['*'], scheme: 'hmac-sha256' });
  }

  let received = 0;
  let target = Infinity;
  let reached = () => {};
  let also: (eventId: string, atMs: number) => void = () => {};
  receivers.onReceipt((id, at) => {
    received++;
    also(id, at);
    if (received >= target) reached();
  });
  const receiptsReach = (count: number) =>
    new Promise<void>((resolve) => {
      target = count;
      reached = resolve;
      if (received >= count) resolve();
    });

  const subjects: string[] = [];
  for (let i = 0; i < SUBJECTS; i++) {
    subjects.push(
      services.rmas.createTradeReturn({
        customer: { email: `b${i}@example.com` },
        items: [{ sku: 'B', quantity: 1 }],
      }).id,
    );
  }
  await receiptsReach(SUBJECTS * subscribers);
  let n = 0;
  const stateChange = () => services.rmas.emit(subjects[n++ % SUBJECTS]!, 'return.updated');

  return {
    urls: receivers.urls,
    stateChange,
    resetReceipts: () => (received = 0),
    receiptsReach,
    onReceipt: (handler) => (also = handler),
    async burst(events) {
      received = 0;
      const started = performance.now();
      for (let i = 0; i < events; i++) stateChange();
      await receiptsReach(events * subscribers);
      return (events * subscribers) / ((performance.now() - started) / 1000);
    },
    close: () => receivers.close(),
  };
}
