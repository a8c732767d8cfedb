import './zapier-test-mode';
import { SignatureScheme } from '@returns-pack/shared-client';
import type { CreateTradeReturnBody, EventEnvelope } from '@returns-pack/shared-client';
import { appRunner, definition, operationOf, rawRequestOf } from '@returns-pack/zapier/harness';
import type { Run } from '@returns-pack/zapier/harness';
import { TOUR_EVENTS } from '../../report/summary';
import type { TourTrigger } from '../../report/summary';
import { causeOf } from '../cause';
import { startHookCatcher } from '../hook-catcher';
import type { Connection, Connector, Received, TriggerHandle } from '../types';

/** The app's instant triggers for the tour's triggers. */
const TRIGGER_KEYS: Record<TourTrigger, string> = {
  'return.created': 'new_return',
  'shipment.delivered': 'shipment_delivered',
  'return.processed': 'return_processed',
  'rma.breach': 'rma_breach',
  'label.generated': 'label_generated',
  'new event': 'new_event',
};

/** What the user picks in the Zap editor: New Event's Event Types. */
const inputFor = (trigger: TourTrigger) => (trigger === 'new event' ? { event_types: [...TOUR_EVENTS] } : {});

type AuthData = { api_key: string; base_url: string };

export function zapierConnector(connection: Connection): Connector {
  const run = appRunner();
  const authData: AuthData = { api_key: connection.apiKey, base_url: connection.baseUrl };
  return {
    id: 'zapier',
    name: 'Zapier',
    runtime:
      "the app definition (packages/zapier/src/app.ts) run by zapier-platform-core's createAppTester; " +
      'hooks are caught on 127.0.0.1 and handed to perform as bundle.rawRequest, as Zapier does',
    createTradeReturn: (body) =>
      run(operationOf('creates', 'create_trade_return').perform, {
        authData,
        inputData: tradeReturnInput(body),
      }),
    createOfflineRepair: (body) =>
      run(operationOf('creates', 'create_offline_repair').perform, { authData, inputData: { ...body } }),
    updateRmaStatus: (rmaId, to, note) =>
      run(operationOf('creates', 'update_rma_status').perform, {
        authData,
        inputData: { rma_id: rmaId, to, note },
      }),
    generateReturnLabel: (rmaId) =>
      run(operationOf('creates', 'generate_return_label').perform, {
        authData,
        inputData: { rma_id: rmaId },
      }),
    subscribe: (trigger) => subscribe(run, authData, TRIGGER_KEYS[trigger], inputFor(trigger)),
  };
}

/** The Create Trade Return form as a user fills it in: the catalogue's flat fields and line items. */
function tradeReturnInput(body: CreateTradeReturnBody): Record<string, unknown> {
  return {
    customer_email: body.customer.email,
    customer_name: body.customer.name,
    customer_company: body.customer.company,
    items: body.items.map(({ sku, quantity, reason, unit_price }) => ({ sku, quantity, reason, unit_price })),
    credit_amount: body.credit_requested?.amount,
    credit_currency: body.credit_requested?.currency,
    return_type: body.return_type,
    requires_label: body.requires_label,
    external_reference: body.external_reference,
    metadata: body.metadata,
  };
}

/** A REST hook as a Zap turned on: performSubscribe with Zapier's target URL, perform per delivery. */
async function subscribe(
  run: Run,
  authData: AuthData,
  key: string,
  inputData: Record<string, unknown>,
): Promise<TriggerHandle> {
  const operation = operationOf('triggers', key);
  const received: Received[] = [];
  const failures: string[] = [];
  let subscribeData: { scheme?: unknown } | undefined;
  const catcher = await startHookCatcher(`/hooks/catch/tour/${key}/`, async (request) => {
    try {
      const rawRequest = rawRequestOf(request.headers, request.body.toString('utf8'));
      const events = await run<EventEnvelope[]>(operation.perform, {
        authData,
        inputData,
        subscribeData,
        rawRequest,
      });
      const at = performance.now();
      received.push(...events.map((event) => ({ event, at })));
      // The subscription carries this trigger's event only, so an empty answer is a delivery the
      // trigger refused (verification) or ignored (an event id this Zap already ran for).
      if (events.length === 0) {
        failures.push('perform fired nothing for a delivery: it failed verification or repeated an event');
      }
    } catch (error) {
      failures.push(causeOf(error));
    }
    // Zapier acknowledges every hook, whatever perform makes of it.
    return { status: 200, body: { status: 'success' } };
  });
  try {
    subscribeData = await run(operation.performSubscribe!, { authData, inputData, targetUrl: catcher.url });
  } catch (error) {
    await catcher.close();
    throw error;
  }
  return {
    name: definition.triggers[key]?.display.label ?? key,
    scheme: SignatureScheme.parse(subscribeData?.scheme),
    received,
    failures: () => failures,
    unsubscribe: async () => {
      try {
        await run(operation.performUnsubscribe!, { authData, inputData, subscribeData });
      } finally {
        await catcher.close();
      }
    },
  };
}
