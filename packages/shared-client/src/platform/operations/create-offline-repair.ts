import type { CreateOfflineRepairBody, Rma } from '../../contract';
import { SAMPLE_OFFLINE_REPAIR } from '../../samples';
import { compact } from '../form/coerce';
import type { FieldSpec } from '../form/fields';
import { readForm } from '../form/read-form';
import type { FormValues } from '../form/read-form';
import * as f from './fields';
import { API_DOCS, defineOperation } from './types';

const fields: FieldSpec[] = [
  {
    key: 'serial',
    label: 'Serial Number',
    type: 'string',
    required: true,
    help: 'Serial number of the device taken in.',
  },
  {
    key: 'fault_description',
    label: 'Fault Description',
    type: 'text',
    required: true,
    help: 'What is wrong with the device, in the customer’s words.',
  },
  { ...f.customerEmail, help: 'Where status updates about the repair go.' },
  f.customerName,
  {
    key: 'product',
    label: 'Product',
    type: 'string',
    required: false,
    help: 'Product name or model, e.g. "Tablet Pro 11".',
  },
  f.metadata,
  f.idempotencyKey,
];

export function offlineRepairBody(form: FormValues): CreateOfflineRepairBody {
  const v = readForm(fields, form);
  return compact({
    serial: v.serial as string,
    fault_description: v.fault_description as string,
    customer_email: v.customer_email as string,
    customer_name: v.customer_name as string | undefined,
    product: v.product as string | undefined,
    metadata: v.metadata as Record<string, string> | undefined,
  });
}

export const createOfflineRepair = defineOperation<Rma>({
  key: 'create_offline_repair',
  kind: 'create',
  resource: 'offline_repair',
  n8nOperation: 'create',
  noun: 'Offline Repair',
  label: 'Create Offline Repair',
  description:
    'Creates an offline repair for a device taken in at the counter; it starts as COUNTER_SWAPPED.',
  action: 'Create an offline repair',
  docs: `${API_DOCS}#create-an-offline-repair`,
  fields,
  readOnly: false,
  destructive: false,
  output: 'rma',
  returns: 'one',
  sample: SAMPLE_OFFLINE_REPAIR,
  example: {
    serial: 'SN-4829-7731-AX',
    fault_description: 'Screen flickers after the device warms up',
    customer_email: 'sam.lee@example.com',
    product: 'Tablet Pro 11',
    metadata: { pos_ticket: 'POS-2291' },
  },
  run: (client, form) =>
    client.offlineRepairs.create(offlineRepairBody(form), {
      idempotencyKey: f.idempotencyKeyOf(form),
    }),
  summary: (rma) => `Created offline repair ${rma.id} for ${rma.customer.email}`,
});
