/**
 * The shapes of Pipedream's component API that the harness binds, as its docs describe them
 * (components/api): only what these components use, typed loosely where Pipedream is loose.
 */
export type Method = (this: ComponentInstance, ...args: never[]) => unknown;

export interface PropDefinition {
  type?: string;
  label?: string;
  description?: string;
  optional?: boolean;
  default?: unknown;
  options?: unknown;
  propDefinition?: [AppDefinition, string];
  customResponse?: boolean;
  [key: string]: unknown;
}

export interface AppDefinition {
  type: 'app';
  app: string;
  propDefinitions?: Record<string, PropDefinition>;
  methods?: Record<string, Method>;
}

export type PropSpec = PropDefinition | AppDefinition | '$.service.db';

export interface ComponentDefinition {
  key: string;
  name: string;
  description: string;
  version: string;
  type: 'action' | 'source';
  dedupe?: 'unique' | 'greatest' | 'last';
  annotations?: { destructiveHint: boolean; openWorldHint: boolean; readOnlyHint: boolean };
  props: Record<string, PropSpec>;
  methods?: Record<string, Method>;
  hooks?: Partial<Record<'deploy' | 'activate' | 'deactivate', Method>>;
  sampleEmit?: unknown;
  run: Method;
}

/** `this` inside a component: props by name, methods, `db`, `$emit`. */
export type ComponentInstance = Record<string, unknown> & {
  db?: Db;
  http?: HttpInterface;
  $emit?: (event: unknown, meta: EmitMeta) => void;
};

export interface Db {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface EmitMeta {
  id?: string | number;
  summary?: string;
  ts?: number;
}

export interface Emitted {
  event: unknown;
  meta: EmitMeta;
}

export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface HttpInterface {
  endpoint: string;
  respond(response: HttpResponse): void;
}

/** The event an `$.interface.http` source's `run` receives. */
export interface HttpEvent {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  bodyRaw: string;
  body: unknown;
  url: string;
  client_ip: string;
}

export interface Auth {
  api_key: string;
  base_url: string;
}

/** Replace app methods in one test, as a spy would: e.g. a `_sleep` that advances the mock clock. */
export type AppOverrides = Record<string, (...args: never[]) => unknown>;
