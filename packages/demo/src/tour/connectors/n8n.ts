import { randomUUID } from 'node:crypto';
import { EVENT_CATALOGUE } from '@returns-pack/shared-client';
import type {
  CreateOfflineRepairBody,
  CreateTradeReturnBody,
  EventEnvelope,
  SignatureScheme,
} from '@returns-pack/shared-client';
import type { IDataObject, INodeType } from 'n8n-workflow';
import { deliver, execute, lifecycle, ReturnsPack, ReturnsPackTrigger } from 'n8n-nodes-returns-pack/harness';
import type { TriggerOptions } from 'n8n-nodes-returns-pack/harness';
import { TOUR_EVENTS } from '../../report/summary';
import type { TourTrigger } from '../../report/summary';
import { startHookCatcher } from '../hook-catcher';
import type { Connection, Connector, Received, TriggerHandle } from '../types';

/**
 * The signature scheme each trigger node is set to. Only schemes without a timestamp: the tour
 * advances the mock's clock by weeks, and a receiver on wall time rightly refuses a Standard
 * Webhooks or JWT delivery stamped in its future.
 */
const SCHEMES: Record<TourTrigger, SignatureScheme> = {
  'return.created': 'hmac-sha256',
  'shipment.delivered': 'bearer',
  'return.processed': 'hmac-sha256',
  'rma.breach': 'hmac-sha256',
  'label.generated': 'bearer',
  'new event': 'hmac-sha256',
};

export function n8nConnector(connection: Connection): Connector {
  const credentials = { baseUrl: connection.baseUrl, apiKey: connection.apiKey };
  const action = new ReturnsPack();
  const trigger = new ReturnsPackTrigger();
  const run = async (parameters: IDataObject) => {
    const { output } = await execute(action, { credentials, parameters });
    const item = output[0]?.[0];
    if (!item) throw new Error('the Returns Pack node returned no item');
    return item.json;
  };
  return {
    id: 'n8n',
    name: 'n8n',
    runtime:
      "the nodes' own execute, webhookMethods and webhook code in the repo's n8n harness " +
      '(packages/n8n-node/harness), not a real n8n; the real-n8n test is `npm run test:e2e -w packages/n8n-node`',
    createTradeReturn: (body) => run(tradeReturnParameters(body)),
    createOfflineRepair: (body) => run(offlineRepairParameters(body)),
    updateRmaStatus: (rmaId, to, note) =>
      run({ resource: 'rma', operation: 'updateStatus', rmaId, to, options: { note } }),
    generateReturnLabel: (rmaId) => run({ resource: 'tradeReturn', operation: 'generateLabel', rmaId }),
    subscribe: (tourTrigger) => subscribe(trigger, credentials, tourTrigger),
  };
}

/** The node's Trade Return → Create form, as a user fills it in. */
function tradeReturnParameters(body: CreateTradeReturnBody): IDataObject {
  return {
    resource: 'tradeReturn',
    operation: 'create',
    customerEmail: body.customer.email,
    items: {
      item: body.items.map((i) => ({
        sku: i.sku,
        quantity: i.quantity,
        reason: i.reason,
        unitPrice: i.unit_price,
      })),
    },
    additionalFields: {
      customerName: body.customer.name,
      customerCompany: body.customer.company,
      creditAmount: body.credit_requested?.amount,
      creditCurrency: body.credit_requested?.currency,
      returnType: body.return_type,
      externalReference: body.external_reference,
    },
  };
}

function offlineRepairParameters(body: CreateOfflineRepairBody): IDataObject {
  return {
    resource: 'offlineRepair',
    operation: 'create',
    serial: body.serial,
    faultDescription: body.fault_description,
    customerEmail: body.customer_email,
    additionalFields: { customerName: body.customer_name, product: body.product },
  };
}

/** A Returns Pack Trigger in an activated workflow: checkExists/create, then webhook() per delivery. */
async function subscribe(
  node: INodeType,
  credentials: TriggerOptions['credentials'],
  trigger: TourTrigger,
): Promise<TriggerHandle> {
  const received: Received[] = [];
  const failures: string[] = [];
  const options: TriggerOptions = {
    credentials,
    parameters: {
      sender: 'returns_api',
      events: trigger === 'new event' ? [...TOUR_EVENTS] : [trigger],
      scheme: SCHEMES[trigger],
    },
    // n8n keeps the subscription's id and secret in the workflow's static data.
    staticData: {},
  };
  const catcher = await startHookCatcher(`/webhook/${randomUUID()}/webhook`, async (request) => {
    const answer = await deliver(node, options, { headers: request.headers, body: request.body });
    const at = performance.now();
    received.push(...answer.emitted.map((item) => ({ event: item.json as unknown as EventEnvelope, at })));
    if (answer.status >= 400) failures.push(`answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return { status: answer.status, body: answer.body ?? { message: 'Workflow was started' } };
  });
  options.webhookUrl = catcher.url;
  try {
    if (!(await lifecycle(node, options, 'checkExists'))) await lifecycle(node, options, 'create');
  } catch (error) {
    await catcher.close();
    throw error;
  }
  return {
    name: `Returns Pack Trigger (${trigger === 'new event' ? 'the tour’s five events' : EVENT_CATALOGUE[trigger].label})`,
    scheme: SCHEMES[trigger],
    received,
    failures: () => failures,
    unsubscribe: async () => {
      try {
        await lifecycle(node, options, 'delete');
      } finally {
        await catcher.close();
      }
    },
  };
}
