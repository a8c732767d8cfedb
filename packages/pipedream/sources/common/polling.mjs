import { DEFAULT_POLLING_SOURCE_TIMER_INTERVAL } from "@pipedream/platform";
import { DB_KEYS } from "../../common/constants.mjs";
import base from "./base.mjs";
import { advanceCursor, createdAfterFor, isNewSince } from "./cursor.mjs";

/** More than this many new events between two polls means the interval is too long for the volume. */
export const MAX_EVENTS_PER_RUN = 1000;

/**
 * Polling sources, for accounts that cannot receive webhooks: they read the event log, the same
 * events with the same ids as the webhooks, so they also fill in deliveries a webhook missed.
 */
export default {
  ...base,
  props: {
    ...base.props,
    timer: {
      type: "$.interface.timer",
      default: {
        intervalSeconds: DEFAULT_POLLING_SOURCE_TIMER_INTERVAL,
      },
    },
  },
  hooks: {
    async deploy() {
      const events = await this.emitRecentEvents();
      this._setCursor(advanceCursor(null, events));
    },
  },
  methods: {
    ...base.methods,
    _getCursor() {
      return this.db.get(DB_KEYS.CURSOR) ?? null;
    },
    _setCursor(cursor) {
      this.db.set(DB_KEYS.CURSOR, cursor);
    },
  },
  async run() {
    const cursor = this._getCursor();
    const listed = await this.listEventsSince({
      createdAfter: createdAfterFor(cursor),
      max: MAX_EVENTS_PER_RUN,
    });
    if (listed.length >= MAX_EVENTS_PER_RUN) {
      console.log(
        `More than ${MAX_EVENTS_PER_RUN} new events since the last run: emitting the newest. Shorten the polling interval.`,
      );
    }
    const events = listed.filter((event) => isNewSince(cursor, event));
    events.forEach((event) => this.emitEvent(event));
    this._setCursor(advanceCursor(cursor, events));
  },
};
