import type {
  IHookFunctions,
  INodeType,
  INodeTypeDescription,
  IWebhookFunctions,
  IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { lifecycle } from './lifecycle';
import { triggerProperties } from './properties';
import { receive } from './receive';

export class ReturnsPackTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Returns Pack Trigger',
    name: 'returnsPackTrigger',
    icon: { light: 'file:../../icons/returnsPack.svg', dark: 'file:../../icons/returnsPack.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{($parameter["events"] || []).join(", ") || "every event"}}',
    description: 'Starts the workflow when a verified returns event arrives',
    defaults: { name: 'Returns Pack Trigger' },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'returnsPackApi', required: true }],
    webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
    properties: triggerProperties,
  };

  webhookMethods = {
    default: {
      async checkExists(this: IHookFunctions): Promise<boolean> {
        return lifecycle.checkExists.call(this);
      },
      async create(this: IHookFunctions): Promise<boolean> {
        return lifecycle.create.call(this);
      },
      async delete(this: IHookFunctions): Promise<boolean> {
        return lifecycle.delete.call(this);
      },
    },
  };

  async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
    return receive.call(this);
  }
}
