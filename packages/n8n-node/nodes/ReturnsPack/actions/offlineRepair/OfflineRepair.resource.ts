import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations = { create, get, getMany };

export const description: INodeProperties[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['offlineRepair'] } },
    options: [
      {
        name: 'Create',
        value: 'create',
        description: 'Register a walk-in repair',
        action: 'Create an offline repair',
      },
      {
        name: 'Get',
        value: 'get',
        description: 'Get an offline repair by ID',
        action: 'Get an offline repair',
      },
      {
        name: 'Get Many',
        value: 'getMany',
        description: 'List offline repairs',
        action: 'Get many offline repairs',
      },
    ],
    default: 'create',
  },
  ...create.description,
  ...get.description,
  ...getMany.description,
];
