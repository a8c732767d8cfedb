import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { ValidationError } from '@returns-pack/shared-client';
import type { OperationSpec } from '@returns-pack/shared-client';
import { toNodeError } from '../helpers/errors';
import { fieldLabel, readItemForm } from '../render/form';
import { returnsClient } from '../transport';
import { findOperation } from './resources';

/**
 * Runs the chosen catalogue operation once per input item. Each item has its own `try`: with
 * "Continue On Fail" a failed item becomes an `{ error }` item paired with its input, and the
 * others go on.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const items = this.getInputData();
  const resource = this.getNodeParameter('resource', 0) as string;
  const operation = this.getNodeParameter('operation', 0) as string;
  const spec = findOperation(resource, operation);
  if (!spec) {
    throw new NodeOperationError(
      this.getNode(),
      `The operation "${operation}" is not supported for "${resource}"`,
    );
  }
  const client = await returnsClient.call(this);

  const output: INodeExecutionData[] = [];
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    try {
      const result = (await spec.run(client, readItemForm(this, spec, itemIndex))) as
        IDataObject | IDataObject[];
      output.push(
        ...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
          itemData: { item: itemIndex },
        }),
      );
    } catch (error) {
      const nodeError = toNodeError(this.getNode(), namedFields(spec, error), itemIndex);
      if (!this.continueOnFail()) throw nodeError;
      output.push({
        json: { error: nodeError.message, description: nodeError.description ?? null },
        pairedItem: { item: itemIndex },
      });
    }
  }
  return [output];
}

/** A form the catalogue refused, its fields named by their labels on the node as well as by key. */
function namedFields(spec: OperationSpec, error: unknown): unknown {
  if (!(error instanceof ValidationError) || error.status !== 0) return error;
  return new ValidationError({
    status: 0,
    code: error.code,
    message: error.message,
    details: error.details.map((d) => {
      const label = fieldLabel(spec.fields, d.path);
      return { ...d, path: label === d.path ? d.path : `${label} (${d.path})` };
    }),
  });
}
