import type { AppDefinition, ComponentDefinition, PropDefinition, PropSpec } from './types';

export const isApp = (spec: PropSpec): spec is AppDefinition =>
  typeof spec === 'object' && (spec as AppDefinition).type === 'app';

/** A prop as Pipedream sees it: a `propDefinition` merged with the overrides beside it. */
export function resolveProp(component: ComponentDefinition, name: string): PropDefinition {
  const spec = component.props[name];
  if (spec === undefined) throw new Error(`${component.key} has no prop ${name}`);
  if (spec === '$.service.db' || isApp(spec)) throw new Error(`${component.key}: ${name} is not a user prop`);
  if (!spec.propDefinition) return spec;
  const [app, definitionName] = spec.propDefinition;
  const definition = app.propDefinitions?.[definitionName];
  if (!definition) throw new Error(`${component.key}: ${app.app} has no propDefinition ${definitionName}`);
  const { propDefinition: _link, ...overrides } = spec;
  return { ...definition, ...overrides };
}

const isInterface = (definition: PropDefinition) => definition.type?.startsWith('$.') ?? false;

/** The user props' values as a deployed component gets them: given, else the default; required ones must be set. */
export function userPropValues(
  component: ComponentDefinition,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(given)) {
    if (!(name in component.props)) throw new Error(`${component.key} has no prop ${name}`);
  }
  for (const [name, spec] of Object.entries(component.props)) {
    if (spec === '$.service.db' || isApp(spec)) continue;
    const definition = resolveProp(component, name);
    if (isInterface(definition)) continue;
    if (name in given) values[name] = given[name];
    else if ('default' in definition) values[name] = structuredClone(definition.default);
    else if (!definition.optional) throw new Error(`${component.key}: required prop ${name} is not set`);
  }
  return values;
}
