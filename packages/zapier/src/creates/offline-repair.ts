import { SAMPLE_OFFLINE_REPAIR } from '@returns-pack/shared-client';
import type { CreateOfflineRepairBody } from '@returns-pack/shared-client';
import { defineCreate, defineInputFields } from 'zapier-platform-core';
import type { CreatePerform } from 'zapier-platform-core';
import { withClient } from '../client';
import { asStringMap, asText, compact } from '../fields/input-values';
import { RMA_OUTPUT_FIELDS } from '../fields/output-fields';
import { CREATION_LIMIT } from './creation-limit';

const inputFields = defineInputFields([
  {
    key: 'serial',
    label: 'Serial Number',
    required: true,
    helpText: 'Serial number of the device taken in.',
  },
  {
    key: 'fault_description',
    label: 'Fault Description',
    type: 'text',
    required: true,
    helpText: 'What is wrong with the device, in the customer’s words.',
  },
  {
    key: 'customer_email',
    label: 'Customer Email',
    required: true,
    helpText: 'Where status updates about the repair go.',
  },
  { key: 'customer_name', label: 'Customer Name', required: false, helpText: 'Full name of the customer.' },
  {
    key: 'product',
    label: 'Product',
    required: false,
    helpText: 'Product name or model, e.g. "Tablet Pro 11".',
  },
  {
    key: 'metadata',
    label: 'Metadata',
    dict: true,
    required: false,
    helpText: 'Extra text values to store with the RMA, e.g. the POS ticket (up to 50 keys).',
  },
]);

export function offlineRepairBody(input: Record<string, unknown>): CreateOfflineRepairBody {
  return compact({
    serial: asText(input.serial) ?? '',
    fault_description: asText(input.fault_description) ?? '',
    customer_email: asText(input.customer_email) ?? '',
    customer_name: asText(input.customer_name),
    product: asText(input.product),
    metadata: asStringMap(input.metadata),
  });
}

const perform: CreatePerform<typeof inputFields> = (z, bundle) =>
  withClient(z, bundle, (client) => client.offlineRepairs.create(offlineRepairBody(bundle.inputData)));

export const createOfflineRepair = defineCreate({
  key: 'create_offline_repair',
  noun: 'Offline Repair',
  display: {
    label: 'Create Offline Repair',
    description:
      'Creates an offline repair for a device taken in at the counter; it starts as COUNTER_SWAPPED.',
  },
  operation: {
    inputFields,
    perform,
    throttle: CREATION_LIMIT,
    sample: SAMPLE_OFFLINE_REPAIR,
    outputFields: RMA_OUTPUT_FIELDS,
  },
});
