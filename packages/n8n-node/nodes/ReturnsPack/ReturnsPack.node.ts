import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { actionProperties } from './actions/resources';
import { router } from './actions/router';

export class ReturnsPack implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Returns Pack',
    name: 'returnsPack',
    icon: { light: 'file:../../icons/returnsPack.svg', dark: 'file:../../icons/returnsPack.dark.svg' },
    group: ['transform'],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: 'Create and find trade returns, offline repairs and RMAs, read events, replay webhooks',
    defaults: { name: 'Returns Pack' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'returnsPackApi', required: true }],
    properties: actionProperties,
  };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return router.call(this);
  }
}
