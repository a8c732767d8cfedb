import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { NotFoundError, paginate } from '@returns-pack/shared-client';
import type { ReturnsClient, WebhookSubscription } from '@returns-pack/shared-client';
import { toNodeError } from '../ReturnsPack/helpers/errors';
import { CREDENTIAL_TYPE, returnsClient } from '../ReturnsPack/transport';
import type { ReturnsPackCredentials } from '../ReturnsPack/transport';
import { readSettings } from './settings';
import type { TriggerSettings } from './settings';

/** What the trigger keeps between activations, in the workflow's static data for this node. */
interface SubscriptionState extends IDataObject {
  webhookId?: string;
  /** The subscription's secret, shown only once, at creation. */
  webhookSecret?: string;
}

const state = (ctx: IHookFunctions) => ctx.getWorkflowStaticData('node') as SubscriptionState;

function forget(data: SubscriptionState): void {
  delete data.webhookId;
  delete data.webhookSecret;
}

function webhookUrl(ctx: IHookFunctions): string {
  const url = ctx.getNodeWebhookUrl('default');
  if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n did not provide a webhook URL for this trigger');
  return url;
}

function sameEvents(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

const retryPolicy = (settings: TriggerSettings) => (settings.retry ? 'exponential' : 'none');

function matches(sub: WebhookSubscription, url: string, settings: TriggerSettings): boolean {
  return (
    sub.enabled &&
    sub.url === url &&
    sub.scheme === settings.scheme &&
    sub.retry_policy === retryPolicy(settings) &&
    sameEvents(sub.events, settings.events)
  );
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

/** Runs one API call, mapping its errors to n8n's; `NotFoundError` is an answer here, not a failure. */
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

/** Subscriptions for this exact URL left behind by a lost static data: they would deliver twice. */
async function deleteOrphans(ctx: IHookFunctions, url: string): Promise<void> {
  await call(ctx, async (client) => {
    const orphans: string[] = [];
    for await (const sub of paginate(
      (f: { cursor?: string }) => client.webhooks.list({ ...f, limit: 100 }),
      {},
    )) {
      if (sub.url === url) orphans.push(sub.id);
    }
    for (const id of orphans) await client.webhooks.delete(id);
  });
}

export const lifecycle = {
  async checkExists(this: IHookFunctions): Promise<boolean> {
    const settings = readSettings.call(this);
    if (!settings.subscribes) {
      await requireVendorSecret(this);
      return true;
    }
    const data = state(this);
    if (!data.webhookId || !data.webhookSecret) return false;
    const id = data.webhookId;
    const existing = await call(this, (client) => client.webhooks.get(id));
    if (existing && matches(existing, webhookUrl(this), settings)) return true;
    // Gone, or made for other settings: start over so the subscription matches the node.
    if (existing) await call(this, (client) => client.webhooks.delete(existing.id));
    forget(data);
    return false;
  },

  async create(this: IHookFunctions): Promise<boolean> {
    const settings = readSettings.call(this);
    if (!settings.subscribes) return true;
    const url = webhookUrl(this);
    await deleteOrphans(this, url);
    const credentials = await this.getCredentials<ReturnsPackCredentials>(CREDENTIAL_TYPE);
    const created = await call(this, (client) =>
      client.webhooks.create({
        url,
        events: settings.events,
        scheme: settings.scheme,
        retry_policy: retryPolicy(settings),
        description: `n8n: ${this.getWorkflow().name ?? this.getWorkflow().id ?? 'workflow'} / ${this.getNode().name}`,
        secret: credentials.webhookSecret || undefined,
      }),
    );
    if (!created) {
      throw new NodeOperationError(
        this.getNode(),
        'The API has no webhooks endpoint at the base URL of the credential',
      );
    }
    const data = state(this);
    data.webhookId = created.id;
    data.webhookSecret = created.secret;
    return true;
  },

  async delete(this: IHookFunctions): Promise<boolean> {
    const settings = readSettings.call(this);
    const data = state(this);
    if (!settings.subscribes || !data.webhookId) return true;
    const id = data.webhookId;
    // Already gone (not found) is what we wanted.
    await call(this, (client) => client.webhooks.delete(id));
    forget(data);
    return true;
  },
};
