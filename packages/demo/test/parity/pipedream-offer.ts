import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadComponent } from '@returns-pack/pipedream/harness';
import type { ComponentDefinition, PropDefinition } from '@returns-pack/pipedream/harness';
import { choiceList } from './offer';
import type { Offer, OfferedField } from './offer';

const PACKAGE_DIR = path.dirname(require.resolve('@returns-pack/pipedream/package.json'));

/** Props every component has by Pipedream's idiom, not from the catalogue. */
const PLATFORM_PROPS = new Set(['app', 'db', 'http', 'timer']);

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const keyOf = (component: ComponentDefinition) =>
  component.key.replace(/^returns_pack-/, '').replace(/-/g, '_');

function componentsIn(folder: 'actions' | 'sources'): ComponentDefinition[] {
  return readdirSync(path.join(PACKAGE_DIR, folder), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'common')
    .map((d) => loadComponent(`${folder}/${d.name}/${d.name}.mjs`));
}

function propsOf(component: ComponentDefinition): Record<string, OfferedField> {
  return Object.fromEntries(
    Object.entries(component.props)
      .filter(([name]) => !PLATFORM_PROPS.has(name))
      .map(([name, spec]) => {
        const prop = spec as PropDefinition;
        const offered: OfferedField = { label: String(prop.label ?? ''), required: prop.optional !== true };
        if (Array.isArray(prop.options)) {
          offered.choices = choiceList(
            (prop.options as Array<string | { label: string; value: string }>).map((o) =>
              typeof o === 'string' ? { value: o, label: o } : o,
            ),
          );
        }
        return [snake(name), offered];
      }),
  );
}

/** The component files as an offer: actions by key, instant sources as triggers, the others as polling. */
export function pipedreamOffer(): Offer {
  const sources = componentsIn('sources');
  const instant = sources.filter((s) => s.key.endsWith('-instant'));
  return {
    operations: Object.fromEntries(
      componentsIn('actions').map((a) => [keyOf(a), { label: a.name, fields: propsOf(a) }]),
    ),
    triggers: Object.fromEntries(
      instant.map((s) => [
        keyOf(s).replace(/_instant$/, ''),
        { label: s.name.replace(/ \(Instant\)$/, ''), fields: propsOf(s) },
      ]),
    ),
    polling: sources.filter((s) => !s.key.endsWith('-instant')).map(keyOf),
  };
}
