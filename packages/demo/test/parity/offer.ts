import {
  EVENT_CATALOGUE,
  OPERATIONS,
  POLLING_EXCEPTIONS,
  TRIGGERS,
  triggerFields,
} from '@returns-pack/shared-client';
import type { FieldSpec, OperationSpec, Platform, TriggerSpec } from '@returns-pack/shared-client';

/**
 * What a platform offers, reduced to what must be the same everywhere: per entry its label and,
 * per field, label, required flag, choices (value → label, order aside) and children. Each
 * platform's definition is read into this shape by its own reader; the catalogue gives the
 * expected one.
 */
export interface OfferedField {
  label: string;
  required: boolean;
  choices?: string[];
  children?: Record<string, OfferedField>;
}

export interface OfferedEntry {
  label: string;
  fields: Record<string, OfferedField>;
}

export interface Offer {
  operations: Record<string, OfferedEntry>;
  triggers: Record<string, OfferedEntry>;
  /** Triggers with a polling fallback. */
  polling: string[];
}

export const choiceList = (pairs: readonly { value: string; label: string }[]) =>
  pairs.map(({ value, label }) => `${value} → ${label}`).sort();

/** Pipedream props have no nested fields: a list of objects is one JSON object per entry there. */
const NESTS_FIELDS: Record<Platform, boolean> = { zapier: true, n8n: true, pipedream: false };

function expectedField(field: FieldSpec, platform: Platform): OfferedField {
  const offered: OfferedField = { label: field.label, required: field.required };
  if (field.choices) offered.choices = choiceList(field.choices);
  if (field.children && NESTS_FIELDS[platform]) offered.children = expectedFields(field.children, platform);
  return offered;
}

export function expectedFields(
  fields: readonly FieldSpec[],
  platform: Platform,
): Record<string, OfferedField> {
  return Object.fromEntries(
    fields.filter((f) => !f.exceptions?.[platform]).map((f) => [f.key, expectedField(f, platform)]),
  );
}

/**
 * Pipedream's lint (`source-name`) wants every source named "New …"; n8n's one trigger node names
 * each single-event trigger by its event, as its Event Types picker lists it.
 */
function triggerLabel(trigger: TriggerSpec, platform: Platform): string {
  if (platform === 'pipedream' && !trigger.label.startsWith('New ')) return `New ${trigger.label}`;
  if (platform === 'n8n' && trigger.events !== 'chosen')
    return trigger.events.map((e) => EVENT_CATALOGUE[e].label).join(', ');
  return trigger.label;
}

/** n8n names an operation by its `action` sentence; the others by the catalogue's label. */
const operationLabel = (spec: OperationSpec, platform: Platform) =>
  platform === 'n8n' ? spec.action : spec.label;

/** The catalogue as `platform` must offer it: every entry and field without a written exception. */
export function expectedOffer(platform: Platform): Offer {
  const operations = (OPERATIONS as readonly OperationSpec[]).filter((op) => !op.exceptions?.[platform]);
  const triggers = TRIGGERS.filter((t) => !t.exceptions?.[platform]);
  return {
    operations: Object.fromEntries(
      operations.map((op) => [
        op.key,
        { label: operationLabel(op, platform), fields: expectedFields(op.fields, platform) },
      ]),
    ),
    triggers: Object.fromEntries(
      triggers.map((t) => [
        t.key,
        { label: triggerLabel(t, platform), fields: expectedFields(triggerFields(t), platform) },
      ]),
    ),
    polling: platform in POLLING_EXCEPTIONS ? [] : triggers.map((t) => t.key),
  };
}
