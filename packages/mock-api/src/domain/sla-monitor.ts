import type { Clock } from './clock';
import { DueQueue } from './due-queue';
import type { RmaService } from './rma-service';

/**
 * Breaches each RMA still open when its `sla.due_at` passes, once. One queue ordered by due time
 * drives every check, so a store of 100,000 RMAs holds one clock timer, not 100,000.
 */
export class SlaMonitor {
  private readonly queue: DueQueue<string>;

  constructor(rmas: RmaService, clock: Clock) {
    this.queue = new DueQueue(clock, (id) => rmas.recordBreach(id), 'SLA check');
    rmas.onCreated((rma) => this.queue.add(Date.parse(rma.sla.due_at), rma.id));
  }

  /** Re-arms the checks of RMAs made before a restart. */
  resume(awaiting: Iterable<{ id: string; dueAtMs: number }>): void {
    for (const { id, dueAtMs } of awaiting) this.queue.add(dueAtMs, id);
  }

  get pending(): number {
    return this.queue.size;
  }
}
