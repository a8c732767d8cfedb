import type { RmaKind, RmaStatus } from './statuses';
import {
  OFFLINE_REPAIR_FLOW,
  RmaStatus as RmaStatusSchema,
  TERMINAL_STATUSES,
  TRADE_RETURN_FLOW,
} from './statuses';

/**
 * The contract's status machines as data, so the mock enforces them and the connectors can offer
 * "next status" choices from the same source.
 *
 * `pausedFrom` is the status a PAUSED trade return resumes to: resuming is a transition back to it.
 */
export function allowedTransitions(kind: RmaKind, status: RmaStatus, pausedFrom?: RmaStatus): RmaStatus[] {
  if (TERMINAL_STATUSES.includes(status)) return [];
  if (kind === 'offline_repair') {
    const next = nextInFlow(OFFLINE_REPAIR_FLOW, status);
    return [...next, 'CANCELED'];
  }
  if (status === 'PAUSED') return pausedFrom ? [pausedFrom, 'CANCELED'] : ['CANCELED'];
  return [...nextInFlow(TRADE_RETURN_FLOW, status), 'CANCELED', 'PAUSED'];
}

function nextInFlow(flow: readonly RmaStatus[], status: RmaStatus): RmaStatus[] {
  const i = flow.indexOf(status);
  const next = i >= 0 ? flow[i + 1] : undefined;
  return next ? [next] : [];
}

export function isOpen(status: RmaStatus): boolean {
  return !TERMINAL_STATUSES.includes(status);
}

/**
 * v1.1: what only the merchant (admin) or the label call may set. The carrier reports IN_TRANSIT and
 * DELIVERED; LABEL_CREATED needs a label, which only `POST …/label` makes.
 */
export const ADMIN_ONLY_STATUSES: readonly RmaStatus[] = ['LABEL_CREATED', 'IN_TRANSIT', 'DELIVERED'];

/** Every status an integration may ask for (`POST /external/v1/rmas/{id}/transitions`), in machine order. */
export const INTEGRATION_STATUSES: readonly RmaStatus[] = RmaStatusSchema.options.filter(
  (s) => !ADMIN_ONLY_STATUSES.includes(s),
);

/** The moves an integration may make from here: the machine's, less the admin/label-only states. */
export function integrationTransitions(
  kind: RmaKind,
  status: RmaStatus,
  pausedFrom?: RmaStatus,
): RmaStatus[] {
  return allowedTransitions(kind, status, pausedFrom).filter((s) => !ADMIN_ONLY_STATUSES.includes(s));
}
