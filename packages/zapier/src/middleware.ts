import { resolveBaseUrl } from '@returns-pack/shared-client';
import type { BeforeRequestMiddleware } from 'zapier-platform-core';

/** Adds the key to requests for the connected API only, so no other host ever receives it. */
export const includeApiKey: BeforeRequestMiddleware = (request, _z, bundle) => {
  const key = bundle.authData?.api_key;
  if (key && request.url.startsWith(`${resolveBaseUrl(bundle.authData.base_url)}/`)) {
    request.headers = { ...request.headers, 'X-Api-Key': key };
  }
  return request;
};
