import type { ReturnsClient } from '../../client/create-client';
import type { FieldSpec } from '../form/fields';
import type { FormValues } from '../form/read-form';
import type { PlatformExceptions } from '../types';

/** What a step works on: platforms group operations by it (n8n's resources, Zapier's nouns). */
export type Resource = 'trade_return' | 'offline_repair' | 'rma' | 'event' | 'webhook';

/** How the platforms classify the step: Zapier puts creates and searches in different lists. */
export type OperationKind = 'create' | 'search' | 'get' | 'list' | 'action';

/** The shape of what `run` resolves to, so that platforms declare the same output fields. */
export type OutputShape = 'rma' | 'event' | 'replay' | 'delivery';

export interface OperationSpec<Result = unknown> {
  /** snake_case; Zapier's key as is, Pipedream's `returns_pack-<kebab>`, n8n's operation by `n8n`. */
  key: string;
  kind: OperationKind;
  resource: Resource;
  /** n8n's operation value within the resource (`create`, `get`, `getMany`, `find`, `replay`). */
  n8nOperation: string;
  noun: string;
  /** Title Case, verb first: "Create Trade Return". */
  label: string;
  /** Third person, one sentence: Zapier's description. */
  description: string;
  /** Imperative, lower case after the first word: n8n's `action`, Pipedream's description. */
  action: string;
  /** Where the API documents it. */
  docs: string;
  fields: readonly FieldSpec[];
  readOnly: boolean;
  destructive: boolean;
  output: OutputShape;
  /** `many` resolves to a list (searches, lists); `one` to a single object. */
  returns: 'one' | 'many';
  sample: unknown;
  /** Form values that make a valid request against a seeded mock: demos and runtime tests use them. */
  example: FormValues;
  /** Reads the form (coercion and required fields, one set of rules) and calls the API. */
  run(client: ReturnsClient, form: FormValues): Promise<Result>;
  /** One line for the platform's run summary (Pipedream `$summary`). */
  summary(result: Result): string;
  exceptions?: PlatformExceptions;
}

/** Keeps each operation's result type while collecting them in one list. */
export const defineOperation = <Result>(spec: OperationSpec<Result>): OperationSpec<Result> => spec;

export const API_DOCS = 'https://docs.returnmate.example/external-api/v1';
