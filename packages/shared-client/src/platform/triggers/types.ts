import type { EventType } from '../../contract';
import type { PlatformExceptions } from '../types';

export interface TriggerSpec {
  /** snake_case; Zapier's key as is, Pipedream's `returns_pack-<kebab>[-instant]`. */
  key: string;
  /** Title Case: "New Return". */
  label: string;
  noun: string;
  /** The events it fires on; `chosen` means the user picks them (the "New Event" trigger). */
  events: readonly EventType[] | 'chosen';
  /** "Triggers when …": Zapier's description, the basis of the others. */
  description: string;
  exceptions?: PlatformExceptions;
}
