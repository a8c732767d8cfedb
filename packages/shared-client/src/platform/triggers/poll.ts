import type { ReturnsClient } from '../../client/create-client';
import type { EventEnvelope, EventType } from '../../contract';

/**
 * A polling trigger's place in the event log: the creation time of the newest event it has passed,
 * and the ids created at exactly that time. Events can share a millisecond, so the next poll asks
 * from one millisecond earlier and skips those ids instead of trusting `created_after` to split them.
 */
export interface PollCursor {
  after: string;
  ids: string[];
}

/** More new events than this between two polls: the newest are read, and the interval is too long. */
export const POLL_MAX_EVENTS = 1000;

const PAGE_SIZE = 100;

const wanted = (events: readonly string[], type: EventType) => events[0] === '*' || events.includes(type);

/** The cursor at the newest event in the log: a poller starts from now, not from the history. */
export async function startCursor(client: ReturnsClient): Promise<PollCursor | null> {
  const { data } = await client.events.list({ limit: 1 });
  const newest = data[0];
  return newest ? { after: newest.created_at, ids: [newest.id] } : null;
}

/**
 * The events created since `cursor` (the whole log without one), oldest first, of the wanted types,
 * and the cursor past every event read (of any type, so unwanted ones are not read again).
 */
export async function pollEventLog(
  client: ReturnsClient,
  events: readonly EventType[] | readonly ['*'],
  cursor: PollCursor | null | undefined,
  max = POLL_MAX_EVENTS,
): Promise<{ events: EventEnvelope[]; cursor: PollCursor | null; truncated: boolean }> {
  const createdAfter = cursor ? new Date(Date.parse(cursor.after) - 1).toISOString() : undefined;
  const newestFirst: EventEnvelope[] = [];
  for await (const event of client.events.iterate({ created_after: createdAfter, limit: PAGE_SIZE })) {
    if (newestFirst.length >= max) return finish(newestFirst, true);
    newestFirst.push(event);
  }
  return finish(newestFirst, false);

  function finish(read: EventEnvelope[], truncated: boolean) {
    const fresh = read.reverse().filter((event) => !cursor?.ids.includes(event.id));
    return {
      events: fresh.filter((event) => wanted(events as readonly string[], event.type)),
      cursor: advance(cursor ?? null, fresh),
      truncated,
    };
  }
}

function advance(cursor: PollCursor | null, oldestFirst: EventEnvelope[]): PollCursor | null {
  const newest = oldestFirst.at(-1);
  if (!newest) return cursor;
  const at = Date.parse(newest.created_at);
  const same = oldestFirst.filter((event) => Date.parse(event.created_at) === at).map((event) => event.id);
  const carried = cursor && Date.parse(cursor.after) === at ? cursor.ids : [];
  return { after: newest.created_at, ids: [...carried, ...same] };
}
