import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ReturnsClient } from '@returns-pack/shared-client';

/** One operation: its fields, and what it does for one input item (the router handles the rest). */
export interface Operation {
  description: INodeProperties[];
  execute(
    this: IExecuteFunctions,
    client: ReturnsClient,
    itemIndex: number,
  ): Promise<IDataObject | IDataObject[]>;
}
