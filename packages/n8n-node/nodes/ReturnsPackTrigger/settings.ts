import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import type {
  EventType,
  PayloadFormat,
  SignatureEncoding,
  SignatureScheme,
} from '@returns-pack/shared-client';

export type Source = 'returnsApi' | 'redo' | 'swap' | 'returnflows';

/** What each sender signs with and sends; `returnsApi` uses the scheme chosen on the node. */
const VENDORS: Record<
  Exclude<Source, 'returnsApi'>,
  { scheme: SignatureScheme; payloadFormat: PayloadFormat }
> = {
  redo: { scheme: 'bearer', payloadFormat: 'redo' },
  swap: { scheme: 'jwt', payloadFormat: 'swap' },
  returnflows: { scheme: 'hmac-sha256', payloadFormat: 'auto' },
};

export interface TriggerSettings {
  source: Source;
  /** True when the trigger manages its own subscription through the webhooks API. */
  subscribes: boolean;
  events: Array<EventType | '*'>;
  scheme: SignatureScheme;
  payloadFormat: PayloadFormat;
  header?: string;
  encoding?: SignatureEncoding;
  retry: boolean;
}

/** The node's parameters, read once, as the verifier and the subscription need them. */
export function readSettings(this: IHookFunctions | IWebhookFunctions): TriggerSettings {
  const source = this.getNodeParameter('source', 'returnsApi') as Source;
  const events = this.getNodeParameter('events', []) as Array<EventType | '*'>;
  const options = this.getNodeParameter('options', {}) as IDataObject;
  const common = {
    source,
    events: events.includes('*') ? (['*'] as ['*']) : events,
    retry: options.retry !== false,
  };
  if (source === 'returnsApi') {
    const scheme = this.getNodeParameter('scheme', 'hmac-sha256') as SignatureScheme;
    return { ...common, subscribes: true, scheme, payloadFormat: 'returns-api' };
  }
  const vendor = VENDORS[source];
  return {
    ...common,
    subscribes: false,
    ...vendor,
    header: source === 'returnflows' ? String(options.header || '') || undefined : undefined,
    encoding: source === 'returnflows' ? (options.encoding as SignatureEncoding | undefined) : undefined,
  };
}

export function wantsEvent(settings: TriggerSettings, type: EventType): boolean {
  return settings.events.includes('*') || settings.events.includes(type);
}
