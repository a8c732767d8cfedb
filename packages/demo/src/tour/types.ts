import type {
  CreateOfflineRepairBody,
  CreateTradeReturnBody,
  EventEnvelope,
  RmaStatus,
  SignatureScheme,
} from '@returns-pack/shared-client';
import type { PlatformId, TourTrigger } from '../report/summary';

/** What a connector is connected with, as its credential form would hold it. */
export interface Connection {
  baseUrl: string;
  apiKey: string;
}

/** A verified event a trigger fired, and when (`performance.now()`). */
export interface Received {
  event: EventEnvelope;
  at: number;
}

export interface TriggerHandle {
  /** The connector's own name for the trigger. */
  name: string;
  scheme: SignatureScheme;
  /** Every event the trigger fired, duplicates included so that they can be caught. */
  received: Received[];
  /** Deliveries the trigger refused or failed on, with the cause. */
  failures(): string[];
  unsubscribe(): Promise<void>;
}

/**
 * One platform's connector, driven through its own code: the tour hands it platform-neutral
 * bodies and each adapter fills in its platform's form (Zapier input fields, n8n parameters,
 * Pipedream props), exactly as a user would.
 */
export interface Connector {
  id: PlatformId;
  name: string;
  runtime: string;
  /** What the connector's create action returned (checked against the contract by the tour). */
  createTradeReturn(body: CreateTradeReturnBody): Promise<unknown>;
  createOfflineRepair(body: CreateOfflineRepairBody): Promise<unknown>;
  /** The Update RMA Status action (API v1.1): what it returned, the moved RMA. */
  updateRmaStatus(rmaId: string, to: RmaStatus, note: string): Promise<unknown>;
  /** The Generate Return Label action (API v1.1): what it returned, the labelled RMA. */
  generateReturnLabel(rmaId: string): Promise<unknown>;
  /** `new event`: the platform’s New Event trigger with the five tour events chosen. */
  subscribe(trigger: TourTrigger): Promise<TriggerHandle>;
}
