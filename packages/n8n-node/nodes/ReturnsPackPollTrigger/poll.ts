import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import {
  NEW_EVENT_TRIGGER,
  pollEventLog,
  readTriggerSettings,
  startCursor,
} from '@returns-pack/shared-client';
import type { PollCursor, ReturnsClient } from '@returns-pack/shared-client';
import { toNodeError } from '../ReturnsPack/helpers/errors';
import { returnsClient } from '../ReturnsPack/transport';
import { EVENTS_PARAMETER } from '../ReturnsPackTrigger/properties';

/** What the poller keeps in the workflow's static data: its place in the event log. */
interface PollState {
  cursor?: PollCursor | null;
}

/** The picked event types, read by the catalogue's rules (none picked: every event). */
function pickedEvents(ctx: IPollFunctions) {
  const events = ctx.getNodeParameter(EVENTS_PARAMETER, []) as string[];
  const form = { sender: 'returns_api', event_types: events.includes('*') ? [] : events };
  return readTriggerSettings(NEW_EVENT_TRIGGER, form).events;
}

async function poll(ctx: IPollFunctions, client: ReturnsClient): Promise<INodeExecutionData[][] | null> {
  const events = pickedEvents(ctx);
  // "Fetch Test Event": the newest event of the picked types, leaving the position alone.
  if (ctx.getMode() === 'manual') {
    const newest = (await pollEventLog(client, events, null, 100)).events.at(-1);
    return newest ? [ctx.helpers.returnJsonArray([newest])] : null;
  }
  const state = ctx.getWorkflowStaticData('node') as PollState;
  // Activation: start from now; the history is there for Event → Get Many.
  if (state.cursor === undefined) {
    state.cursor = await startCursor(client);
    return null;
  }
  const read = await pollEventLog(client, events, state.cursor);
  if (read.truncated) {
    ctx.logger.warn('Returns Pack Poll Trigger: more new events than one poll reads; shorten the interval.');
  }
  // Assigned, not changed in place: n8n saves static data it sees assigned.
  state.cursor = read.cursor;
  return read.events.length > 0 ? [ctx.helpers.returnJsonArray(read.events)] : null;
}

/** Reads the event log since the last poll: the same events, with the same ids, as the webhooks. */
export async function pollEvents(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
  try {
    return await poll(this, await returnsClient.call(this));
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}
