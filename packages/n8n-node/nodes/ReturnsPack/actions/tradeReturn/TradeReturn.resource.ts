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
    displayOptions: { show: { resource: ['tradeReturn'] } },
    options: [
      {
        name: 'Create',
        value: 'create',
        description: 'Create a trade return',
        action: 'Create a trade return',
      },
      { name: 'Get', value: 'get', description: 'Get a trade return by ID', action: 'Get a trade return' },
      {
        name: 'Get Many',
        value: 'getMany',
        description: 'List trade returns',
        action: 'Get many trade returns',
      },
    ],
    default: 'create',
  },
  ...create.description,
  ...get.description,
  ...getMany.description,
];
