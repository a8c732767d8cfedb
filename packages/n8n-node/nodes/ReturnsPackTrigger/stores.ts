import type { IDataObject } from 'n8n-workflow';
import { createObjectReplayStore, seenEventsIn } from '@returns-pack/shared-client';
import type { ReceiveStores } from '@returns-pack/shared-client';

/** What the trigger keeps in the workflow's static data for this node. */
export interface TriggerState extends IDataObject {
  /** The subscription this trigger made (sender Returns API), to delete on deactivation. */
  webhookId?: string;
  /** Its secret, shown only once, at creation. */
  webhookSecret?: string;
  /** Ids of the events already started a workflow for, newest last. */
  seenEvents?: string[];
}

/**
 * The receive path's memory, in the static data n8n saves after each webhook call of an active
 * workflow (docs/n8n.md says what that guarantees): event ids for dedupe, and JWT nonces.
 */
export function staticDataStores(data: TriggerState): ReceiveStores {
  return {
    seen: seenEventsIn(
      () => data.seenEvents,
      (ids) => {
        // Assigned, not pushed: n8n notices changes by assignment to the static data object.
        data.seenEvents = ids;
      },
    ),
    replayStore: createObjectReplayStore(data),
  };
}
