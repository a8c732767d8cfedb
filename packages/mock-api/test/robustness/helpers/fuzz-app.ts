import type { CreatedApiClient } from '@returns-pack/shared-client';
import type { InjectOptions } from 'fastify';
import { buildApp } from '../../../src/app';
import type { MockApp } from '../../../src/app';
import type { AppOptions } from '../../../src/options';
import type { RawAnswer } from './contract-answer';

export interface FuzzApp {
  mock: MockApp;
  client: CreatedApiClient;
  /** Ids that exist, so that generated requests reach handlers as well as validation. */
  ids: { rma: string; repair: string; webhook: string; client: string };
  inject(options: InjectOptions): Promise<RawAnswer>;
  close(): Promise<void>;
}

const HANG_MS = 5000;

/** A port nothing listens on: deliveries fail at once, without leaving the machine. */
export const NOWHERE = 'http://127.0.0.1:9/hooks';

/** The app without a socket (`inject`), with one of each resource in it. */
export async function fuzzApp(options: AppOptions = {}): Promise<FuzzApp> {
  const mock = await buildApp({ rateLimit: false, adminToken: 'fuzz-admin-token', ...options });
  await mock.app.ready();
  const { services, delivery } = mock;
  const client = await services.apiClients.create({ name: 'fuzz' });
  // Revocation is fuzzed on another client, so that the fuzzing client's key keeps working.
  const other = await services.apiClients.create({ name: 'revocable' });
  const rma = services.rmas.createTradeReturn({
    customer: { email: 'ada@example.com' },
    items: [{ sku: 'A', quantity: 1 }],
  });
  const repair = services.rmas.createOfflineRepair({
    serial: 'SN-1',
    fault_description: 'broken',
    customer_email: 'grace@example.com',
  });
  const webhook = await delivery.createSubscription(client.id, { url: NOWHERE, events: ['rma.breach'] });
  return {
    mock,
    client,
    ids: { rma: rma.id, repair: repair.id, webhook: webhook.id, client: other.id },
    async inject(options) {
      let timer: NodeJS.Timeout | undefined;
      // A hang fails the property with the request that caused it, not the whole file on jest's timeout.
      const hang = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS} ms`)), HANG_MS);
      });
      const res = await Promise.race([mock.app.inject(options), hang]).finally(() => clearTimeout(timer));
      return { status: res.statusCode, contentType: res.headers['content-type'] as string, text: res.body };
    },
    close: () => mock.app.close(),
  };
}
