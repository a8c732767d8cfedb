import type { IDataObject } from 'n8n-workflow';
import type { ReturnsPackCredentials } from '../nodes/ReturnsPack/transport';
import { testNode } from './execute';
import { httpRequestWithAuthentication } from './http';

export interface TriggerContextOptions {
  credentials: ReturnsPackCredentials;
  parameters: IDataObject;
  /** The workflow's static data for this node; shared across calls as n8n persists it. */
  staticData: IDataObject;
}

/**
 * What n8n hands every trigger method (hooks, webhook, poll): its node, parameters without an item
 * index, credentials, static data and helpers. Unknown parameters without a fallback throw, as in n8n.
 */
export function triggerContext(type: string, name: string, options: TriggerContextOptions) {
  return {
    getNode: () => ({ ...testNode(type, options.parameters), name }),
    getCredentials: async () => options.credentials,
    getNodeParameter(parameter: string, fallback?: unknown) {
      if (parameter in options.parameters) return options.parameters[parameter];
      if (fallback !== undefined) return fallback;
      throw new Error(`Could not get parameter "${parameter}"`);
    },
    getWorkflowStaticData: () => options.staticData,
    helpers: {
      httpRequestWithAuthentication: httpRequestWithAuthentication(options.credentials),
      returnJsonArray: (data: IDataObject | IDataObject[]) =>
        (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
    },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  };
}
