import { OUTPUT_FIELDS } from '@returns-pack/shared-client';
import type { OperationSpec } from '@returns-pack/shared-client';
import type { Bundle, Create, Search, ZObject } from 'zapier-platform-core';
import { withClient } from '../client';
import { CREATION_LIMIT } from '../creates/creation-limit';
import { zapierInputFields } from './fields';
import { zapierOutputFields } from './output-fields';

/**
 * What creates and searches share: the catalogue's fields, sample and output fields, and a perform
 * that hands Zapier's `inputData` (already keyed by the catalogue's field keys) to the catalogue's
 * `run`, which coerces it by the one set of rules and calls the API.
 */
function operation(spec: OperationSpec) {
  return {
    inputFields: zapierInputFields(spec.fields),
    perform: (z: ZObject, bundle: Bundle) =>
      withClient(z, bundle, (client) => spec.run(client, bundle.inputData ?? {})),
    sample: spec.sample as Record<string, unknown>,
    outputFields: zapierOutputFields(OUTPUT_FIELDS[spec.output]),
  };
}

const display = (spec: OperationSpec) => ({ label: spec.label, description: spec.description });

export function renderCreate(spec: OperationSpec): Create {
  return {
    key: spec.key,
    noun: spec.noun,
    display: display(spec),
    // Only creations draw on the 30-a-minute budget; status moves and labels have budgets of their own.
    operation: { ...operation(spec), ...(spec.kind === 'create' ? { throttle: CREATION_LIMIT } : {}) },
  };
}

/** A search answers a list: the newest match first, `[]` for none so "find or create" can create. */
export function renderSearch(spec: OperationSpec): Search {
  const { perform, ...rest } = operation(spec);
  return {
    key: spec.key,
    noun: spec.noun,
    display: display(spec),
    operation: {
      ...rest,
      perform: async (z: ZObject, bundle: Bundle) => {
        const found = await perform(z, bundle);
        return Array.isArray(found) ? found : [found];
      },
    },
  };
}
