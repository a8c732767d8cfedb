import {
  API_KEY_HELP,
  BASE_URL_HELP,
  PREVIOUS_SECRET_HELP,
  connectionLabel,
} from '@returns-pack/shared-client';
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { withClient } from './client';

/** Any authenticated read proves the key; the cheapest is one RMA. */
async function testConnection(z: ZObject, bundle: Bundle) {
  await withClient(z, bundle, (client) => client.rmas.list({ limit: 1 }));
  return { connected: true };
}

export const authentication = {
  type: 'custom',
  fields: [
    { key: 'api_key', label: 'API Key', type: 'password', required: true, helpText: API_KEY_HELP },
    {
      key: 'base_url',
      label: 'API Base URL',
      type: 'string',
      required: true,
      helpText: BASE_URL_HELP,
      isNoSecret: true,
    },
    {
      // The catalogue trigger setting Previous Secret, kept where Zapier keeps credentials (D001).
      key: 'previous_webhook_secret',
      label: 'Previous Webhook Signing Secret',
      type: 'password',
      required: false,
      helpText: PREVIOUS_SECRET_HELP,
    },
  ],
  test: testConnection,
  connectionLabel: async (_z: ZObject, bundle: Bundle) => connectionLabel(bundle.authData?.base_url),
} satisfies Authentication;
