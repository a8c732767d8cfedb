import { randomUUID } from 'node:crypto';

/** Fixed ids, so the test knows the webhook URLs and workflow id before n8n runs. */
export const IDS = {
  workflow: 'returnsPackE2e01',
  credential: 'returnsPackCred1',
  startWebhook: randomUUID(),
  triggerWebhook: randomUUID(),
};
export const START_PATH = 'create-return';

export function credentialsFile(baseUrl: string, apiKey: string) {
  return [
    {
      id: IDS.credential,
      name: 'Returns Pack (mock API)',
      type: 'returnsPackApi',
      // Plain data: `n8n import:credentials` encrypts it with the instance's key.
      data: { baseUrl, apiKey, webhookSecret: '' },
    },
  ];
}

const credentials = { returnsPackApi: { id: IDS.credential, name: 'Returns Pack (mock API)' } };

/**
 * Two chains in one workflow. Webhook → Returns Pack "create trade return" lets the test start a
 * run over HTTP; Returns Pack Trigger → Returns Pack "get RMA" is the trigger → action under test,
 * started by the mock's signed delivery.
 */
export function e2eWorkflow() {
  return {
    id: IDS.workflow,
    name: 'Returns Pack end-to-end',
    active: false,
    settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveManualExecutions: true },
    nodes: [
      {
        id: randomUUID(),
        name: 'Start',
        type: 'n8n-nodes-base.webhook',
        typeVersion: 2,
        position: [0, 0],
        webhookId: IDS.startWebhook,
        parameters: { httpMethod: 'POST', path: START_PATH, responseMode: 'lastNode', options: {} },
      },
      {
        id: randomUUID(),
        name: 'Create Trade Return',
        type: 'CUSTOM.returnsPack',
        typeVersion: 1,
        position: [220, 0],
        credentials,
        parameters: {
          resource: 'tradeReturn',
          operation: 'create',
          customerEmail: '={{ $json.body.email }}',
          items: { item: [{ sku: '={{ $json.body.sku }}', quantity: 1, reason: 'end-to-end' }] },
          additionalFields: { externalReference: '={{ $json.body.reference }}' },
        },
      },
      {
        id: randomUUID(),
        name: 'Returns Pack Trigger',
        type: 'CUSTOM.returnsPackTrigger',
        typeVersion: 1,
        position: [0, 300],
        webhookId: IDS.triggerWebhook,
        credentials,
        parameters: { source: 'returnsApi', scheme: 'hmac-sha256', events: ['return.created'], options: {} },
      },
      {
        id: randomUUID(),
        name: 'Get RMA',
        type: 'CUSTOM.returnsPack',
        typeVersion: 1,
        position: [220, 300],
        credentials,
        parameters: { resource: 'rma', operation: 'get', rmaId: '={{ $json.subject.id }}' },
      },
    ],
    connections: {
      Start: { main: [[{ node: 'Create Trade Return', type: 'main', index: 0 }]] },
      'Returns Pack Trigger': { main: [[{ node: 'Get RMA', type: 'main', index: 0 }]] },
    },
    pinData: {},
  };
}
