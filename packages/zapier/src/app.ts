import { OPERATIONS, TRIGGERS } from '@returns-pack/shared-client';
import type { OperationSpec } from '@returns-pack/shared-client';
import { defineApp, version as platformVersion } from 'zapier-platform-core';
import type { Create, Search, Trigger } from 'zapier-platform-core';
import { authentication } from './authentication';
import { includeApiKey } from './middleware';
import { renderHookTrigger } from './render/hook-trigger';
import { renderCreate, renderSearch } from './render/operation';
import { rmaList } from './triggers/rma-list';

/** Kept equal to package.json's version by a test (the bundle does not read package.json). */
export const APP_VERSION = '0.1.0';

const byKey = <T extends { key: string }>(list: readonly T[]): Record<string, T> =>
  Object.fromEntries(list.map((item) => [item.key, item]));

/** Catalogue operations of one kind; the others carry a Zapier exception that says why. */
const ofKind = (kind: OperationSpec['kind']) =>
  (OPERATIONS as readonly OperationSpec[]).filter((spec) => spec.kind === kind && !spec.exceptions?.zapier);

/**
 * Everything below is rendered from the catalogue (packages/shared-client/src/platform): one instant
 * trigger per catalogue trigger, New Event included; a create per create or action and a search per search.
 * Only the hidden `rma_list` trigger, which feeds the RMA dropdowns, is Zapier's own.
 */
const triggers: Record<string, Trigger> = {
  ...byKey(TRIGGERS.filter((trigger) => !trigger.exceptions?.zapier).map(renderHookTrigger)),
  [rmaList.key]: rmaList,
};
// Zapier has no "action" list of its own: an action that changes something (a status, a label) is a create.
const creates: Record<string, Create> = byKey([...ofKind('create'), ...ofKind('action')].map(renderCreate));
const searches: Record<string, Search> = byKey(ofKind('search').map(renderSearch));

export const App = defineApp({
  version: APP_VERSION,
  platformVersion,
  authentication,
  beforeRequest: [includeApiKey],
  triggers,
  creates,
  searches,
  searchOrCreates: {
    find_rma: {
      key: 'find_rma',
      display: {
        label: 'Find or Create Trade Return',
        description:
          'Finds an RMA by id, external reference or customer email, or creates a trade return if none is found.',
      },
      search: 'find_rma',
      create: 'create_trade_return',
    },
  },
});
