import type {
  IExecuteFunctions,
  IHookFunctions,
  IHttpRequestOptions,
  IN8nHttpFullResponse,
  IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { createReturnsClient, RATE_LIMIT_POLICY } from '@returns-pack/shared-client';
import type { ReturnsClient, Transport } from '@returns-pack/shared-client';

export const CREDENTIAL_TYPE = 'returnsPackApi';

export interface ReturnsPackCredentials {
  baseUrl: string;
  apiKey: string;
  webhookSecret?: string;
  /** During a secret rotation, the other secret (the catalogue trigger's Previous Secret). */
  previousWebhookSecret?: string;
}

type ApiContext = IExecuteFunctions | IHookFunctions | IPollFunctions;

/**
 * The one seam between the nodes and the network: the shared client, speaking through n8n's own
 * authenticated request helper so that n8n's proxy settings, logging and credential handling apply.
 */
export async function returnsClient(this: ApiContext): Promise<ReturnsClient> {
  const credentials = await this.getCredentials<ReturnsPackCredentials>(CREDENTIAL_TYPE);
  const transport: Transport = async (request) => {
    // The credential's `authenticate` adds X-Api-Key; sending the client's copy as well would duplicate it.
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'x-api-key'),
    );
    const requestOptions: IHttpRequestOptions = {
      method: request.method,
      url: request.url,
      headers,
      body: request.body,
      // The client maps every non-2xx answer to a typed error itself, so n8n must hand them over.
      returnFullResponse: true,
      ignoreHttpStatusErrors: true,
    };
    const response = (await this.helpers.httpRequestWithAuthentication.call(
      this,
      CREDENTIAL_TYPE,
      requestOptions,
    )) as IN8nHttpFullResponse;
    return {
      status: response.statusCode,
      headers: response.headers as Record<string, string>,
      body: response.body,
    };
  };
  return createReturnsClient({
    baseUrl: String(credentials.baseUrl ?? '').trim(),
    apiKey: String(credentials.apiKey ?? ''),
    transport,
    // The pack's one 429 policy; n8n's `sleep`, as node code may not use timers.
    pace: { ...RATE_LIMIT_POLICY, sleep },
    userAgent: 'n8n-nodes-returns-pack/0.1',
  });
}
