import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { receiveDelivery } from '@returns-pack/shared-client';
import type { Receipt } from '@returns-pack/shared-client';
import { CREDENTIAL_TYPE } from '../ReturnsPack/transport';
import type { ReturnsPackCredentials } from '../ReturnsPack/transport';
import { readSettings } from './settings';
import { staticDataStores } from './stores';
import type { TriggerState } from './stores';

function refuse(ctx: IWebhookFunctions, status: number, code: string, message: string): IWebhookResponseData {
  ctx.logger.warn(`Returns Pack Trigger refused a delivery (${code}): ${message}`);
  ctx.getResponseObject().status(status).json({ error: { code, message } });
  return { noWebhookResponse: true };
}

/**
 * The catalogue's receive path (verify on the raw bytes with every secret held, fail closed
 * without one, filter by event type, dedupe on the event id) with its memory in static data.
 */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
  const settings = readSettings.call(this);
  const credentials = await this.getCredentials<ReturnsPackCredentials>(CREDENTIAL_TYPE);
  const state = this.getWorkflowStaticData('node') as TriggerState;
  const request = this.getRequestObject();
  if (!request.rawBody) await request.readRawBody();

  let receipt: Receipt;
  try {
    receipt = await receiveDelivery(
      { headers: this.getHeaderData(), rawBody: request.rawBody },
      settings,
      // The subscription's own secret first; the credential's cover senders configured outside n8n
      // and, during a rotation, the other secret (the catalogue's Previous Secret, kept encrypted here).
      [state.webhookSecret, credentials.webhookSecret, credentials.previousWebhookSecret],
      staticDataStores(state),
    );
  } catch {
    return refuse(this, 500, 'internal', 'The delivery could not be processed; send it again.');
  }
  if (receipt.outcome === 'refused') return refuse(this, receipt.status, receipt.reason, receipt.message);
  if (receipt.outcome === 'ignored') {
    return { webhookResponse: { received: true, ignored: receipt.reason, event: receipt.event.id } };
  }
  return { workflowData: [this.helpers.returnJsonArray(receipt.event as unknown as IDataObject)] };
}
