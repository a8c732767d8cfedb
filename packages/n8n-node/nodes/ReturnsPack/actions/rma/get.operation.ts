import type { IExecuteFunctions } from 'n8n-workflow';
import type { ReturnsClient } from '@returns-pack/shared-client';
import { getDescription, readRmaId } from '../common/rma';

export const description = getDescription('rma');

export async function execute(this: IExecuteFunctions, client: ReturnsClient, itemIndex: number) {
  return client.rmas.get(readRmaId.call(this, itemIndex));
}
