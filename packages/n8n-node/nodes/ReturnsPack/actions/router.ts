import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { returnsClient } from '../transport';
import { toNodeError } from '../helpers/errors';
import type { Operation } from './common/types';
import type { ReturnsPackType } from './node.type';
import * as event from './event/Event.resource';
import * as offlineRepair from './offlineRepair/OfflineRepair.resource';
import * as rma from './rma/Rma.resource';
import * as tradeReturn from './tradeReturn/TradeReturn.resource';

const resources: Record<ReturnsPackType['resource'], Record<string, Operation>> = {
  tradeReturn: tradeReturn.operations,
  offlineRepair: offlineRepair.operations,
  rma: rma.operations,
  event: event.operations,
};

/**
 * Runs the chosen operation once per input item. Each item has its own `try`: with "Continue On
 * Fail" a failed item becomes an `{ error }` item paired with its input, and the others go on.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const items = this.getInputData();
  const resource = this.getNodeParameter('resource', 0) as ReturnsPackType['resource'];
  const operationName = this.getNodeParameter('operation', 0) as string;
  const operation = resources[resource]?.[operationName];
  if (!operation) {
    throw new NodeOperationError(
      this.getNode(),
      `The operation "${operationName}" is not supported for "${resource}"`,
    );
  }
  // Bulk input is paced under the API's creation limit and waits out a 429 instead of failing.
  const client = await returnsClient.call(this, { pace: items.length > 1 });

  const output: INodeExecutionData[] = [];
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    try {
      const result = await operation.execute.call(this, client, itemIndex);
      output.push(
        ...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
          itemData: { item: itemIndex },
        }),
      );
    } catch (error) {
      const nodeError = toNodeError(this.getNode(), error, itemIndex);
      if (!this.continueOnFail()) throw nodeError;
      output.push({
        json: { error: nodeError.message, description: nodeError.description ?? null },
        pairedItem: { item: itemIndex },
      });
    }
  }
  return [output];
}
