import { startHttpInterface } from './http-interface';
import type { HttpInterfaceServer } from './http-interface';
import { bindComponent } from './instance';
import type { BoundComponent, InstanceOptions } from './instance';
import type { ComponentDefinition } from './types';

export interface DeployedSource extends BoundComponent {
  /** The `$.interface.http` endpoint, for instant sources. */
  http: HttpInterfaceServer | undefined;
  /** One timer tick (polling sources) or a direct call of `run` with an event. */
  run(event?: unknown): Promise<void>;
  /** `deactivate`, then the endpoint closes, as when a source is deleted. */
  remove(): Promise<void>;
}

/**
 * Deploys a source as Pipedream does: props bound, the HTTP endpoint up (so `this.http.endpoint` is
 * known), then the `deploy` and `activate` hooks in that order.
 */
export async function deploySource(
  component: ComponentDefinition,
  options: InstanceOptions,
): Promise<DeployedSource> {
  if (component.type !== 'source') throw new Error(`${component.key} is not a source`);
  const bound = bindComponent(component, options);
  const hasHttp = Object.values(component.props).some(
    (spec) => typeof spec === 'object' && (spec as { type?: string }).type === '$.interface.http',
  );
  const http = hasHttp ? await startHttpInterface(bound) : undefined;
  const hook = (name: 'deploy' | 'activate' | 'deactivate') => component.hooks?.[name]?.call(bound.instance);
  try {
    await hook('deploy');
    await hook('activate');
  } catch (error) {
    await http?.close();
    throw error;
  }
  return {
    ...bound,
    http,
    run: async (event) => {
      await component.run.call(bound.instance, ...([event ?? { timestamp: Date.now() }] as never[]));
    },
    remove: async () => {
      try {
        await hook('deactivate');
      } finally {
        await http?.close();
      }
    },
  };
}
