import { bindApp } from './instance';
import { resolveProp } from './props';
import type { Auth, ComponentDefinition } from './types';

export interface OptionsPage {
  options: unknown[];
  context: Record<string, unknown> | undefined;
}

/**
 * Loads one page of a prop's dropdown the way the Pipedream UI does: `options({ page, prevContext })`
 * with `this` the app for a `propDefinition`. Pass the returned `context` back for the next page.
 */
export async function loadOptions(
  component: ComponentDefinition,
  propName: string,
  auth: Auth,
  prevContext: Record<string, unknown> = {},
  page = 0,
): Promise<OptionsPage> {
  const definition = resolveProp(component, propName);
  const spec = component.props[propName] as { propDefinition?: [Parameters<typeof bindApp>[0], string] };
  if (typeof definition.options !== 'function') {
    return { options: Array.isArray(definition.options) ? definition.options : [], context: undefined };
  }
  const self = spec.propDefinition ? bindApp(spec.propDefinition[0], auth) : {};
  const answer: unknown = await definition.options.call(self, { page, prevContext });
  if (Array.isArray(answer)) return { options: answer, context: undefined };
  const { options, context } = answer as { options: unknown[]; context?: Record<string, unknown> };
  return { options, context };
}
