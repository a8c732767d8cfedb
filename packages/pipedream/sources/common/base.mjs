import app from "../../returns_pack.app.mjs";
import { EVENT_CATALOGUE, readTriggerSettings, sampleEvent } from "../../dist/returns-client.mjs";
import { DEPLOY_EVENT_COUNT } from "../../common/constants.mjs";
import { formOf } from "../../common/props.mjs";
import { toPipedreamError } from "../../common/errors.mjs";

const byCreation = (a, b) => Date.parse(a.created_at) - Date.parse(b.created_at);

/** A catalogue trigger's sample: the first event it fires on (New Event shows a created return). */
export function sampleEmitOf(trigger) {
  return sampleEvent(trigger.events === "chosen" ? "return.created" : trigger.events[0]);
}

/**
 * What instant and polling sources share: the catalogue trigger they render (`getTrigger()`), its
 * settings read from the props, how each event is emitted, and the latest events for a first run.
 */
export const sourceBase = {
  dedupe: "unique",
  props: {
    app,
    db: "$.service.db",
  },
  methods: {
    /** The catalogue's settings for this trigger, read from this source's props by its rules. */
    settings(fields, fixed = {}) {
      try {
        return readTriggerSettings(this.getTrigger(), {
          ...formOf(this, fields),
          ...fixed,
        });
      } catch (error) {
        // A prop the catalogue refuses (an unknown sender, say) is for the user to fix.
        throw toPipedreamError(error);
      }
    },
    generateMeta(event) {
      const rma = event.data?.rma;
      const flags = [event.test && "test", event.replay && "replay"].filter(Boolean);
      const flagged = flags.length ? ` [${flags.join(", ")}]` : "";
      const about = rma ? `${rma.id} (${rma.customer.email})` : event.subject.id;
      return {
        // Event ids are stable across retries and replays, and the same in a webhook and in the
        // event log: one id, whichever way the event arrived.
        id: event.id,
        summary: `${EVENT_CATALOGUE[event.type]?.label ?? event.type}: ${about}${flagged}`,
        ts: Date.parse(event.created_at),
      };
    },
    emitEvent(event) {
      this.$emit(event, this.generateMeta(event));
    },
    /**
     * The events of `events` (types, or ["*"]) from the log, oldest first. All types take one walk
     * of the log; a few types take one filtered walk each, so rare types never mean reading it all.
     */
    async listEventsSince({ events, createdAfter, max }) {
      const walks = events[0] === "*" ? [undefined] : events;
      const lists = await Promise.all(
        walks.map((type) =>
          this.app.listEvents({
            filters: {
              type,
              created_after: createdAfter,
              limit: 100,
            },
            max,
          }),
        ),
      );
      return lists.flat().sort(byCreation).slice(-max);
    },
    /** Emits the latest few events, oldest first, so that a new source shows real data at once. */
    async emitRecentEvents(events) {
      const recent = await this.listEventsSince({
        events,
        max: DEPLOY_EVENT_COUNT,
      });
      recent.forEach((event) => this.emitEvent(event));
      return recent;
    },
  },
};
