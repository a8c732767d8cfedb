import { bindComponent } from './instance';
import type { InstanceOptions } from './instance';
import type { ComponentDefinition } from './types';

export interface ActionResult {
  /** What `run` returned: the step's return value. */
  value: unknown;
  /** `$.export("$summary", …)`, the line Pipedream shows for a successful step. */
  summary: string | undefined;
  exports: Record<string, unknown>;
}

/** Runs an action's `run({ $, steps })` once, with `$.export` recording what the step exports. */
export async function runAction(
  component: ComponentDefinition,
  options: InstanceOptions,
): Promise<ActionResult> {
  if (component.type !== 'action') throw new Error(`${component.key} is not an action`);
  const { instance } = bindComponent(component, options);
  const exports: Record<string, unknown> = {};
  const $ = {
    export(name: string, value: unknown) {
      exports[name] = value;
    },
  };
  const value = await component.run.call(instance, ...([{ $, steps: {} }] as never[]));
  const summary = exports.$summary;
  return { value, summary: typeof summary === 'string' ? summary : undefined, exports };
}
