import type { Rma, RmaListFilters } from '../../contract';
import { SAMPLE_TRADE_RETURN } from '../../samples';
import type { FieldSpec } from '../form/fields';
import { readForm } from '../form/read-form';
import * as f from './fields';
import { listUpTo, listed } from './list';
import { API_DOCS, defineOperation } from './types';

const fields: FieldSpec[] = [
  f.kind,
  f.status,
  { ...f.customerEmail, required: false, help: 'Only RMAs of this customer.' },
  f.createdAfter,
  {
    key: 'created_before',
    label: 'Created Before',
    type: 'datetime',
    required: false,
    help: 'Only those created before this date and time.',
  },
  {
    key: 'updated_after',
    label: 'Updated After',
    type: 'datetime',
    required: false,
    help: 'Only those changed after this date and time.',
  },
  {
    key: 'breached',
    label: 'Breached',
    type: 'boolean',
    required: false,
    help: 'Only RMAs that breached their SLA (true) or only those that did not (false).',
  },
  f.limit,
];

export const listRmas = defineOperation<Rma[]>({
  key: 'list_rmas',
  kind: 'list',
  resource: 'rma',
  n8nOperation: 'getMany',
  noun: 'RMA',
  label: 'List RMAs',
  description: 'Lists RMAs of both kinds, newest first, with filters.',
  action: 'List RMAs, newest first, with filters',
  docs: `${API_DOCS}#list-rmas`,
  fields,
  readOnly: true,
  destructive: false,
  output: 'rma',
  returns: 'many',
  sample: SAMPLE_TRADE_RETURN,
  example: { kind: 'trade_return', limit: 5 },
  run: (client, form) =>
    listUpTo(readForm(fields, form), (filters: RmaListFilters) => client.rmas.iterate(filters)),
  summary: (rmas) => listed(rmas.length, 'RMA'),
  exceptions: {
    zapier:
      'A Zap step acts on one record: RMA lists feed the RMA dropdowns (the hidden rma_list trigger) and Find RMA returns the newest match.',
  },
});
