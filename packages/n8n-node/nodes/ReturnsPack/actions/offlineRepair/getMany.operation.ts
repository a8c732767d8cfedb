import type { IExecuteFunctions } from 'n8n-workflow';
import { OfflineRepairStatus } from '@returns-pack/shared-client';
import type { ReturnsClient } from '@returns-pack/shared-client';
import { readList } from '../common/read';
import { getManyDescription, readRmaFilters } from '../common/rma';

export const description = getManyDescription('offlineRepair', OfflineRepairStatus.options);

export async function execute(this: IExecuteFunctions, client: ReturnsClient, itemIndex: number) {
  const filters = readRmaFilters.call(this, itemIndex);
  return readList(this, itemIndex, (limit) => client.offlineRepairs.iterate({ ...filters, limit }));
}
