import { Fifo } from './fifo';
import type { DeliveryJob, DeliveryQueueRepository } from './repositories';

export class MemoryDeliveryQueueRepository implements DeliveryQueueRepository {
  private readonly lanes = new Map<string, Fifo<DeliveryJob>>();

  push(lane: string, job: DeliveryJob): void {
    let jobs = this.lanes.get(lane);
    if (!jobs) this.lanes.set(lane, (jobs = new Fifo()));
    jobs.push(job);
  }

  peek(lane: string): DeliveryJob | undefined {
    return this.lanes.get(lane)?.peek();
  }

  shift(lane: string): void {
    const jobs = this.lanes.get(lane);
    jobs?.shift();
    if (jobs?.length === 0) this.lanes.delete(lane);
  }

  length(lane: string): number {
    return this.lanes.get(lane)?.length ?? 0;
  }

  drop(lane: string): void {
    this.lanes.delete(lane);
  }
}
