import { OUTPUT_FIELDS, SAMPLE_TRADE_RETURN, collect } from '@returns-pack/shared-client';
import type { Rma } from '@returns-pack/shared-client';
import { defineTrigger } from 'zapier-platform-core';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { withClient } from '../client';
import { zapierOutputFields } from '../render/output-fields';

const PAGE_SIZE = 100;

/** What the dropdown shows for an RMA (not `label`: an RMA's `label` is its shipping label). */
const withDisplayName = (rma: Rma) => ({
  ...rma,
  display_name: `${rma.id} · ${rma.customer.email} · ${rma.status}`,
});

/** Dropdown page n (0-based) is the API's n-th page of the newest RMAs. */
async function listRmas(z: ZObject, bundle: Bundle) {
  const page = Math.max(0, Number(bundle.meta?.page) || 0);
  return withClient(z, bundle, async (client) => {
    const upToPage = await collect(client.rmas.iterate({ limit: PAGE_SIZE }), (page + 1) * PAGE_SIZE);
    return upToPage.slice(page * PAGE_SIZE).map(withDisplayName);
  });
}

/** Hidden: feeds the "RMA" dropdowns (`rma_list.id.display_name`). */
export const rmaList = defineTrigger({
  key: 'rma_list',
  noun: 'RMA',
  display: {
    label: 'New RMA',
    description: 'Triggers when an RMA is created; lists RMAs for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    perform: listRmas,
    sample: withDisplayName(SAMPLE_TRADE_RETURN),
    outputFields: [
      ...zapierOutputFields(OUTPUT_FIELDS.rma),
      { key: 'display_name', label: 'Display Name', type: 'string' },
    ],
  },
});
