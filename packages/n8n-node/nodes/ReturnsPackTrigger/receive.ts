import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { verifyWebhook, WebhookVerificationError } from '@returns-pack/shared-client';
import { CREDENTIAL_TYPE } from '../ReturnsPack/transport';
import type { ReturnsPackCredentials } from '../ReturnsPack/transport';
import { readSettings, wantsEvent } from './settings';

function refuse(ctx: IWebhookFunctions, status: number, code: string, message: string): IWebhookResponseData {
  ctx.logger.warn(`Returns Pack Trigger refused a delivery (${code}): ${message}`);
  ctx.getResponseObject().status(status).json({ error: { code, message } });
  return { noWebhookResponse: true };
}

/**
 * Verifies the delivery on its raw bytes and emits the normalized event. Fails closed: no secret,
 * a bad signature or an unreadable body is answered 401/400/413 and starts nothing.
 */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
  const settings = readSettings.call(this);
  const credentials = await this.getCredentials<ReturnsPackCredentials>(CREDENTIAL_TYPE);
  const subscriptionSecret = (this.getWorkflowStaticData('node') as IDataObject).webhookSecret;
  // The subscription's own secret first; the credential's covers senders configured outside n8n.
  const secrets = [subscriptionSecret, credentials.webhookSecret].filter(
    (s): s is string => typeof s === 'string' && s !== '',
  );
  if (secrets.length === 0) {
    return refuse(
      this,
      401,
      'missing_secret',
      'This trigger has no signing secret: reactivate the workflow.',
    );
  }

  const request = this.getRequestObject();
  if (!request.rawBody) await request.readRawBody();
  let event;
  try {
    event = await verifyWebhook(
      { headers: this.getHeaderData(), rawBody: request.rawBody },
      {
        scheme: settings.scheme,
        secrets,
        payloadFormat: settings.payloadFormat,
        header: settings.header,
        encoding: settings.encoding,
      },
    );
  } catch (error) {
    if (error instanceof WebhookVerificationError)
      return refuse(this, error.status, error.reason, error.message);
    return refuse(this, 400, 'malformed', 'The delivery could not be read.');
  }

  if (!wantsEvent(settings, event.type)) return { webhookResponse: { received: true, ignored: event.type } };
  return { workflowData: [this.helpers.returnJsonArray(event as unknown as IDataObject)] };
}
