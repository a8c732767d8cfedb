import { RATE_LIMIT_POLICY, createReturnsClient, resolveBaseUrl } from '@returns-pack/shared-client';
import type { ReturnsClient, Transport } from '@returns-pack/shared-client';
import type { Bundle, HttpRequestOptions, ZObject } from 'zapier-platform-core';
import { toZapierError } from './errors';

/**
 * `z.request` as the shared client's transport, so Zapier's request log, secret scrubbing and
 * middleware see every call. Statuses are left to the client, which maps them to typed errors.
 */
export function zapierTransport(z: ZObject): Transport {
  return async ({ method, url, headers, body }) => {
    const { 'x-api-key': _fromClient, ...rest } = headers;
    // The key is added by the `beforeRequest` middleware, the one place Zapier apps put credentials.
    const options: HttpRequestOptions & { url: string; throwForThrottlingEarly: boolean } = {
      url,
      method,
      headers: rest,
      body,
      skipThrowForStatus: true,
      // A 429 reaches the client's pacer (the pack's one 429 policy) instead of core's ThrottledError.
      throwForThrottlingEarly: false,
    };
    const response = await z.request(options);
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    return { status: response.status, headers: responseHeaders, body: response.content };
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function returnsClient(z: ZObject, bundle: Bundle): ReturnsClient {
  return createReturnsClient({
    baseUrl: resolveBaseUrl(bundle.authData?.base_url),
    apiKey: bundle.authData?.api_key ?? '',
    transport: zapierTransport(z),
    userAgent: 'returns-pack-zapier/0.1',
    pace: { ...RATE_LIMIT_POLICY, sleep },
  });
}

/** Runs one API operation for a perform, turning the client's errors into Zapier's. */
export async function withClient<T>(
  z: ZObject,
  bundle: Bundle,
  work: (client: ReturnsClient) => Promise<T>,
): Promise<T> {
  try {
    return await work(returnsClient(z, bundle));
  } catch (error) {
    throw toZapierError(z, error);
  }
}
