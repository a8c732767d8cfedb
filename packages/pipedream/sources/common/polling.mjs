import { DEFAULT_POLLING_SOURCE_TIMER_INTERVAL } from "@pipedream/platform";
import { EVENT_TYPES_FIELD, pollEventLog, startCursor } from "../../dist/returns-client.mjs";
import { DB_KEYS } from "../../common/constants.mjs";
import { fieldProps } from "../../common/props.mjs";
import { sampleEmitOf, sourceBase } from "./base.mjs";

/**
 * Polling sources, for accounts that cannot receive webhooks: the catalogue's one poll over the
 * event log (the same events, with the same ids, as the webhooks), from a cursor kept in `db`, so
 * they also fill in deliveries a webhook missed.
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
      // The cursor first: an event created while the samples are read comes again on the first
      // run, where Pipedream's dedupe drops it, instead of falling between the two.
      const cursor = await this.app.call({
        work: (client) => startCursor(client),
      });
      this.db.set(DB_KEYS.CURSOR, cursor);
      await this.emitRecentEvents(this.pollingEvents());
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
    const polled = await this.app.call({
      work: (client) => pollEventLog(client, this.pollingEvents(), this.db.get(DB_KEYS.CURSOR)),
    });
    if (polled.truncated) {
      console.log(
        "More new events since the last run than one run reads: emitting the newest. Shorten the polling interval.",
      );
    }
    polled.events.forEach((event) => this.emitEvent(event));
    this.db.set(DB_KEYS.CURSOR, polled.cursor);
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
