import { z } from 'zod';
import { Http } from './http';
import { createPacer } from './pacer';
import type { PacerOptions } from './pacer';
import { fetchTransport } from './transport';
import type { Transport } from './transport';
import { Events } from './resources/events';
import { OfflineRepairs } from './resources/offline-repairs';
import { Rmas } from './resources/rmas';
import { TradeReturns } from './resources/trade-returns';
import { Webhooks } from './resources/webhooks';

export interface ReturnsClientOptions {
  baseUrl: string;
  apiKey: string;
  /** The platform's HTTP helper; `fetch` when omitted. */
  transport?: Transport;
  /** Opt-in: keep bulk creations under the creation limit instead of failing (`true` for the defaults). */
  pace?: boolean | PacerOptions;
  userAgent?: string;
}

export interface ReturnsClient {
  tradeReturns: TradeReturns;
  offlineRepairs: OfflineRepairs;
  rmas: Rmas;
  events: Events;
  webhooks: Webhooks;
}

export function createReturnsClient(options: ReturnsClientOptions): ReturnsClient {
  Http.input(ClientOptionsCheck, options, 'client options');
  const http = new Http({
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    transport: options.transport ?? fetchTransport,
    userAgent: options.userAgent ?? 'returns-pack-client/0.1',
    pacer: options.pace ? createPacer(options.pace === true ? {} : options.pace) : undefined,
  });
  return {
    tradeReturns: new TradeReturns(http),
    offlineRepairs: new OfflineRepairs(http),
    rmas: new Rmas(http),
    events: new Events(http),
    webhooks: new Webhooks(http),
  };
}

const ClientOptionsCheck = z.looseObject({
  baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://api.example.com' }),
  apiKey: z.string({ error: 'is required' }).min(1, 'is required'),
});
