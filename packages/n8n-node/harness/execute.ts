import type {
  IDataObject,
  IExecuteFunctions,
  INode,
  INodeExecutionData,
  INodeType,
  NodeParameterValueType,
} from 'n8n-workflow';
import type { ReturnsPackCredentials } from '../nodes/ReturnsPack/transport';
import { httpRequestWithAuthentication } from './http';
import type { RecordedRequest } from './http';

export interface ExecuteOptions {
  credentials: ReturnsPackCredentials;
  /** Parameters for every item; `perItem[i]` overrides them for item i (n8n's expressions, resolved). */
  parameters: IDataObject;
  perItem?: IDataObject[];
  /** Input items; one empty item by default. */
  items?: INodeExecutionData[];
  continueOnFail?: boolean;
}

export const testNode = (type: string, parameters: IDataObject = {}): INode => ({
  id: 'node-1',
  name: 'Returns Pack',
  type,
  typeVersion: 1,
  position: [0, 0],
  parameters: parameters as INode['parameters'],
});

/**
 * The slice of n8n's IExecuteFunctions the action node uses, over a real HTTP stack. Unknown
 * parameters without a fallback throw, as in n8n, so a node reading a misspelt name fails here.
 */
export async function execute(node: INodeType, options: ExecuteOptions) {
  const items = options.items ?? [{ json: {} }];
  const requests: RecordedRequest[] = [];
  const context = {
    getInputData: () => items,
    getNode: () => testNode('CUSTOM.returnsPack', options.parameters),
    getCredentials: async () => options.credentials,
    continueOnFail: () => options.continueOnFail ?? false,
    getNodeParameter(name: string, itemIndex: number, fallback?: unknown): NodeParameterValueType | object {
      const perItem = options.perItem?.[itemIndex];
      if (perItem && name in perItem) return perItem[name] as NodeParameterValueType;
      if (name in options.parameters) return options.parameters[name] as NodeParameterValueType;
      if (fallback !== undefined) return fallback as NodeParameterValueType;
      throw new Error(`Could not get parameter "${name}"`);
    },
    helpers: {
      httpRequestWithAuthentication: httpRequestWithAuthentication(options.credentials, requests),
      returnJsonArray: (data: IDataObject | IDataObject[]) =>
        (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
      constructExecutionMetaData: (data: INodeExecutionData[], meta: { itemData: { item: number } }) =>
        data.map((item) => ({ ...item, pairedItem: meta.itemData })),
    },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  };
  const output = await node.execute!.call(context as unknown as IExecuteFunctions);
  return { output: output as INodeExecutionData[][], requests };
}
