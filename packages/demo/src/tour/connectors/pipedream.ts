import { SignatureScheme } from '@returns-pack/shared-client';
import type {
  CreateOfflineRepairBody,
  CreateTradeReturnBody,
  EventEnvelope,
} from '@returns-pack/shared-client';
import { deploySource, loadComponent, runAction } from '@returns-pack/pipedream/test/harness';
import type { Auth, DeployedSource } from '@returns-pack/pipedream/test/harness';
import type { TourEvent } from '../../report/summary';
import type { Connection, Connector, Received, TriggerHandle } from '../types';

/** The instant (webhook) sources for the tour's events, by their path in the package. */
const SOURCES: Record<TourEvent, string> = {
  'return.created': 'sources/return-created-instant/return-created-instant.mjs',
  'shipment.delivered': 'sources/shipment-delivered-instant/shipment-delivered-instant.mjs',
  'return.processed': 'sources/return-processed-instant/return-processed-instant.mjs',
  'rma.breach': 'sources/rma-breached-instant/rma-breached-instant.mjs',
};

/** Components load the generated client bundle: build it (scripts/build.mjs) before calling this. */
export function pipedreamConnector(connection: Connection): Connector {
  const auth: Auth = { api_key: connection.apiKey, base_url: connection.baseUrl };
  const act = async (path: string, props: Record<string, unknown>) =>
    (await runAction(loadComponent(path), { auth, props: defined(props) })).value;
  return {
    id: 'pipedream',
    name: 'Pipedream',
    runtime:
      "the components' .mjs files in the repo's Pipedream harness (packages/pipedream/test/harness), " +
      'which binds props, $, db, $.interface.http on 127.0.0.1 and $emit with dedupe as Pipedream does',
    createTradeReturn: (body) =>
      act('actions/create-trade-return/create-trade-return.mjs', tradeReturnProps(body)),
    createOfflineRepair: (body) =>
      act('actions/create-offline-repair/create-offline-repair.mjs', offlineRepairProps(body)),
    subscribe: async (event) => watch(await deploySource(loadComponent(SOURCES[event]), { auth })),
  };
}

/** The action's form: line items as JSON text, amounts as text (Pipedream has no decimal prop). */
function tradeReturnProps(body: CreateTradeReturnBody): Record<string, unknown> {
  return {
    customerEmail: body.customer.email,
    customerName: body.customer.name,
    customerCompany: body.customer.company,
    items: body.items.map((item) => JSON.stringify(item)),
    creditAmount: body.credit_requested && String(body.credit_requested.amount),
    creditCurrency: body.credit_requested?.currency,
    returnType: body.return_type,
    externalReference: body.external_reference,
  };
}

function offlineRepairProps(body: CreateOfflineRepairBody): Record<string, unknown> {
  return {
    serial: body.serial,
    faultDescription: body.fault_description,
    customerEmail: body.customer_email,
    customerName: body.customer_name,
    product: body.product,
  };
}

const defined = (props: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));

/**
 * Records what a deployed source emits and when. `deploy` has already emitted the latest events
 * from the log (Pipedream's first batch); every later emit is timed as it happens, before dedupe,
 * so that an event emitted twice is caught rather than silently dropped.
 */
function watch(source: DeployedSource): TriggerHandle {
  const deployedAt = performance.now();
  const received: Received[] = source.emitted.map(({ event }) => ({
    event: event as EventEnvelope,
    at: deployedAt,
  }));
  const emit = source.instance.$emit!;
  source.instance.$emit = (event, meta) => {
    received.push({ event: event as EventEnvelope, at: performance.now() });
    emit(event, meta);
  };
  const subscription = source.db.get('subscription') as { scheme?: unknown } | null;
  return {
    name: source.component.name,
    scheme: SignatureScheme.parse(subscription?.scheme),
    received,
    failures: () => [
      ...(source.http?.responses ?? [])
        .filter((response) => response.status >= 400)
        .map((response) => `answered ${response.status}: ${JSON.stringify(response.body)}`),
      ...(source.http?.errors ?? []).map(String),
    ],
    unsubscribe: () => source.remove(),
  };
}
