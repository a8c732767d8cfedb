import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { router } from './actions/router';
import * as event from './actions/event/Event.resource';
import * as offlineRepair from './actions/offlineRepair/OfflineRepair.resource';
import * as rma from './actions/rma/Rma.resource';
import * as tradeReturn from './actions/tradeReturn/TradeReturn.resource';

export class ReturnsPack implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Returns Pack',
    name: 'returnsPack',
    icon: { light: 'file:../../icons/returnsPack.svg', dark: 'file:../../icons/returnsPack.dark.svg' },
    group: ['transform'],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: 'Create and read trade returns, offline repairs, RMAs and events of the returns API',
    defaults: { name: 'Returns Pack' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'returnsPackApi', required: true }],
    properties: [
      {
        displayName: 'Resource',
        name: 'resource',
        type: 'options',
        noDataExpression: true,
        options: [
          { name: 'Event', value: 'event' },
          { name: 'Offline Repair', value: 'offlineRepair' },
          { name: 'RMA', value: 'rma' },
          { name: 'Trade Return', value: 'tradeReturn' },
        ],
        default: 'tradeReturn',
      },
      ...tradeReturn.description,
      ...offlineRepair.description,
      ...rma.description,
      ...event.description,
    ],
  };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return router.call(this);
  }
}
