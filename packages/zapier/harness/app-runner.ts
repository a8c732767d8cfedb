import { createAppTester } from 'zapier-platform-core';
import type { Bundle, PlainInputField, PlainOutputField, ZObject } from 'zapier-platform-core';
import { App } from '../src/app';

/** Any perform-like function of the definition. */
export type Perform = (z: ZObject, bundle: Bundle) => unknown;

export interface Operation {
  type?: string;
  inputFields?: PlainInputField[];
  outputFields?: PlainOutputField[];
  sample?: Record<string, unknown>;
  perform: Perform;
  performSubscribe?: Perform;
  performUnsubscribe?: Perform;
  performList?: Perform;
  [name: string]: unknown;
}

export interface Action {
  key: string;
  noun: string;
  display: { label?: string; description?: string; hidden?: boolean };
  operation: Operation;
}

/**
 * The definition as plain data: tests look functions up by Zapier's names rather than through the
 * SDK's unions of trigger kinds (a hook trigger is known to have `performList` here, say).
 */
export const definition = App as unknown as {
  version: string;
  platformVersion: string;
  authentication: { test: Perform; connectionLabel: Perform; fields: PlainInputField[] };
  triggers: Record<string, Action>;
  creates: Record<string, Action>;
  searches: Record<string, Action>;
  searchOrCreates: Record<string, { key: string; search: string; create: string }>;
};

export const operationOf = (kind: 'triggers' | 'creates' | 'searches', key: string): Operation => {
  const action = definition[kind][key];
  if (!action) throw new Error(`the app has no ${kind}.${key}`);
  return action.operation;
};

export interface Run {
  <T = unknown>(perform: Perform, bundle?: Record<string, unknown>): Promise<T>;
  /** Forgets what `z.cache` holds (seen event ids, JWT nonces), as a fresh Zapier account would. */
  resetCache(): void;
  /** What `z.cache` holds now, key → JSON text. */
  cache(): Record<string, string>;
}

/**
 * Runs the app's functions through Zapier's own runtime (`createAppTester`), typed for tests. Its
 * `z.cache` is core's local stand-in for Zapier's cache, kept for the runner's lifetime; with
 * `{ cache: false }` there is none, as in a runtime without Zapier's RPC (z.cache calls then throw).
 */
export function appRunner(options: { cache?: boolean } = {}): Run {
  const appTester = createAppTester(App) as unknown as ((
    perform: never,
    bundle: never,
  ) => Promise<unknown>) & { zcacheTestObj?: object };
  const resetCache = () => {
    appTester.zcacheTestObj = options.cache === false ? undefined : {};
  };
  resetCache();
  const run = <T>(perform: Perform, bundle: Record<string, unknown> = {}) =>
    appTester(perform as never, bundle as never) as Promise<T>;
  const cache = () => ({ ...(appTester.zcacheTestObj as Record<string, string> | undefined) });
  return Object.assign(run, { resetCache, cache });
}
