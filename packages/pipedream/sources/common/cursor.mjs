/**
 * A polling source's position in the event log: the newest creation time it has emitted, and the ids
 * emitted at exactly that time. Several events can share a millisecond, so the next poll asks from
 * one millisecond earlier and skips those ids instead of trusting `created_after` to split them.
 */

export function byCreation(a, b) {
  return Date.parse(a.created_at) - Date.parse(b.created_at);
}

/** The `created_after` filter for the next poll; undefined means "from the start of the log". */
export function createdAfterFor(cursor) {
  return cursor ? new Date(Date.parse(cursor.after) - 1).toISOString() : undefined;
}

export function isNewSince(cursor, event) {
  return !cursor || !cursor.boundaryIds.includes(event.id);
}

/** The cursor once `events` (oldest first, all new) are emitted. */
export function advanceCursor(cursor, events) {
  const newest = events.at(-1);
  if (!newest) return cursor ?? null;
  const newestMs = Date.parse(newest.created_at);
  const atNewest = events
    .filter((event) => Date.parse(event.created_at) === newestMs)
    .map((event) => event.id);
  const carried = cursor && Date.parse(cursor.after) === newestMs ? cursor.boundaryIds : [];
  return {
    after: newest.created_at,
    boundaryIds: [...carried, ...atNewest],
  };
}
