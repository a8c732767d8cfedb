import type { z } from 'zod';
import type { EventSource, SignatureScheme } from '../contract';
import type { RawBody } from './body';
import type { WebhookHeaders } from './headers';
import type { AnyReplayStore } from './replay-store';

/** Which payload shape to expect; `auto` (the default) recognises each vendor's by its fields. */
export type PayloadFormat = 'auto' | z.infer<typeof EventSource>;

/** How an HMAC signature is written in its header: ours is hex, Returnflows-style senders use base64. */
export type SignatureEncoding = 'hex' | 'base64';

export interface VerifyWebhookInput {
  headers: WebhookHeaders;
  rawBody: RawBody;
}

export interface VerifyWebhookOptions {
  scheme: SignatureScheme;
  secret?: string;
  /** Several secrets during a rotation: a delivery signed with any of them is accepted. */
  secrets?: readonly string[];
  /** Milliseconds since the epoch; inject a test clock here. */
  now?: () => number;
  /** Allowed clock difference for timestamps (Standard Webhooks, JWT `iat`); default 300. */
  toleranceSeconds?: number;
  /** Default 1 MiB; larger bodies are refused with `too_large` before any other work. */
  maxBodyBytes?: number;
  /**
   * Where JWT nonces are remembered, per signing secret; default a bounded in-memory store shared by
   * this process. On a platform, pass one that lives as long as the trigger does
   * (`createKeyValueReplayStore(db)`, `createObjectReplayStore(staticData)`).
   */
  replayStore?: AnyReplayStore;
  /** hmac-sha256 only: the signature header, e.g. `X-Returnflows-Signature`. */
  header?: string;
  /** hmac-sha256 only: how the signature is encoded; default hex. */
  encoding?: SignatureEncoding;
  payloadFormat?: PayloadFormat;
}
