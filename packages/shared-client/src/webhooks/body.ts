import { refuse } from './errors';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The raw body exactly as received: signatures are checked on these bytes, never on re-serialised JSON. */
export type RawBody = string | Uint8Array;

/** The raw body, once it is known to be a string or bytes within the size limit. */
export function readBody(rawBody: unknown, maxBytes: number): RawBody {
  if (typeof rawBody === 'string') {
    // A UTF-16 unit encodes to at most 3 UTF-8 bytes: short strings skip the byte count.
    if (rawBody.length * 3 > maxBytes) checkSize(Buffer.byteLength(rawBody, 'utf8'), maxBytes);
    return rawBody;
  }
  if (rawBody instanceof Uint8Array) {
    checkSize(rawBody.byteLength, maxBytes);
    return rawBody;
  }
  return refuse(
    'malformed',
    'The raw body must be the request body as a string or a Buffer, exactly as received (rawBody).',
  );
}

function checkSize(bytes: number, maxBytes: number): void {
  if (bytes > maxBytes) {
    refuse(
      'too_large',
      `The body is ${bytes} bytes, more than the ${maxBytes} bytes allowed: raise maxBodyBytes if such events are expected.`,
    );
  }
}

/** The body parsed as JSON; any failure is a `malformed` refusal rather than a SyntaxError. */
export function parseJsonBody(body: RawBody): unknown {
  const text =
    typeof body === 'string'
      ? body
      : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return refuse('malformed', 'The body is not valid JSON: the sender must post the event as JSON.');
  }
}
