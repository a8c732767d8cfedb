import { SignatureScheme } from '../contract';
import { DEFAULT_MAX_BODY_BYTES } from './body';
import { refuse } from './errors';
import type { PayloadFormat, SignatureEncoding, VerifyWebhookOptions } from './options';
import type { AnyReplayStore } from './replay-store';
import { isReplayStore } from './replay-store';
import { configuredSecrets } from './secrets';

export const DEFAULT_TOLERANCE_SECONDS = 300;
const FORMATS: readonly PayloadFormat[] = ['auto', 'returns-api', 'redo', 'swap'];
const SCHEMES: ReadonlySet<unknown> = new Set(SignatureScheme.options);

/** The verifier's options, checked once per call and with every default filled in. */
export interface VerifyContext {
  scheme: SignatureScheme;
  secrets: readonly string[];
  nowMs: number;
  toleranceSeconds: number;
  maxBodyBytes: number;
  header: string | undefined;
  encoding: SignatureEncoding;
  payloadFormat: PayloadFormat;
  /** Undefined means the process-wide default, created only when a JWT needs it. */
  replayStore: AnyReplayStore | undefined;
}

function badOption(name: string, expected: string): never {
  return refuse(
    'malformed',
    `The verifier option ${name} must be ${expected}: check the connector's configuration.`,
  );
}

export function resolveOptions(options: VerifyWebhookOptions | undefined): VerifyContext {
  if (typeof options !== 'object' || options === null)
    return badOption('object', 'an object with scheme and secret');
  const { scheme, now, toleranceSeconds, maxBodyBytes, header, encoding, payloadFormat, replayStore } =
    options;
  if (!SCHEMES.has(scheme)) {
    badOption('scheme', 'one of hmac-sha256, bearer, jwt, standard-webhooks');
  }
  const nowMs = now === undefined ? Date.now() : typeof now === 'function' ? now() : NaN;
  if (!Number.isFinite(nowMs)) badOption('now', 'a function returning milliseconds since the epoch');
  if (
    toleranceSeconds !== undefined &&
    !(typeof toleranceSeconds === 'number' && toleranceSeconds >= 0 && toleranceSeconds <= 86_400 * 365)
  ) {
    badOption('toleranceSeconds', 'a number of seconds, 0 or more');
  }
  if (maxBodyBytes !== undefined && !(Number.isSafeInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    badOption('maxBodyBytes', 'a positive whole number of bytes');
  }
  if (header !== undefined && !(typeof header === 'string' && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(header))) {
    badOption('header', 'a header name such as X-Webhook-Signature');
  }
  if (encoding !== undefined && encoding !== 'hex' && encoding !== 'base64')
    badOption('encoding', 'hex or base64');
  if (payloadFormat !== undefined && !FORMATS.includes(payloadFormat)) {
    badOption('payloadFormat', FORMATS.join(', '));
  }
  if (replayStore !== undefined && !isReplayStore(replayStore)) {
    badOption('replayStore', 'an object with a record (or recordIfNew) method');
  }
  return {
    scheme,
    secrets: configuredSecrets(options),
    nowMs,
    toleranceSeconds: toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
    maxBodyBytes: maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    header,
    encoding: encoding ?? 'hex',
    payloadFormat: payloadFormat ?? 'auto',
    replayStore,
  };
}
