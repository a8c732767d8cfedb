import type { Rma, RmaKind } from '../../contract';
import { SAMPLE_TRADE_RETURN } from '../../samples';
import { findRmas } from '../find-rma';
import { readForm } from '../form/read-form';
import type { FieldSpec } from '../form/fields';
import * as f from './fields';
import { API_DOCS, defineOperation } from './types';

const fields: FieldSpec[] = [
  {
    ...f.rmaId,
    required: false,
    help: 'The RMA to find (its id starts with rma_). Or leave empty and search by the fields below.',
  },
  {
    ...f.externalReference,
    help: 'Your own reference given when the RMA was created, e.g. the ERP order number (exact match).',
  },
  {
    ...f.customerEmail,
    required: false,
    help: 'Finds the customer’s newest RMA (matching the external reference too, when given).',
  },
  f.kind,
];

export const findRma = defineOperation<Rma[]>({
  key: 'find_rma',
  kind: 'search',
  resource: 'rma',
  n8nOperation: 'find',
  noun: 'RMA',
  label: 'Find RMA',
  description: 'Finds an RMA by id, external reference or customer email.',
  action: 'Find an RMA by ID, external reference or customer email',
  docs: `${API_DOCS}#list-rmas`,
  fields,
  readOnly: true,
  destructive: false,
  output: 'rma',
  returns: 'many',
  sample: SAMPLE_TRADE_RETURN,
  example: { external_reference: 'SO-10442' },
  run: (client, form) => {
    const v = readForm(fields, form);
    return findRmas(client, {
      id: v.rma_id as string | undefined,
      external_reference: v.external_reference as string | undefined,
      customer_email: v.customer_email as string | undefined,
      kind: v.kind as RmaKind | undefined,
    });
  },
  summary: (found) => (found[0] ? `Found RMA ${found[0].id}` : 'No RMA matches'),
});
