import { SignatureScheme, TRIGGERS, camelKey } from '@returns-pack/shared-client';
import type {
  CreateOfflineRepairBody,
  CreateTradeReturnBody,
  EventEnvelope,
} from '@returns-pack/shared-client';
import { deploySource, loadComponent, runAction } from '@returns-pack/pipedream/harness';
import type { Auth, DeployedSource } from '@returns-pack/pipedream/harness';
import { TOUR_EVENTS } from '../../report/summary';
import type { TourTrigger } from '../../report/summary';
import type { Connection, Connector, Received, TriggerHandle } from '../types';

/** The instant (webhook) source of the catalogue trigger for one tour trigger, by its path in the package. */
function instantSourceFor(tourTrigger: TourTrigger): string {
  const trigger = TRIGGERS.find((t) =>
    tourTrigger === 'new event'
      ? t.events === 'chosen'
      : t.events !== 'chosen' && t.events.includes(tourTrigger),
  );
  if (!trigger) throw new Error(`no catalogue trigger for ${tourTrigger}`);
  const folder = `${trigger.key.replaceAll('_', '-')}-instant`;
  return `sources/${folder}/${folder}.mjs`;
}

/** Components load the generated client bundle: build it (scripts/build.mjs) before calling this. */
export function pipedreamConnector(connection: Connection): Connector {
  const auth: Auth = { api_key: connection.apiKey, base_url: connection.baseUrl };
  const act = async (path: string, values: Record<string, unknown>) =>
    (await runAction(loadComponent(path), { auth, props: values })).value;
  return {
    id: 'pipedream',
    name: 'Pipedream',
    runtime:
      "the components' .mjs files in the repo's Pipedream harness (packages/pipedream/harness), " +
      'which binds props, $, db, $.interface.http on 127.0.0.1 and $emit with dedupe as Pipedream does',
    createTradeReturn: (body) =>
      act('actions/create-trade-return/create-trade-return.mjs', props(tradeReturnForm(body))),
    createOfflineRepair: (body) =>
      act('actions/create-offline-repair/create-offline-repair.mjs', props(offlineRepairForm(body))),
    updateRmaStatus: (rmaId, to, note) =>
      act('actions/update-rma-status/update-rma-status.mjs', { rmaId, to, note }),
    generateReturnLabel: (rmaId) => act('actions/generate-return-label/generate-return-label.mjs', { rmaId }),
    subscribe: async (trigger) =>
      watch(
        await deploySource(loadComponent(instantSourceFor(trigger)), {
          auth,
          props: trigger === 'new event' ? { eventTypes: [...TOUR_EVENTS] } : {},
        }),
      ),
  };
}

/** The form a user fills in, keyed by the catalogue's field keys: one JSON object per line item. */
function tradeReturnForm(body: CreateTradeReturnBody): Record<string, unknown> {
  return {
    customer_email: body.customer.email,
    customer_name: body.customer.name,
    customer_company: body.customer.company,
    items: body.items.map((item) => JSON.stringify(item)),
    credit_amount: body.credit_requested && String(body.credit_requested.amount),
    credit_currency: body.credit_requested?.currency,
    return_type: body.return_type,
    external_reference: body.external_reference,
  };
}

function offlineRepairForm(body: CreateOfflineRepairBody): Record<string, unknown> {
  return {
    serial: body.serial,
    fault_description: body.fault_description,
    customer_email: body.customer_email,
    customer_name: body.customer_name,
    product: body.product,
  };
}

/** Pipedream's props for a form: each set field under its camelCase prop name. */
const props = (form: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(form)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [camelKey(key), value]),
  );

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
