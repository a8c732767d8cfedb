import { isOpen } from '@returns-pack/shared-client';
import type { EventEnvelope, EventType, Page, Rma, RmaKind, RmaStatus } from '@returns-pack/shared-client';
import type { RmaQuery, RmaRepository } from '../storage/repositories';
import { DomainError, notFound } from './errors';
import type { EventLog } from './event-log';
import { newId } from './ids';
import type { NewRma, OfflineRepairInput, TradeReturnInput } from './rma-factory';
import { newOfflineRepair, newTradeReturn } from './rma-factory';
import { iso } from './time';
import { applyTransition, assertAllowed, integrationNextStatuses, transitionEvents } from './transitions';

export type TransitionHook = (before: Rma, after: Rma) => void;

/** Runs work as one unit: the storage's transaction (the outbox's boundary), or just the call in memory. */
export type Transact = <T>(work: () => T) => T;

const KIND_NAMES: Record<RmaKind, string> = {
  trade_return: 'trade return',
  offline_repair: 'offline repair',
};

/**
 * The one writer of RMAs: creation, the status machines, SLA breaches. Each change is stored, then
 * its events appended; hooks (SLA tracking, auto-close) run last, so their events follow.
 */
export class RmaService {
  private readonly createdHooks: ((rma: Rma) => void)[] = [];
  private readonly transitionHooks: TransitionHook[] = [];

  constructor(
    private readonly repository: RmaRepository,
    private readonly events: EventLog,
    private readonly stamp: () => number,
    private readonly slaSeconds: number,
    private readonly transact: Transact = (work) => work(),
  ) {}

  /**
   * Seed 000: creation "provisions the RMA, generates any required label". With `requires_label` the
   * RMA is approved and labelled before the answer, so the 201 carries the label and `label.generated`
   * follows `return.created` in the subject's sequence.
   */
  createTradeReturn(input: TradeReturnInput): Rma {
    return this.transact(() => {
      const created = this.insert(newTradeReturn(input, this.newRma()));
      return input.requires_label ? this.label(created, undefined) : created;
    });
  }

  createOfflineRepair(input: OfflineRepairInput): Rma {
    return this.transact(() => this.insert(newOfflineRepair(input, this.newRma())));
  }

  find(id: string): Rma | undefined {
    return this.repository.get(id);
  }

  /** The RMA, or `not_found`; with `kind`, an RMA of another kind is not found either. */
  get(id: string, kind?: RmaKind): Rma {
    const rma = this.repository.get(id);
    if (!rma || (kind !== undefined && rma.kind !== kind))
      throw notFound(kind ? KIND_NAMES[kind] : 'RMA', id);
    return rma;
  }

  list(query: RmaQuery): Page<Rma> {
    return this.repository.list(query);
  }

  count(): number {
    return this.repository.count();
  }

  transition(id: string, to: RmaStatus, note?: string): Rma {
    const before = this.get(id);
    assertAllowed(before, to);
    return this.transact(() => this.commit(before, to, note ?? null));
  }

  /** v1.1, an API client's move: the same machine and events, less the admin/label-only states. */
  transitionAsIntegration(id: string, to: RmaStatus, note?: string): Rma {
    const before = this.get(id);
    assertAllowed(before, to, integrationNextStatuses(before));
    return this.transact(() => this.commit(before, to, note ?? null));
  }

  /**
   * v1.1 `POST …/label`: APPROVED → LABEL_CREATED, approving a REQUESTED return first (as an agent
   * would), so the caller needs one call. Anything else already has, or is past, its label.
   */
  generateLabel(id: string, carrier?: string): Rma {
    const rma = this.get(id, 'trade_return');
    if (rma.label)
      throw new DomainError('conflict', `${rma.id} already has a label (${rma.label.tracking_number})`);
    if (rma.status !== 'REQUESTED' && rma.status !== 'APPROVED') {
      throw new DomainError(
        'invalid_transition',
        `Cannot generate a label for ${rma.id} in ${rma.status}; a label is made from REQUESTED or APPROVED`,
        [{ path: 'status', message: `is ${rma.status}; must be REQUESTED or APPROVED` }],
      );
    }
    return this.transact(() => this.label(rma, carrier));
  }

  private label(rma: Rma, carrier: string | undefined): Rma {
    const approved = rma.status === 'REQUESTED' ? this.commit(rma, 'APPROVED', null) : rma;
    return this.commit(approved, 'LABEL_CREATED', null, carrier);
  }

  /**
   * The auto-close: DELIVERED → CLOSED is not a move the merchant may make (RECEIVED and the rest
   * come first), but the countdown may, so it bypasses the machine's check, nothing else.
   */
  closeAutomatically(id: string): Rma {
    return this.transact(() => this.commit(this.get(id), 'CLOSED', 'closed automatically'));
  }

  private commit(before: Rma, to: RmaStatus, note: string | null, carrier?: string): Rma {
    const after = applyTransition(before, to, note, iso(this.stamp()), carrier);
    this.repository.update(after);
    for (const type of transitionEvents(before, after)) {
      this.events.append({ type, rma: after, previousStatus: before.status });
    }
    for (const hook of this.transitionHooks) hook(before, after);
    return after;
  }

  /** Marks an open, unbreached RMA breached and emits `rma.breach`; anything else is left alone. */
  recordBreach(id: string): Rma | undefined {
    return this.transact(() => this.breach(id));
  }

  private breach(id: string): Rma | undefined {
    const rma = this.repository.get(id);
    if (!rma || !isOpen(rma.status) || rma.sla.breached_at !== null) return undefined;
    const now = iso(this.stamp());
    const after: Rma = { ...rma, updated_at: now, sla: { ...rma.sla, breached_at: now } };
    this.repository.update(after);
    this.events.append({ type: 'rma.breach', rma: after });
    return after;
  }

  /** Emits any catalogue event for an RMA as it stands (admin trigger), through the same log. */
  emit(id: string, type: EventType): EventEnvelope {
    return this.transact(() => this.events.append({ type, rma: this.get(id) }));
  }

  onCreated(hook: (rma: Rma) => void): void {
    this.createdHooks.push(hook);
  }

  onTransition(hook: TransitionHook): void {
    this.transitionHooks.push(hook);
  }

  private newRma(): NewRma {
    const now = this.stamp();
    return { id: newId('rma'), now: iso(now), slaDueAt: iso(now + this.slaSeconds * 1000) };
  }

  private insert(rma: Rma): Rma {
    this.repository.insert(rma);
    this.events.append({ type: 'return.created', rma });
    for (const hook of this.createdHooks) hook(rma);
    return rma;
  }
}
