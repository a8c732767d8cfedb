/**
 * Event ids a trigger has already started a workflow for. Event ids are stable across retries and
 * replays (the contract), and hmac-sha256 and bearer deliveries carry no signed timestamp, so the
 * id is the only thing that tells a second delivery of one event from a new one.
 */
export interface SeenEvents {
  /** True the first time `id` is offered, false after. */
  recordIfNew(id: string): boolean | Promise<boolean>;
}

/** How many recent ids a trigger remembers: retries and replays of older events are rare, and bounded memory is not. */
export const SEEN_EVENTS_LIMIT = 1000;

/**
 * Over a plain JSON object the platform persists for the trigger (n8n's workflow static data,
 * Pipedream's `db` value): the newest ids, oldest dropped first.
 */
export function seenEventsIn(
  read: () => unknown,
  write: (ids: string[]) => void,
  limit = SEEN_EVENTS_LIMIT,
): SeenEvents {
  return {
    recordIfNew(id) {
      const stored = read();
      const ids = Array.isArray(stored) ? stored.filter((v): v is string => typeof v === 'string') : [];
      if (ids.includes(id)) return false;
      ids.push(id);
      write(ids.slice(-limit));
      return true;
    },
  };
}

/** In memory, for one process (tests, and receivers that keep no state of their own). */
export function memorySeenEvents(limit = SEEN_EVENTS_LIMIT): SeenEvents {
  let ids: string[] = [];
  return seenEventsIn(
    () => ids,
    (next) => {
      ids = next;
    },
    limit,
  );
}
