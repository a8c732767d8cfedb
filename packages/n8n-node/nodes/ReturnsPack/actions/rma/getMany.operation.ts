import type { IExecuteFunctions } from 'n8n-workflow';
import { RmaKind, RmaStatus } from '@returns-pack/shared-client';
import type { ReturnsClient } from '@returns-pack/shared-client';
import { enumOptions } from '../common/options';
import { readList } from '../common/read';
import { getManyDescription, readRmaFilters } from '../common/rma';

export const description = getManyDescription('rma', RmaStatus.options, [
  {
    displayName: 'Breached',
    name: 'breached',
    type: 'boolean',
    default: true,
    description:
      'Whether to return only RMAs that breached their SLA (or, when off, only those that did not)',
  },
  {
    displayName: 'Kind',
    name: 'kind',
    type: 'options',
    options: enumOptions(RmaKind.options),
    default: 'trade_return',
  },
]);

export async function execute(this: IExecuteFunctions, client: ReturnsClient, itemIndex: number) {
  const filters = readRmaFilters.call(this, itemIndex);
  return readList(this, itemIndex, (limit) => client.rmas.iterate({ ...filters, limit }));
}
