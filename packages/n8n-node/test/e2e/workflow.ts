import { randomUUID } from 'node:crypto';

/** The node types as n8n names them once the package is installed as a community package. */
export const PACKAGE_NAME = 'n8n-nodes-returns-pack';
export const ACTION_TYPE = `${PACKAGE_NAME}.returnsPack`;
export const TRIGGER_TYPE = `${PACKAGE_NAME}.returnsPackTrigger`;

/** Fixed ids, so the test knows the webhook URLs and workflow id before n8n runs. */
export const IDS = {
  workflow: 'returnsPackE2e01',
  // The id the package's examples and the docs' recipes refer to, so one credential serves them all.
  credential: 'returnsPackCredEx',
  startWebhook: randomUUID(),
  triggerWebhook: randomUUID(),
};
export const START_PATH = 'create-return';

/** Our credential; `webhookSecret` is the one for senders configured outside n8n (also accepted). */
export function credentialsFile(baseUrl: string, apiKey: string, webhookSecret = '') {
  return [
    {
      id: IDS.credential,
      name: 'Returns Pack account',
      type: 'returnsPackApi',
      // Plain data: `n8n import:credentials` encrypts it with the instance's key.
      data: { baseUrl, apiKey, webhookSecret },
    },
  ];
}

const credentials = { returnsPackApi: { id: IDS.credential, name: 'Returns Pack account' } };

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
        type: ACTION_TYPE,
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
        type: TRIGGER_TYPE,
        typeVersion: 1,
        position: [0, 300],
        webhookId: IDS.triggerWebhook,
        credentials,
        parameters: { sender: 'returns_api', scheme: 'hmac-sha256', events: ['return.created'] },
      },
      {
        id: randomUUID(),
        name: 'Get RMA',
        type: ACTION_TYPE,
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

/** A workflow file as n8n exports it (the parts the tests read). */
export interface WorkflowFile {
  id: string;
  name: string;
  nodes: Array<{
    name: string;
    type: string;
    webhookId?: string;
    disabled?: boolean;
    parameters: Record<string, unknown>;
    credentials?: Record<string, { id: string; name: string }>;
  }>;
  connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

/**
 * What the caller of a recipe's n8n Webhook start sends (the ERP, the POS counter), by workflow id and
 * webhook path. A recipe with a Webhook start and no entry here fails the recipe test, naming it.
 */
export const RECIPE_REQUESTS: Record<string, Record<string, Record<string, unknown>>> = {
  rpackRecipeErp01: {
    'erp-trade-return': {
      order_number: 'ERP-E2E-1001',
      customer_email: 'erp-buyer@example.com',
      company: 'Acme Retail',
      sku: 'SKU-ERP-1',
      quantity: 2,
      reason: 'Damaged in transit',
      unit_price: 12.5,
      credit_amount: 25,
      currency: 'EUR',
      request_id: 'erp-e2e-request-1',
    },
  },
  rpackRecipePos01: {
    'pos-repair-intake': {
      ticket: 'POS-E2E-77',
      store: 'Store 12',
      serial: 'SN-POS-E2E-1',
      fault: 'Screen flickers',
      customer_email: 'pos-customer@example.com',
      customer_name: 'Pat Counter',
      product: 'Tablet',
    },
  },
};

export const QUEUE_IDS = { workflow: 'returnsPackQueue', triggerWebhook: randomUUID() };
export const QUEUE_EVENT = 'shipment.delivered';

/**
 * For queue mode: Returns Pack Trigger (a shipment delivered) → Returns Pack "create offline repair",
 * so the action's creation happens wherever n8n runs the execution (the worker). The serial is the
 * event's id, so the test can find the repair the delivery caused.
 */
export function queueWorkflow() {
  return {
    id: QUEUE_IDS.workflow,
    name: 'Returns Pack queue mode',
    active: false,
    settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
    nodes: [
      {
        id: randomUUID(),
        name: 'Returns Pack Trigger',
        type: TRIGGER_TYPE,
        typeVersion: 1,
        position: [0, 0],
        webhookId: QUEUE_IDS.triggerWebhook,
        credentials,
        // JWT: the scheme whose nonces the trigger must remember across processes.
        parameters: { sender: 'returns_api', scheme: 'jwt', events: [QUEUE_EVENT] },
      },
      {
        id: randomUUID(),
        name: 'Create Offline Repair',
        type: ACTION_TYPE,
        typeVersion: 1,
        position: [220, 0],
        credentials,
        parameters: {
          resource: 'offlineRepair',
          operation: 'create',
          serial: '={{ $json.id }}',
          faultDescription: '=Inspect after {{ $json.type }}',
          customerEmail: 'queue-mode@example.com',
          additionalFields: {},
        },
      },
    ],
    connections: {
      'Returns Pack Trigger': { main: [[{ node: 'Create Offline Repair', type: 'main', index: 0 }]] },
    },
    pinData: {},
  };
}
