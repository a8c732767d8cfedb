import type { ThrottleObject } from 'zapier-platform-core';

/**
 * The API allows 30 creations a minute per API client, across both create endpoints: Zapier queues
 * runs beyond that instead of letting them fail, and a 429 from other callers sharing the key still
 * becomes a ThrottledError that Zapier retries.
 */
export const CREATION_LIMIT: ThrottleObject = {
  window: 60,
  limit: 30,
  key: 'rma-creations',
  scope: ['auth'],
};
