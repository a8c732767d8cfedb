import type { Rma } from '../../contract';
import { SAMPLE_TRADE_RETURN } from '../../samples';
import type { FieldSpec } from '../form/fields';
import { readForm } from '../form/read-form';
import * as f from './fields';
import { API_DOCS, defineOperation } from './types';

const fields: FieldSpec[] = [
  {
    ...f.rmaId,
    help: 'The trade return to label, e.g. rma_8f2k3j9x. A requested return is approved first; one that has a label already, or is past that point, fails.',
  },
  {
    key: 'carrier',
    label: 'Carrier',
    type: 'string',
    required: false,
    help: 'The carrier to ship with, e.g. UPS or DHL; empty for the account default.',
  },
];

/** v1.1 `POST /external/v1/trade-returns/{id}/label`: the RMA comes back LABEL_CREATED with its `label`. */
export const generateReturnLabel = defineOperation<Rma>({
  key: 'generate_return_label',
  kind: 'action',
  resource: 'trade_return',
  n8nOperation: 'generateLabel',
  noun: 'Return Label',
  label: 'Generate Return Label',
  description: 'Generates the return shipping label of a trade return, approving it first if need be.',
  action: 'Generate the return label of a trade return',
  docs: `${API_DOCS}#labels`,
  fields,
  readOnly: false,
  destructive: false,
  output: 'rma',
  returns: 'one',
  sample: SAMPLE_TRADE_RETURN,
  example: {},
  run: (client, form) => {
    const v = readForm(fields, form);
    const carrier = v.carrier as string | undefined;
    return client.tradeReturns.generateLabel(v.rma_id as string, carrier === undefined ? {} : { carrier });
  },
  summary: (rma) =>
    rma.label
      ? `Generated label ${rma.label.tracking_number} (${rma.label.carrier}) for RMA ${rma.id}`
      : `Labelled RMA ${rma.id}`,
});
