import { allowedTransitions, integrationTransitions } from '@returns-pack/shared-client';
import type { EventType, Rma, RmaStatus } from '@returns-pack/shared-client';
import { DomainError } from './errors';
import { newId } from './ids';

/** The status a paused RMA resumes to: the one recorded just before PAUSED. */
export function pausedFrom(rma: Rma): RmaStatus | undefined {
  return rma.status === 'PAUSED' ? rma.history.at(-2)?.status : undefined;
}

export function nextStatuses(rma: Rma): RmaStatus[] {
  return allowedTransitions(rma.kind, rma.status, pausedFrom(rma));
}

/** v1.1: an integration's moves, less the carrier's and the label's states (contract, "Additions in v1.1"). */
export function integrationNextStatuses(rma: Rma): RmaStatus[] {
  return integrationTransitions(rma.kind, rma.status, pausedFrom(rma));
}

/** `allowed` is whoever asks's list (admin by default), so the 409 names only moves that caller may make. */
export function assertAllowed(rma: Rma, to: RmaStatus, allowed: RmaStatus[] = nextStatuses(rma)): void {
  if (allowed.includes(to)) return;
  const choices = allowed.length > 0 ? allowed.join(', ') : `none (${rma.status} is final)`;
  throw new DomainError(
    'invalid_transition',
    `Cannot move ${rma.id} from ${rma.status} to ${to}; allowed next states: ${choices}`,
    [{ path: 'to', message: `allowed next states: ${choices}` }],
  );
}

const isResume = (before: Rma, to: RmaStatus) => before.status === 'PAUSED' && to !== 'CANCELED';

/** The carrier a label names when the caller names none: the mock merchant's default. */
export const DEFAULT_CARRIER = 'UPS';

/** The RMA after moving to `to`: history, and the fields each step fills (label, shipment, credit). */
export function applyTransition(
  before: Rma,
  to: RmaStatus,
  note: string | null,
  at: string,
  carrier: string = DEFAULT_CARRIER,
): Rma {
  const after: Rma = {
    ...before,
    status: to,
    updated_at: at,
    history: [...before.history, { status: to, at, note }],
  };
  // Resuming returns to a step already taken: its fields are filled already.
  if (isResume(before, to)) return after;
  const shipment = before.shipment ?? { status: 'pre_transit', tracking_number: null, delivered_at: null };
  switch (to) {
    case 'LABEL_CREATED': {
      const tracking = `1Z${newId('t').slice(2, 18).toUpperCase()}`;
      after.label = {
        carrier,
        tracking_number: tracking,
        url: `https://labels.returns-mock.test/${before.id}.pdf`,
      };
      after.shipment = { ...shipment, tracking_number: tracking };
      break;
    }
    case 'IN_TRANSIT':
      after.shipment = { ...shipment, status: 'in_transit' };
      break;
    case 'DELIVERED':
      after.shipment = { ...shipment, status: 'delivered', delivered_at: at };
      break;
    case 'CREDIT_REQUESTED':
      if (before.credit) after.credit = { ...before.credit, status: 'requested' };
      break;
    case 'CREDITED':
      if (before.credit) after.credit = { ...before.credit, status: 'credited' };
      break;
  }
  return after;
}

const TRADE_RETURN_EVENTS: Partial<Record<RmaStatus, EventType[]>> = {
  APPROVED: ['return.ready'],
  LABEL_CREATED: ['label.generated'],
  IN_TRANSIT: ['shipment.in_transit'],
  DELIVERED: ['shipment.delivered'],
  RECEIVED: ['return.updated'],
  PROCESSED: ['return.processed'],
  CREDIT_REQUESTED: ['trade_return.credit_requested'],
  CREDITED: ['trade_return.credited'],
  CLOSED: ['return.completed'],
  CANCELED: ['return.canceled'],
  PAUSED: ['return.paused'],
};

/** The events one transition emits, in order. Auto-close adds its own around these. */
export function transitionEvents(before: Rma, after: Rma): EventType[] {
  if (after.kind === 'offline_repair') {
    const closing: EventType[] =
      after.status === 'CLOSED'
        ? ['return.completed']
        : after.status === 'CANCELED'
          ? ['return.canceled']
          : [];
    return ['offline_repair.status_changed', ...closing];
  }
  if (isResume(before, after.status)) return ['return.resumed'];
  const events = [...(TRADE_RETURN_EVENTS[after.status] ?? [])];
  if (after.status === 'IN_TRANSIT' && after.return_type === 'exchange')
    events.push('return.exchange_released');
  return events;
}
