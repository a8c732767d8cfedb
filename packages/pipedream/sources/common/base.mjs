import { ConfigurationError } from "@pipedream/platform";
import app from "../../returns_pack.app.mjs";
import { EVENT_CATALOGUE, EVENT_TYPES } from "../../dist/returns-client.mjs";
import { DEPLOY_EVENT_COUNT } from "../../common/constants.mjs";
import { byCreation } from "./cursor.mjs";

/** What instant and polling sources share: the events they serve, how each is emitted, the first run. */
export default {
  dedupe: "unique",
  props: {
    app,
    db: "$.service.db",
  },
  methods: {
    /** The event types this source emits. */
    getEventTypes() {
      throw new ConfigurationError(
        "This source lists no event types: a source built on sources/common must define getEventTypes().",
      );
    },
    _servesAllTypes() {
      return EVENT_TYPES.every((type) => this.getEventTypes().includes(type));
    },
    isRelevant(event) {
      return this.getEventTypes().includes(event.type);
    },
    generateMeta(event) {
      const { rma } = event.data;
      const flags = [event.test && "test", event.replay && "replay"].filter(Boolean);
      const flagged = flags.length ? ` [${flags.join(", ")}]` : "";
      return {
        // Event ids (`evt_` and at most 48 more characters) are stable across retries and replays, and
        // the same in the webhook and in the event log: one id, whichever way the event arrived.
        id: event.id,
        summary: `${EVENT_CATALOGUE[event.type].label}: ${rma.id} (${rma.customer.email})${flagged}`,
        ts: Date.parse(event.created_at),
      };
    },
    emitEvent(event) {
      this.$emit(event, this.generateMeta(event));
    },
    /**
     * This source's events from the log, oldest first. All types take one walk of the log; a few
     * types take one filtered walk each, so that rare types never mean scanning everything.
     */
    async listEventsSince({ createdAfter, max }) {
      const walks = this._servesAllTypes() ? [undefined] : this.getEventTypes();
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
    /** Emits the latest few events, oldest first, so a new source shows data at once. */
    async emitRecentEvents() {
      const events = await this.listEventsSince({
        max: DEPLOY_EVENT_COUNT,
      });
      events.forEach((event) => this.emitEvent(event));
      return events;
    },
  },
};
