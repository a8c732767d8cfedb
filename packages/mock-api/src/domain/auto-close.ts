import type { Rma } from '@returns-pack/shared-client';
import type { CountdownRepository } from '../storage/repositories';
import type { Clock } from './clock';
import { DueQueue } from './due-queue';
import type { EventLog } from './event-log';
import type { RmaService, Transact } from './rma-service';

/**
 * The auto-close countdown. Entering DELIVERED starts it (`autoclose.started`) unless one is already
 * running; when it ends the RMA is closed if still DELIVERED (`autoclose.completed`), or the close
 * fails if it is PAUSED (`autoclose.failed`). Leaving DELIVERED for anything but a pause cancels it
 * (`autoclose.canceled`): a pause only holds the RMA, and resuming keeps the original deadline.
 * The running countdowns are stored, so a restart resumes them.
 */
export class AutoCloseMonitor {
  private readonly queue: DueQueue<string>;

  constructor(
    private readonly rmas: RmaService,
    private readonly events: EventLog,
    private readonly clock: Clock,
    private readonly delaySeconds: number,
    /** RMA id → when its running countdown ends; queue entries that no longer match are stale. */
    private readonly running: CountdownRepository,
    private readonly transact: Transact = (work) => work(),
  ) {
    this.queue = new DueQueue(clock, (id) => this.transact(() => this.due(id)), 'auto-close');
    rmas.onTransition((before, after) => this.onTransition(before, after));
    for (const [id, at] of running.all()) this.queue.add(at, id);
  }

  /** When the running countdown of this RMA ends, if one runs. */
  dueAt(id: string): number | undefined {
    return this.running.get(id);
  }

  private onTransition(before: Rma, after: Rma): void {
    const running = this.running.get(after.id) !== undefined;
    if (after.status === 'DELIVERED' && !running) {
      const at = this.clock.now() + this.delaySeconds * 1000;
      this.running.set(after.id, at);
      this.queue.add(at, after.id);
      this.events.append({ type: 'autoclose.started', rma: after, previousStatus: before.status });
    } else if (running && after.status !== 'DELIVERED' && after.status !== 'PAUSED') {
      this.running.delete(after.id);
      this.events.append({ type: 'autoclose.canceled', rma: after, previousStatus: before.status });
    }
  }

  private due(id: string): void {
    const at = this.running.get(id);
    if (at === undefined || at > this.clock.now()) return;
    // Forget the countdown first: the close below is a transition, and must not read as a cancel.
    this.running.delete(id);
    const rma = this.rmas.find(id);
    if (rma?.status === 'DELIVERED') {
      const closed = this.rmas.closeAutomatically(id);
      this.events.append({ type: 'autoclose.completed', rma: closed, previousStatus: 'DELIVERED' });
    } else if (rma?.status === 'PAUSED') {
      this.events.append({ type: 'autoclose.failed', rma });
    }
  }
}
