import { createDb } from './db';
import { isApp, resolveProp, userPropValues } from './props';
import type {
  AppDefinition,
  AppOverrides,
  Auth,
  ComponentDefinition,
  ComponentInstance,
  Db,
  EmitMeta,
  Emitted,
} from './types';

/** Pipedream's `unique` dedupe remembers the last 100 ids. */
const DEDUPE_WINDOW = 100;

export interface InstanceOptions {
  auth: Auth;
  props?: Record<string, unknown>;
  appOverrides?: AppOverrides;
  /** Keep state across instances, as a redeployed source keeps its `db`. */
  db?: Db;
}

export interface BoundComponent {
  component: ComponentDefinition;
  /** `this` for hooks and runs; each HTTP request gets its own child with its own `http.respond`. */
  instance: ComponentInstance;
  db: Db;
  /** Events that passed dedupe, in order. */
  emitted: Emitted[];
  /** Emits dropped by `dedupe: "unique"` as duplicates. */
  duplicates: Emitted[];
}

/** `this.app` in a component and in its prop `options`: the app's methods over `$auth`. */
export function bindApp(app: AppDefinition, auth: Auth, overrides: AppOverrides = {}): ComponentInstance {
  const bound: ComponentInstance = { $auth: auth };
  for (const [name, method] of Object.entries({ ...app.methods, ...overrides })) {
    bound[name] = (method as (...args: unknown[]) => unknown).bind(bound);
  }
  return bound;
}

export function bindComponent(component: ComponentDefinition, options: InstanceOptions): BoundComponent {
  const db = options.db ?? createDb();
  const emitted: Emitted[] = [];
  const duplicates: Emitted[] = [];
  const seen: string[] = [];
  const instance: ComponentInstance = { ...component.methods };

  for (const [name, spec] of Object.entries(component.props)) {
    if (spec === '$.service.db') instance[name] = db;
    else if (isApp(spec)) instance[name] = bindApp(spec, options.auth, options.appOverrides);
    else if (resolveProp(component, name).type === '$.interface.timer') {
      instance[name] = (spec as { default?: unknown }).default ?? {};
    }
  }
  Object.assign(instance, userPropValues(component, options.props ?? {}));

  instance.$emit = (event: unknown, meta: EmitMeta) => {
    const entry = { event: structuredClone(event), meta };
    if (component.dedupe !== 'unique') {
      emitted.push(entry);
      return;
    }
    checkUniqueMeta(component, meta);
    const id = String(meta.id);
    if (seen.includes(id)) {
      duplicates.push(entry);
      return;
    }
    seen.push(id);
    if (seen.length > DEDUPE_WINDOW) seen.shift();
    emitted.push(entry);
  };

  return { component, instance, db, emitted, duplicates };
}

function checkUniqueMeta(component: ComponentDefinition, meta: EmitMeta): void {
  if (meta === null || typeof meta !== 'object')
    throw new Error(`${component.key}: $emit needs a meta object`);
  if (typeof meta.id !== 'string' && typeof meta.id !== 'number') {
    throw new Error(`${component.key}: dedupe "unique" needs meta.id`);
  }
  if (String(meta.id).length >= 64)
    throw new Error(`${component.key}: meta.id must stay under 64 characters`);
  if (typeof meta.summary !== 'string' || meta.summary === '')
    throw new Error(`${component.key}: meta.summary missing`);
  if (typeof meta.ts !== 'number' || !Number.isFinite(meta.ts))
    throw new Error(`${component.key}: meta.ts missing`);
}
