import { FIND_RMA_SCAN_LIMIT, SAMPLE_TRADE_RETURN, findRmas } from '@returns-pack/shared-client';
import type { RmaKind } from '@returns-pack/shared-client';
import { defineInputFields, defineSearch } from 'zapier-platform-core';
import type { SearchPerform } from 'zapier-platform-core';
import { withClient } from '../client';
import { RMA_KIND_CHOICES } from '../fields/choices';
import { asText } from '../fields/input-values';
import { RMA_OUTPUT_FIELDS } from '../fields/output-fields';

// The API cannot filter by external reference, so the search reads RMAs newest first: say how far it looks.
const SCAN_LIMIT = FIND_RMA_SCAN_LIMIT.toLocaleString('en');

const inputFields = defineInputFields([
  {
    key: 'id',
    label: 'RMA',
    required: false,
    dynamic: 'rma_list.id.display_name',
    helpText: 'The RMA to find (its id starts with `rma_`). Or leave empty and search by the fields below.',
  },
  {
    key: 'external_reference',
    label: 'External Reference',
    required: false,
    helpText: `Your own reference given when the RMA was created, e.g. the ERP order number. The search looks through the newest ${SCAN_LIMIT} RMAs (or, with a Customer Email, that customer’s newest ${SCAN_LIMIT}).`,
  },
  {
    key: 'customer_email',
    label: 'Customer Email',
    required: false,
    helpText: 'Finds the customer’s newest RMA (matching the external reference too, when given).',
  },
  {
    key: 'kind',
    label: 'Kind',
    required: false,
    choices: RMA_KIND_CHOICES,
    helpText: 'Only trade returns, or only offline repairs.',
  },
]);

/** The newest match, or `[]` so Zapier can offer "create if not found". */
const perform: SearchPerform<typeof inputFields> = (z, bundle) =>
  withClient(z, bundle, (client) =>
    findRmas(client, {
      id: asText(bundle.inputData.id),
      external_reference: asText(bundle.inputData.external_reference),
      customer_email: asText(bundle.inputData.customer_email),
      kind: asText(bundle.inputData.kind) as RmaKind | undefined,
    }),
  );

export const findRma = defineSearch({
  key: 'find_rma',
  noun: 'RMA',
  display: {
    label: 'Find RMA',
    description: 'Finds an RMA by id, external reference or customer email.',
  },
  operation: {
    inputFields,
    perform,
    sample: SAMPLE_TRADE_RETURN,
    outputFields: RMA_OUTPUT_FIELDS,
  },
});
