import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareApp, validateApp } from 'zapier-platform-core/src/tools/schema';
import { SAMPLE_TRADE_RETURN, TRIGGERS, sampleEvent } from '@returns-pack/shared-client';
import { App, APP_VERSION } from '../src/app';
import { definition } from '../harness';
import type { Action } from '../harness';

const triggers = Object.values(definition.triggers);
const creates = Object.values(definition.creates);
const searches = Object.values(definition.searches);
const actions = [...triggers, ...creates, ...searches];
const visible = (list: Action[]) => list.filter((a) => !a.display.hidden);

describe('the app definition', () => {
  test('passes zapier-platform-schema validation offline', () => {
    expect(validateApp(prepareApp(App))).toEqual([]);
  });

  test('the validator does catch a broken definition (so the check above can fail)', () => {
    const broken = {
      ...App,
      triggers: { ...App.triggers, new_return: { ...definition.triggers.new_return, noun: 42 } },
    };
    expect(validateApp(prepareApp(broken)).length).toBeGreaterThan(0);
  });

  test('offers an instant trigger per catalogue trigger, the hidden RMA list, the creates and actions, and the search', () => {
    expect(Object.keys(App.triggers ?? {}).sort()).toEqual(
      [...TRIGGERS.map((t) => t.key), 'rma_list'].sort(),
    );
    expect(Object.keys(App.creates ?? {}).sort()).toEqual([
      'create_offline_repair',
      'create_trade_return',
      'generate_return_label',
      'update_rma_status',
    ]);
    expect(Object.keys(App.searches ?? {})).toEqual(['find_rma']);
  });

  test('every REST hook can subscribe, unsubscribe and list samples (checks D006, D016, D017)', () => {
    const hooks = triggers.filter((t) => t.operation.type === 'hook');
    expect(hooks).toHaveLength(TRIGGERS.length);
    for (const hook of hooks) {
      for (const method of ['perform', 'performSubscribe', 'performUnsubscribe', 'performList']) {
        expect([hook.key, method, typeof hook.operation[method]]).toEqual([hook.key, method, 'function']);
      }
    }
  });

  test('labels are Title Case nouns and descriptions follow Zapier’s wording (D018, D021)', () => {
    const titleCase = /^(?:[A-Z][A-Za-z]*|RMA)(?: (?:[A-Z][A-Za-z]*|RMA|or|\(Instant\)))*$/;
    for (const action of visible(actions))
      expect([action.key, action.display.label]).toEqual([action.key, expect.stringMatching(titleCase)]);
    for (const t of visible(triggers)) expect(t.display.description).toMatch(/^Triggers when [^A-Z].+\.$/);
    // Zapier's wording for a write: "Creates …", or the verb of what it changes ("Updates …", "Generates …").
    for (const c of creates) expect(c.display.description).toMatch(/^(Creates|Updates|Generates) .+\.$/);
    for (const s of searches) expect(s.display.description).toMatch(/^Finds .+\.$/);
  });

  test('every operation has a static sample with an id (D010, D012)', () => {
    for (const action of actions) {
      expect([action.key, typeof action.operation.sample?.id]).toEqual([action.key, 'string']);
    }
  });

  test('sample timestamps are ISO 8601 with an offset (D023)', () => {
    const stamps: string[] = [];
    const walk = (value: unknown, key = ''): void => {
      if (Array.isArray(value)) value.forEach((v) => walk(v, key));
      else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => walk(v, k));
      else if (typeof value === 'string' && /(_at|^at)$/.test(key)) stamps.push(value);
    };
    actions.forEach((a) => walk(a.operation.sample));
    expect(stamps.length).toBeGreaterThan(20);
    for (const stamp of stamps)
      expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/);
  });

  test('every output field names a value of the contract (keys present in the fullest samples)', () => {
    const fullest = (action: Action) =>
      action.operation.type === 'hook'
        ? sampleEvent('shipment.delivered')
        : { ...SAMPLE_TRADE_RETURN, display_name: action.operation.sample?.display_name };
    for (const action of actions) {
      for (const field of action.operation.outputFields ?? []) {
        const value = valueAt(fullest(action), field.key);
        expect([action.key, field.key, value !== undefined]).toEqual([action.key, field.key, true]);
      }
    }
  });

  test('no action asks for a credential, and id fields are dropdowns (D001, D004)', () => {
    for (const action of actions) {
      for (const field of action.operation.inputFields ?? []) {
        expect(field.type).not.toBe('password');
        // An idempotency key is no credential; an API key, token, secret or password would be.
        expect(field.key).not.toMatch(/api_key|token|secret|password/i);
        if (field.key === 'id' || field.key.endsWith('_id')) {
          expect(field.dynamic).toMatch(/^[a-z_]+\.id\.[a-z_]+$/);
          const source = definition.triggers[field.dynamic!.split('.')[0]!]!;
          expect(source.display.hidden).toBe(true);
          const [, , labelKey] = field.dynamic!.split('.');
          expect(typeof source.operation.sample?.id).toBe('string');
          expect(typeof source.operation.sample?.[labelKey!]).toBe('string');
        }
      }
    }
  });

  test('every input field a user fills in explains itself (help text)', () => {
    for (const action of visible(actions)) {
      const fields = (action.operation.inputFields ?? []).flatMap((f) => (f.children ? f.children : [f]));
      for (const field of fields)
        expect([action.key, field.key, field.helpText]).toEqual([
          action.key,
          field.key,
          expect.stringMatching(/\S{3}/),
        ]);
    }
  });

  test('the API key field is a password with help that links to where the key is found (D002)', () => {
    const key = definition.authentication.fields.find((f) => f.key === 'api_key');
    expect(key).toEqual(expect.objectContaining({ type: 'password', required: true }));
    expect(key?.helpText).toMatch(/\[Settings → External API\]\(https:\/\/[^)]+\)/);
  });

  test('"find or create" pairs the search with a create that exists', () => {
    const pairing = definition.searchOrCreates.find_rma!;
    expect(definition.searches[pairing.search]).toBeDefined();
    expect(definition.creates[pairing.create]).toBeDefined();
  });

  test('the app version is package.json’s, and core is pinned exactly as the CLI wants', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
      version: string;
      dependencies: Record<string, string>;
    };
    expect(APP_VERSION).toBe(pkg.version);
    expect(pkg.dependencies).toEqual({ 'zapier-platform-core': '19.1.0' });
    expect(definition.platformVersion).toBe('19.1.0');
  });
});

/** `data__rma__items[]sku` → sample.data.rma.items[0].sku, Zapier's flattened key syntax. */
function valueAt(sample: unknown, key: string): unknown {
  let value: unknown = sample;
  for (const part of key.split('__')) {
    const [name, child] = part.split('[]');
    value = (value as Record<string, unknown> | undefined)?.[name!];
    if (child !== undefined) value = (value as Record<string, unknown>[] | undefined)?.[0]?.[child];
  }
  return value;
}
