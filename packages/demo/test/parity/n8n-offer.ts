import { EVENT_TYPES_FIELD, OPERATIONS, TRIGGERS, camelKey } from '@returns-pack/shared-client';
import type { OperationSpec } from '@returns-pack/shared-client';
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { ReturnsPack, ReturnsPackPollTrigger, ReturnsPackTrigger } from 'n8n-nodes-returns-pack/harness';
import { choiceList } from './offer';
import type { Offer, OfferedEntry, OfferedField } from './offer';

/** Parameters of n8n's own idiom, not from the catalogue: pagination's switch and the containers. */
const IDIOM = new Set(['resource', 'operation', 'returnAll']);
const CONTAINERS = new Set(['additionalFields', 'filters', 'options']);
/** The fixed-collection option that holds the entries of a list field (`items.item[]`). */
const LIST_ENTRY = 'item';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const optionsOf = (p: INodeProperties) => (p.options ?? []) as INodePropertyOptions[];

function offeredField(p: INodeProperties, required: boolean): OfferedField {
  const offered: OfferedField = { label: p.displayName, required };
  if (p.type === 'options' || p.type === 'multiOptions') {
    offered.choices = choiceList(optionsOf(p).map((o) => ({ value: String(o.value), label: o.name })));
  }
  if (p.type === 'fixedCollection') {
    const list = (p.options as Array<{ name: string; values: INodeProperties[] }>).find(
      (o) => o.name === LIST_ENTRY,
    );
    if (list) offered.children = fieldsOf(list.values);
  }
  return offered;
}

/** Parameters as fields: collections opened (what sits in one is optional), idiom left out. */
function fieldsOf(properties: readonly INodeProperties[]): Record<string, OfferedField> {
  const fields: Record<string, OfferedField> = {};
  for (const p of properties) {
    if (IDIOM.has(p.name)) continue;
    if (p.type === 'collection' && CONTAINERS.has(p.name)) {
      for (const inner of (p.options ?? []) as INodeProperties[])
        fields[snake(inner.name)] = offeredField(inner, false);
    } else {
      fields[snake(p.name)] = offeredField(p, p.required === true);
    }
  }
  return fields;
}

const shownFor = (p: INodeProperties, key: string, value: string) =>
  (p.displayOptions?.show?.[key] as unknown[] | undefined)?.includes(value) ?? false;

function actionOffer(description: INodeTypeDescription): Record<string, OfferedEntry> {
  const props = description.properties;
  const resources = optionsOf(props.find((p) => p.name === 'resource')!);
  const entries: Record<string, OfferedEntry> = {};
  for (const resource of resources.map((r) => String(r.value))) {
    const operations = props.filter((p) => p.name === 'operation' && shownFor(p, 'resource', resource));
    for (const option of operations.flatMap(optionsOf)) {
      const spec = (OPERATIONS as readonly OperationSpec[]).find(
        (op) => camelKey(op.resource) === resource && op.n8nOperation === option.value,
      );
      const key = spec?.key ?? `${resource}.${String(option.value)} (not in the catalogue)`;
      const own = props.filter(
        (p) => shownFor(p, 'resource', resource) && shownFor(p, 'operation', String(option.value)),
      );
      entries[key] = { label: option.action ?? option.name, fields: fieldsOf(own) };
    }
  }
  return entries;
}

/**
 * n8n has one trigger node for all events: each catalogue trigger is offered when its event is one
 * of the node's Event Types (labelled from the event catalogue), New Event when the node has the
 * picker at all; every trigger has the node's settings. The picker is checked against the
 * catalogue's Event Types field on its own.
 */
function triggersOf(description: INodeTypeDescription): Record<string, OfferedEntry> {
  const picker = description.properties.find((p) => p.name === 'events');
  const offered = new Map(picker ? optionsOf(picker).map((o) => [String(o.value), o.name]) : []);
  const settings = fieldsOf(description.properties.filter((p) => p.name !== 'events'));
  const entries: Record<string, OfferedEntry> = {};
  for (const trigger of TRIGGERS) {
    if (trigger.events === 'chosen') {
      if (picker?.type === 'multiOptions') entries[trigger.key] = { label: trigger.label, fields: settings };
    } else if (trigger.events.every((e) => offered.has(e))) {
      entries[trigger.key] = {
        label: trigger.events.map((e) => offered.get(e)).join(', '),
        fields: settings,
      };
    }
  }
  return entries;
}

export function n8nPicker(): OfferedField | undefined {
  const picker = new ReturnsPackTrigger().description.properties.find((p) => p.name === 'events');
  return picker && offeredField(picker, picker.required === true);
}

export const EXPECTED_PICKER: OfferedField = {
  label: EVENT_TYPES_FIELD.label,
  required: EVENT_TYPES_FIELD.required,
  choices: choiceList(EVENT_TYPES_FIELD.choices ?? []),
};

/** The n8n nodes as an offer: the action node's resource/operation pairs, the two trigger nodes. */
export function n8nOffer(): Offer {
  const poll = new ReturnsPackPollTrigger().description;
  return {
    operations: actionOffer(new ReturnsPack().description),
    triggers: triggersOf(new ReturnsPackTrigger().description),
    polling: poll.polling ? Object.keys(triggersOf(poll)) : [],
  };
}
