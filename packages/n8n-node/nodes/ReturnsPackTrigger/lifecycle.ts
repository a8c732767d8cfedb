import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import {
  NotFoundError,
  paginate,
  subscribe,
  subscribesItself,
  subscriptionBody,
  unsubscribe,
} from '@returns-pack/shared-client';
import type { ReturnsClient, TriggerSettings, WebhookSubscription } from '@returns-pack/shared-client';
import { toNodeError } from '../ReturnsPack/helpers/errors';
import { CREDENTIAL_TYPE, returnsClient } from '../ReturnsPack/transport';
import type { ReturnsPackCredentials } from '../ReturnsPack/transport';
import { readSettings } from './settings';
import type { TriggerState } from './stores';

const state = (ctx: IHookFunctions) => ctx.getWorkflowStaticData('node') as TriggerState;

function forget(data: TriggerState): void {
  delete data.webhookId;
  delete data.webhookSecret;
}

function webhookUrl(ctx: IHookFunctions): string {
  const url = ctx.getNodeWebhookUrl('default');
  if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n did not provide a webhook URL for this trigger');
  return url;
}

const sorted = (events: readonly string[]) => [...events].sort().join();

/** Whether a subscription still delivers what the node's settings ask for, to this URL. */
function matches(sub: WebhookSubscription, url: string, settings: TriggerSettings): boolean {
  const wanted = subscriptionBody(settings, url, '');
  return (
    sub.enabled &&
    sub.url === url &&
    sub.scheme === wanted.scheme &&
    sub.retry_policy === wanted.retry_policy &&
    sorted(sub.events) === sorted(wanted.events) &&
    conditionsKey(sub.conditions) === conditionsKey(wanted.conditions)
  );
}

/** Delivery conditions compared by content: a changed filter replaces the subscription, like changed events. */
function conditionsKey(conditions: WebhookSubscription['conditions'] | undefined): string {
  return [conditions?.shipping_status ?? [], conditions?.return_type ?? []].map(sorted).join('|');
}

/** Runs API calls, mapping their errors to n8n's; `NotFoundError` is an answer here, not a failure. */
async function call<T>(
  ctx: IHookFunctions,
  run: (client: ReturnsClient) => Promise<T>,
): Promise<T | undefined> {
  try {
    return await run(await returnsClient.call(ctx));
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw toNodeError(ctx.getNode(), error);
  }
}

/** Senders configured outside n8n need the credential's secret: refuse to activate without one. */
async function requireVendorSecret(ctx: IHookFunctions): Promise<void> {
  const credentials = await ctx.getCredentials<ReturnsPackCredentials>(CREDENTIAL_TYPE);
  if (!credentials.webhookSecret) {
    throw new NodeOperationError(
      ctx.getNode(),
      'Set the Webhook Signing Secret in the credential to the secret configured at the sender: without it every delivery would be refused.',
    );
  }
}

/** Subscriptions for this exact URL left behind by a lost static data: they would deliver twice. */
async function deleteOrphans(client: ReturnsClient, url: string): Promise<void> {
  const orphans: string[] = [];
  for await (const sub of paginate(
    (f: { cursor?: string }) => client.webhooks.list({ ...f, limit: 100 }),
    {},
  )) {
    if (sub.url === url) orphans.push(sub.id);
  }
  for (const id of orphans) await unsubscribe(client, id);
}

/** Activation and deactivation: one subscription per trigger node, through the catalogue's lifecycle. */
export const lifecycle = {
  async checkExists(this: IHookFunctions): Promise<boolean> {
    const settings = readSettings.call(this);
    const data = state(this);
    if (!subscribesItself(settings.sender)) {
      await requireVendorSecret(this);
      // Switched from the Returns API to a vendor: the old subscription has nobody to deliver to.
      if (data.webhookId) await call(this, (client) => unsubscribe(client, data.webhookId));
      forget(data);
      return true;
    }
    if (!data.webhookId || !data.webhookSecret) return false;
    const id = data.webhookId;
    const existing = await call(this, (client) => client.webhooks.get(id));
    if (existing && matches(existing, webhookUrl(this), settings)) return true;
    // Gone, or made for other settings: start over so the subscription matches the node.
    await call(this, (client) => unsubscribe(client, id));
    forget(data);
    return false;
  },

  async create(this: IHookFunctions): Promise<boolean> {
    const settings = readSettings.call(this);
    if (!subscribesItself(settings.sender)) return true;
    const url = webhookUrl(this);
    const workflow = this.getWorkflow();
    const description = `n8n: ${workflow.name ?? workflow.id ?? 'workflow'} / ${this.getNode().name}`;
    const record = await call(this, async (client) => {
      await deleteOrphans(client, url);
      return subscribe(client, settings, url, description);
    });
    if (!record) {
      throw new NodeOperationError(
        this.getNode(),
        'The API has no webhooks endpoint at the base URL of the credential',
      );
    }
    const data = state(this);
    data.webhookId = record.id;
    data.webhookSecret = record.secret;
    return true;
  },

  async delete(this: IHookFunctions): Promise<boolean> {
    const data = state(this);
    // Deleted whatever the sender is now: the node may have subscribed under an earlier setting.
    if (data.webhookId) await call(this, (client) => unsubscribe(client, data.webhookId));
    forget(data);
    return true;
  },
};
