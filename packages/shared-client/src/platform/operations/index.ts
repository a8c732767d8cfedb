import { createOfflineRepair } from './create-offline-repair';
import { createTradeReturn } from './create-trade-return';
import { findRma } from './find-rma';
import { generateReturnLabel } from './generate-return-label';
import { getRma } from './get-rma';
import { listEvents } from './list-events';
import { listRmas } from './list-rmas';
import { listWebhookDeliveries } from './list-webhook-deliveries';
import { replayWebhook } from './replay-webhook';
import { sendWebhookTest } from './send-webhook-test';
import type { OperationSpec } from './types';
import { updateRmaStatus } from './update-rma-status';

/**
 * Every action and search of the pack, in the order platforms list them. Adding one: a file in this
 * folder and a line here; each platform renders it (a Pipedream component file names it by key).
 */
export const OPERATIONS = [
  createTradeReturn,
  createOfflineRepair,
  updateRmaStatus,
  generateReturnLabel,
  findRma,
  getRma,
  listRmas,
  listEvents,
  replayWebhook,
  sendWebhookTest,
  listWebhookDeliveries,
] as const satisfies readonly OperationSpec[];

export type OperationKey = (typeof OPERATIONS)[number]['key'];

export function operation(key: OperationKey): OperationSpec {
  const found = OPERATIONS.find((op) => op.key === key);
  if (!found) throw new TypeError(`No operation "${key}" in the catalogue`);
  return found;
}

export {
  createOfflineRepair,
  createTradeReturn,
  findRma,
  generateReturnLabel,
  getRma,
  listEvents,
  listRmas,
  listWebhookDeliveries,
  replayWebhook,
  sendWebhookTest,
  updateRmaStatus,
};
export { offlineRepairBody } from './create-offline-repair';
export { tradeReturnBody } from './create-trade-return';
export { API_DOCS } from './types';
export type { OperationKind, OperationSpec, OutputShape, Resource } from './types';
