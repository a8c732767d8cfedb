import { createReturnsClient } from '@returns-pack/shared-client';
import type { EventEnvelope, ReturnsClient } from '@returns-pack/shared-client';
import { operationOf } from '../../harness';
import type { HookInbox, RawRequest } from '../../harness';
import type { Connected } from './mock';

export type Subscription = { id: string; secret: string; scheme: string };

export interface TriggerDriver {
  /** The API as the merchant's own code sees it, with the same key. */
  api: ReturnsClient;
  /** `performSubscribe` as Zapier calls it when a Zap is turned on. */
  subscribeTo(key: string, inbox: HookInbox, inputData?: object): Promise<Subscription>;
  unsubscribeFrom(key: string, subscribeData: Subscription): Promise<unknown>;
  /** `perform` for one delivery, as Zapier calls it with the caught request. */
  perform(
    key: string,
    subscribeData: Subscription,
    raw: RawRequest,
    inputData?: object,
  ): Promise<EventEnvelope[]>;
}

export function triggerDriver(mock: Connected): TriggerDriver {
  return {
    api: createReturnsClient({ baseUrl: mock.server.url, apiKey: mock.apiKey }),
    subscribeTo: (key, inbox, inputData = {}) =>
      mock.run<Subscription>(operationOf('triggers', key).performSubscribe!, {
        authData: mock.authData,
        targetUrl: inbox.url,
        inputData,
      }),
    unsubscribeFrom: (key, subscribeData) =>
      mock.run(operationOf('triggers', key).performUnsubscribe!, { authData: mock.authData, subscribeData }),
    perform: (key, subscribeData, rawRequest, inputData = {}) =>
      mock.run<EventEnvelope[]>(operationOf('triggers', key).perform, {
        subscribeData,
        rawRequest,
        inputData,
      }),
  };
}

/** Deliveries from the inbox until one that mentions `text` (an RMA or event id); others may come first. */
export async function deliveryAbout(inbox: HookInbox, text: string): Promise<RawRequest> {
  for (;;) {
    const raw = await inbox.next();
    if (raw.content.includes(text)) return raw;
  }
}
