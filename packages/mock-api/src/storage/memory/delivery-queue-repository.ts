import { Fifo } from '../fifo';
import type { DeliveryJob, DeliveryQueueRepository, QueuedLane } from '../repositories';

interface MemoryLane {
  jobs: Fifo<DeliveryJob>;
  dueAtMs: number | null;
}

export class MemoryDeliveryQueueRepository implements DeliveryQueueRepository {
  // A Map iterates in insertion order: lanes() answers them in the order they were first queued.
  private readonly lanesByKey = new Map<string, MemoryLane>();

  push(lane: string, job: DeliveryJob): void {
    let entry = this.lanesByKey.get(lane);
    if (!entry) this.lanesByKey.set(lane, (entry = { jobs: new Fifo(), dueAtMs: null }));
    entry.jobs.push(job);
  }

  peek(lane: string): DeliveryJob | undefined {
    return this.lanesByKey.get(lane)?.jobs.peek();
  }

  shift(lane: string): void {
    const entry = this.lanesByKey.get(lane);
    if (!entry) return;
    entry.jobs.shift();
    entry.dueAtMs = null;
    if (entry.jobs.length === 0) this.lanesByKey.delete(lane);
  }

  length(lane: string): number {
    return this.lanesByKey.get(lane)?.jobs.length ?? 0;
  }

  drop(lane: string): void {
    this.lanesByKey.delete(lane);
  }

  retryAt(lane: string, atMs: number): void {
    const entry = this.lanesByKey.get(lane);
    if (entry) entry.dueAtMs = atMs;
  }

  *lanes(): Iterable<QueuedLane> {
    for (const [lane, entry] of this.lanesByKey) {
      const first = entry.jobs.peek();
      if (!first) continue;
      yield {
        lane,
        subscriptionId: first.subscriptionId,
        ownerId: first.ownerId,
        jobs: entry.jobs.length,
        dueAtMs: entry.dueAtMs,
      };
    }
  }

  clear(): void {
    this.lanesByKey.clear();
  }
}
