import type { Rma } from '../../contract';
import { SAMPLE_TRADE_RETURN } from '../../samples';
import { readForm } from '../form/read-form';
import * as f from './fields';
import { API_DOCS, defineOperation } from './types';

const fields = [f.rmaId];

export const getRma = defineOperation<Rma>({
  key: 'get_rma',
  kind: 'get',
  resource: 'rma',
  n8nOperation: 'get',
  noun: 'RMA',
  label: 'Get RMA',
  description: 'Gets one RMA, trade return or offline repair, by its ID.',
  action: 'Get an RMA by ID',
  docs: `${API_DOCS}#get-an-rma`,
  fields,
  readOnly: true,
  destructive: false,
  output: 'rma',
  returns: 'one',
  sample: SAMPLE_TRADE_RETURN,
  example: {},
  run: (client, form) => client.rmas.get(readForm(fields, form).rma_id as string),
  summary: (rma) => `Got RMA ${rma.id} (${rma.status})`,
  exceptions: {
    zapier:
      'Find RMA with an RMA ID returns that RMA: Zapier offers one search per object, not a separate get.',
  },
});
