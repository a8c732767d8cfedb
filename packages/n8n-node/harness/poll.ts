import type { IDataObject, INodeExecutionData, INodeType, IPollFunctions } from 'n8n-workflow';
import type { ReturnsPackCredentials } from '../nodes/ReturnsPack/transport';
import { testNode } from './execute';
import { httpRequestWithAuthentication } from './http';

export interface PollOptions {
  credentials: ReturnsPackCredentials;
  parameters: IDataObject;
  /** The workflow's static data for this node; shared across polls as n8n persists it. */
  staticData: IDataObject;
  /** n8n's mode: `trigger` for an active workflow's polls, `manual` for "Fetch Test Event". */
  mode?: 'trigger' | 'manual';
}

/** One run of a polling node's `poll()`, with the slice of IPollFunctions it uses. */
export async function poll(node: INodeType, options: PollOptions): Promise<INodeExecutionData[]> {
  const context = {
    getNode: () => ({ ...testNode('CUSTOM.returnsPackPollTrigger', options.parameters), name: 'Poll' }),
    getMode: () => options.mode ?? 'trigger',
    getCredentials: async () => options.credentials,
    getNodeParameter(name: string, fallback?: unknown) {
      if (name in options.parameters) return options.parameters[name];
      if (fallback !== undefined) return fallback;
      throw new Error(`Could not get parameter "${name}"`);
    },
    getWorkflowStaticData: () => options.staticData,
    helpers: {
      httpRequestWithAuthentication: httpRequestWithAuthentication(options.credentials),
      returnJsonArray: (data: IDataObject | IDataObject[]) =>
        (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
    },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  };
  const output = await node.poll!.call(context as unknown as IPollFunctions);
  return output?.[0] ?? [];
}
