import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { ReturnsPackApi } from '../credentials/ReturnsPackApi.credentials';
import type { ReturnsPackCredentials } from '../nodes/ReturnsPack/transport';

/** Resolves the `={{$credentials.x}}` expressions n8n evaluates in a credential's `authenticate`. */
function resolveCredentialExpression(value: string, credentials: ReturnsPackCredentials): string {
  const match = /^=\{\{\s*\$credentials\.(\w+)\s*\}\}$/.exec(value);
  if (!match) return value;
  return String((credentials as unknown as IDataObject)[match[1]!] ?? '');
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body as sent, byte for byte. */
  body?: string;
}

/**
 * n8n's `httpRequestWithAuthentication`, implemented with fetch: it applies the credential's own
 * `authenticate` block (so a wrong one fails the tests), honours `returnFullResponse` and
 * `ignoreHttpStatusErrors`, and parses JSON answers as n8n's axios-based helper does.
 */
export function httpRequestWithAuthentication(
  credentials: ReturnsPackCredentials,
  log: RecordedRequest[] = [],
) {
  const authenticate = new ReturnsPackApi().authenticate;
  return async (credentialType: string, options: IHttpRequestOptions) => {
    if (credentialType !== 'returnsPackApi') throw new Error(`unexpected credential type ${credentialType}`);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name] = String(value);
    for (const [name, value] of Object.entries(authenticate.properties.headers ?? {})) {
      headers[name] = resolveCredentialExpression(String(value), credentials);
    }
    log.push({
      method: options.method ?? 'GET',
      url: options.url,
      headers,
      body: options.body as string | undefined,
    });
    const response = await fetch(options.url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body as string | undefined,
    });
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
    const body = isJson && text ? (JSON.parse(text) as IDataObject) : text;
    if (!options.ignoreHttpStatusErrors && response.status >= 400) {
      throw new Error(`Request failed with status code ${response.status}`);
    }
    if (!options.returnFullResponse) return body;
    const full: IN8nHttpFullResponse = {
      body,
      headers: Object.fromEntries(response.headers.entries()),
      statusCode: response.status,
      statusMessage: response.statusText,
    };
    return full;
  };
}
