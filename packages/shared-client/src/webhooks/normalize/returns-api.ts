import { EVENT_TYPES } from '../../contract';
import type { EventEnvelope } from '../../contract';
import { refuse } from '../errors';
import type { NormalizedDelivery } from './payload';
import { isRecord } from './payload';

// A Set, not a property lookup on the catalogue: a type string fresh from JSON.parse would first be
// looked up in the engine's string table on every delivery.
const KNOWN_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);

/**
 * Our own envelope, checked structurally rather than by a full zod parse: the signature already
 * proved who sent it, and a parse of the whole RMA would cost more than the HMAC.
 */
export function fromReturnsApi(payload: unknown): NormalizedDelivery {
  if (!isRecord(payload)) return notAnEvent();
  const { id, type, subject, data } = payload;
  if (typeof id !== 'string' || !id.startsWith('evt_')) return missing('id');
  if (typeof type !== 'string') return missing('type');
  if (!KNOWN_TYPES.has(type)) {
    return refuse(
      'unknown_payload',
      `The event type "${type.slice(0, 60)}" is not in the catalogue: update the connector to a version that knows it.`,
    );
  }
  if (payload.api_version !== 'v1') return missing('api_version');
  if (typeof payload.created_at !== 'string') return missing('created_at');
  if (typeof payload.sequence !== 'number') return missing('sequence');
  if (typeof payload.test !== 'boolean') return missing('test');
  if (typeof payload.replay !== 'boolean') return missing('replay');
  if (!isRecord(subject) || typeof subject.id !== 'string') return missing('subject.id');
  if (!isRecord(data) || !isRecord(data.rma) || typeof data.rma.id !== 'string')
    return missing('data.rma.id');
  return { event: payload as unknown as EventEnvelope, returnId: subject.id, eventId: id };
}

function missing(field: string): never {
  return refuse(
    'malformed',
    `The event has no valid "${field}" field: it does not match the returns API event format.`,
  );
}

function notAnEvent(): never {
  return refuse('unknown_payload', 'The body is not a JSON object, so it cannot be a returns API event.');
}
