import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations = { get, getMany };

export const description: INodeProperties[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['rma'] } },
    options: [
      { name: 'Get', value: 'get', description: 'Get an RMA of either kind by ID', action: 'Get an RMA' },
      {
        name: 'Get Many',
        value: 'getMany',
        description: 'List RMAs of both kinds, with filters',
        action: 'Get many RMA records',
      },
    ],
    default: 'getMany',
  },
  ...get.description,
  ...getMany.description,
];
