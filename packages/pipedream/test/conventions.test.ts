import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import {
  EVENT_TYPES_FIELD,
  EventEnvelope,
  OPERATIONS,
  TRIGGERS,
  camelKey,
  sampleEvent,
  triggerFields,
} from '@returns-pack/shared-client';
import type { FieldSpec, OperationSpec, TriggerSpec } from '@returns-pack/shared-client';
import { loadComponent } from '../harness';
import type { ComponentDefinition, PropDefinition } from '../harness';

/**
 * The components render the catalogue, and nothing else: one action per operation, an instant and
 * a polling source per trigger, their identity written literally in each file (as the registry
 * and the eslint plugin read it) and equal to the catalogue's, their props the catalogue's fields.
 */
const packageDir = path.join(__dirname, '..');
const kebab = (key: string) => key.replaceAll('_', '-');
const DOCS_LINK = /\[See the documentation\]\(https:\/\/[^)\s]+\)$/;

const folders = (kind: 'actions' | 'sources') =>
  readdirSync(path.join(packageDir, kind), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'common')
    .map((entry) => entry.name)
    .sort();
const fileOf = (kind: 'actions' | 'sources', folder: string) => `${kind}/${folder}/${folder}.mjs`;
const load = (kind: 'actions' | 'sources', folder: string) => loadComponent(fileOf(kind, folder));

const actions = OPERATIONS.filter((op) => !op.exceptions?.pipedream) as readonly OperationSpec[];
const sources = TRIGGERS.flatMap((trigger) => [
  { trigger, instant: true, folder: `${kebab(trigger.key)}-instant` },
  { trigger, instant: false, folder: kebab(trigger.key) },
]);

/** Pipedream's guidelines (and the eslint rule source-name) start a source's name with "New". */
const sourceName = (trigger: TriggerSpec, instant: boolean) =>
  `${trigger.label.startsWith('New ') ? trigger.label : `New ${trigger.label}`}${instant ? ' (Instant)' : ''}`;

const TYPES: Record<string, string> = {
  integer: 'integer',
  boolean: 'boolean',
  choices: 'string[]',
  string_map: 'object',
  object_list: 'string[]',
};

/** Optional booleans without a catalogue default: unset, true and false mean three different requests. */
const isTriState = (field: FieldSpec) =>
  field.type === 'boolean' && !field.required && field.default === undefined;

function expectRendered(props: ComponentDefinition['props'], fields: readonly FieldSpec[]): void {
  for (const field of fields) {
    const prop = props[camelKey(field.key)] as PropDefinition;
    expect(prop).toBeDefined();
    expect({
      key: field.key,
      label: prop.label,
      optional: prop.optional,
      description: prop.description,
    }).toEqual({
      key: field.key,
      label: field.label,
      optional: !field.required,
      description: field.help,
    });
    expect(prop.type).toBe(TYPES[field.type] ?? 'string');
    expect(prop.options).toEqual(field.choices?.map(({ label, value }) => ({ label, value })));
    expect(Boolean(prop.secret)).toBe(Boolean(field.secret));
    if (field.default !== undefined) expect(prop.default).toEqual(field.default);
    else if (!field.required && !isTriState(field)) expect(prop).toHaveProperty('default');
    if (field.type === 'rma_id' || field.type === 'webhook_id') {
      expect(prop.propDefinition?.[1]).toBe(field.type === 'rma_id' ? 'rmaId' : 'webhookId');
    }
  }
}

/** The file's text shows `name: "value"` literally, as a static reader (registry, eslint) needs. */
function expectLiteral(file: string, component: ComponentDefinition): void {
  const text = readFileSync(path.join(packageDir, file), 'utf8');
  for (const name of ['key', 'name', 'description', 'version', 'type'] as const) {
    const value = JSON.stringify(component[name]).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(text).toMatch(new RegExp(`\\n  ${name}:\\s+${value},\\n`));
  }
}

describe('actions: one per catalogue operation', () => {
  it('exist for exactly the operations without a Pipedream exception', () => {
    expect(folders('actions')).toEqual(actions.map((op) => kebab(op.key)).sort());
  });

  it.each(actions.map((op) => [op.key, op] as const))('%s', (_key, op) => {
    const file = fileOf('actions', kebab(op.key));
    const action = loadComponent(file);
    expect(action).toMatchObject({
      key: `returns_pack-${kebab(op.key)}`,
      name: op.label,
      description: `${op.action}. [See the documentation](${op.docs})`,
      version: '0.0.1',
      type: 'action',
    });
    expect(action.annotations).toEqual({
      destructiveHint: op.destructive,
      openWorldHint: true,
      readOnlyHint: op.readOnly,
    });
    expectLiteral(file, action);
    expect(Object.keys(action.props)).toEqual(['app', ...op.fields.map((f) => camelKey(f.key))]);
    expectRendered(action.props, op.fields);
  });
});

describe('sources: an instant and a polling source per catalogue trigger', () => {
  it('exist for exactly the catalogue triggers', () => {
    expect(folders('sources')).toEqual(sources.map((s) => s.folder).sort());
  });

  it.each(sources.map((s) => [s.folder, s] as const))('%s', (folder, { trigger, instant }) => {
    const source = load('sources', folder);
    expect(source).toMatchObject({
      key: `returns_pack-${folder}`,
      name: sourceName(trigger, instant),
      version: '0.0.1',
      type: 'source',
      dedupe: 'unique',
    });
    expect(source.description).toMatch(/^Emit new event when /);
    expect(source.description).toMatch(DOCS_LINK);
    expectLiteral(fileOf('sources', folder), source);
    expect(source.props.db).toBe('$.service.db');
    const fields = instant ? triggerFields(trigger) : trigger.events === 'chosen' ? [EVENT_TYPES_FIELD] : [];
    const platform = instant
      ? { http: { type: '$.interface.http', customResponse: true } }
      : { timer: { type: '$.interface.timer', default: { intervalSeconds: 900 } } };
    expect(Object.keys(source.props)).toEqual([
      'app',
      'db',
      ...Object.keys(platform),
      ...fields.map((f) => camelKey(f.key)),
    ]);
    expect(source.props).toMatchObject(platform);
    expectRendered(source.props, fields);
    expect(source.sampleEmit).toEqual(
      sampleEvent(trigger.events === 'chosen' ? 'return.created' : trigger.events[0]!),
    );
    expect(EventEnvelope.safeParse(source.sampleEmit).error).toBeUndefined();
  });

  it('keep the Signing Secret secret', () => {
    const prop = load('sources', 'new-return-instant').props.signingSecret as PropDefinition;
    expect(prop).toMatchObject({ secret: true, optional: true, default: '' });
  });
});

it('lists every component in the README', () => {
  const readme = readFileSync(path.join(packageDir, 'README.md'), 'utf8');
  for (const kind of ['actions', 'sources'] as const) {
    for (const folder of folders(kind)) expect(readme).toContain(`\`returns_pack-${folder}\``);
  }
});

describe('@pipedream/eslint-plugin-pipedream', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the plugin is CommonJS
  const plugin = require('@pipedream/eslint-plugin-pipedream') as {
    rules: Record<string, unknown>;
  };
  const everyRule = Object.keys(plugin.rules).map((name) => `pipedream/${name}`);
  const eslintBin = path.join(path.dirname(require.resolve('eslint')), '..', 'bin', 'eslint.js');

  it.each([
    'actions/get-rma/get-rma.mjs',
    'sources/new-event-instant/new-event-instant.mjs',
    'sources/common/instant.mjs',
  ])('has every one of its rules on, as an error, for %s', (file) => {
    // The package's own eslint.config.mjs, as `npm run lint` reads it (ESM: outside jest's loader).
    const printed = execFileSync(process.execPath, [eslintBin, '--print-config', file], {
      cwd: packageDir,
      encoding: 'utf8',
      timeout: 20_000,
    });
    const { rules } = JSON.parse(printed) as { rules: Record<string, unknown> };
    for (const rule of everyRule) expect([rule, rules[rule]]).toEqual([rule, [2]]);
  });

  /**
   * Spread props are invisible to the plugin's static rules, so they run here on what Pipedream
   * gets: each component's evaluated definition written out as an object literal.
   */
  it('passes on every rendered definition, but for the tri-state booleans', () => {
    const linter = new Linter({ configType: 'flat' });
    const config: Linter.Config[] = [
      {
        files: ['**/*.mjs'],
        languageOptions: { sourceType: 'module', globals: { app: 'readonly' } },
        plugins: { pipedream: plugin as never },
        rules: Object.fromEntries(everyRule.map((rule) => [rule, 'error'])),
      },
    ];
    const findings = [
      ...folders('actions').map((f) => fileOf('actions', f)),
      ...folders('sources').map((f) => fileOf('sources', f)),
    ].flatMap((file) =>
      linter
        .verify(`export default ${literal(loadComponent(file))};\n`, config, { filename: file })
        .map((m) => `${file}: ${m.message}`),
    );
    const triState = actions.flatMap((op) =>
      op.fields
        .filter(isTriState)
        .map(
          (f) =>
            `${fileOf('actions', kebab(op.key))}: Component prop ${camelKey(f.key)} is marked "optional", so it may need a "default" property. See https://pipedream.com/docs/components/guidelines/#default-values`,
        ),
    );
    expect(findings.sort()).toEqual(triState.sort());
  });
});

/** A value as JavaScript source; the app prop by name, as a component file writes it. */
function literal(value: unknown): string {
  if (typeof value === 'function') return 'function () {}';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value && typeof value === 'object') {
    if ((value as { type?: unknown }).type === 'app') return 'app';
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${literal(v)}`)
      .join(', ')} }`;
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}
