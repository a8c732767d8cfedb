import { DEFAULT_POLLING_SOURCE_TIMER_INTERVAL } from "@pipedream/platform";
import { EVENT_TYPES_FIELD } from "../../dist/returns-client.mjs";
import { DB_KEYS } from "../../common/constants.mjs";
import { fieldProps } from "../../common/props.mjs";
import { sampleEmitOf, sourceBase } from "./base.mjs";
import { advanceCursor, createdAfterFor, isNewSince } from "./cursor.mjs";

/** More than this many new events between two polls means the interval is too long for the volume. */
export const MAX_EVENTS_PER_RUN = 1000;

/**
 * Polling sources, for accounts that cannot receive webhooks: they read the event log (the same
 * events, with the same ids, as the webhooks), so they also fill in deliveries a webhook missed.
 */
export const pollingSource = {
  ...sourceBase,
  props: {
    ...sourceBase.props,
    timer: {
      type: "$.interface.timer",
      default: {
        intervalSeconds: DEFAULT_POLLING_SOURCE_TIMER_INTERVAL,
      },
    },
  },
  hooks: {
    async deploy() {
      const events = await this.emitRecentEvents(this.pollingEvents());
      this.db.set(DB_KEYS.CURSOR, advanceCursor(null, events));
    },
  },
  methods: {
    ...sourceBase.methods,
    pollingEvents() {
      return this.settings([EVENT_TYPES_FIELD], {
        sender: "returns_api",
      }).events;
    },
  },
  async run() {
    const cursor = this.db.get(DB_KEYS.CURSOR) ?? null;
    const listed = await this.listEventsSince({
      events: this.pollingEvents(),
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
    this.db.set(DB_KEYS.CURSOR, advanceCursor(cursor, events));
  },
};

/**
 * The polling source of a catalogue trigger; the file adds its identity. Only New Event has a prop
 * (its event types): the sender settings mean nothing to a source that reads the API's own log.
 */
export function pollingSourceOf(trigger) {
  return {
    ...pollingSource,
    props: {
      ...pollingSource.props,
      ...(trigger.events === "chosen" && fieldProps([EVENT_TYPES_FIELD])),
    },
    methods: {
      ...pollingSource.methods,
      getTrigger: () => trigger,
    },
    sampleEmit: sampleEmitOf(trigger),
  };
}
