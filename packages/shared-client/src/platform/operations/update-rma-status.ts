import type { Rma, RmaStatus } from '../../contract';
import { INTEGRATION_STATUSES } from '../../contract';
import { SAMPLE_TRADE_RETURN } from '../../samples';
import { enumChoices } from '../form/choices';
import type { FieldSpec } from '../form/fields';
import { readForm } from '../form/read-form';
import * as f from './fields';
import { API_DOCS, defineOperation } from './types';

const fields: FieldSpec[] = [
  f.rmaId,
  {
    key: 'to',
    label: 'New Status',
    type: 'choice',
    required: true,
    // Only what an integration may ask for: the carrier's states and LABEL_CREATED are not offered.
    help: 'The status to move the RMA to. It must be a next step from where the RMA is now; otherwise the step fails naming the current status and the allowed ones. Labels: use Generate Return Label.',
    choices: enumChoices(INTEGRATION_STATUSES),
  },
  {
    key: 'note',
    label: 'Note',
    type: 'text',
    required: false,
    help: 'Why, in a few words (up to 500 characters): stored in the RMA’s history.',
  },
];

/**
 * v1.1 `POST /external/v1/rmas/{id}/transitions`. An invalid move comes back as the API's 409, whose
 * message names the current status and the allowed next ones; platforms show it as it is.
 */
export const updateRmaStatus = defineOperation<Rma>({
  key: 'update_rma_status',
  kind: 'action',
  resource: 'rma',
  n8nOperation: 'updateStatus',
  noun: 'RMA Status',
  label: 'Update RMA Status',
  description:
    'Updates the status of an RMA to a next step: approve, receive, process, credit, close, cancel or pause.',
  action: 'Move an RMA to its next status',
  docs: `${API_DOCS}#transitions`,
  fields,
  readOnly: false,
  destructive: false,
  output: 'rma',
  returns: 'one',
  sample: SAMPLE_TRADE_RETURN,
  example: { to: 'APPROVED', note: 'Approved by the workflow' },
  run: (client, form) => {
    const v = readForm(fields, form);
    return client.rmas.transition(v.rma_id as string, {
      to: v.to as RmaStatus,
      ...(v.note === undefined ? {} : { note: v.note as string }),
    });
  },
  summary: (rma) => `Moved RMA ${rma.id} to ${rma.status}`,
});
